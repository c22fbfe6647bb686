import Foundation
import ReachCore

/// `logs/erasures.jsonl`: one JSON line per GDPR erasure, proving it happened without keeping the data it
/// removed (the creator's id, the date, and which files were removed or anonymised; never names or contacts).
enum ErasureLog {
    static let relativePath = "logs/erasures.jsonl"

    /// One line of the log.
    struct Entry: Codable, Equatable, Sendable {
        var influencerID: RecordID
        var erasedAt: Date
        var removedFiles: [String]
        var anonymisedFiles: [String]
    }

    /// The entry as one compact JSON line (sorted keys, ISO 8601 date).
    static func line(_ entry: Entry) -> [UInt8] {
        let compact = (try? RecordCoding.makeEncoder().encode(entry)) ?? Data()
        return Array(compact) + [UInt8(ascii: "\n")]
    }

    /// Appends `bytes` to the log and flushes it to disk.
    static func append(_ bytes: [UInt8], root: String, mode: mode_t) throws(StoreError) {
        try AppendOnlyFile(path: root + "/" + relativePath, mode: mode).append(bytes, sync: true)
    }
}
