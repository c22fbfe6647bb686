import Foundation
import ReachCore
import ReachStore

/// The record the torture program writes: a body of varying size plus the tokens of every edit,
/// so a test can tell exactly which write a file holds. Schema 1 called `body` `text`, so tests
/// can plant old files and see them migrated with a backup.
struct TortureRecord: Record, MigratableRecord {
    static let kind = RecordKind.influencer
    static let currentSchemaVersion = 2
    var id: RecordID
    var schemaVersion = TortureRecord.currentSchemaVersion
    var createdAt: Date
    var updatedAt: Date
    var revision = 0
    var body: String
    /// One token per acknowledged edit ("w2-117"), appended in revision order.
    var tokens: [String] = []

    init(id: RecordID, at date: Date, body: String) {
        self.id = id
        createdAt = date
        updatedAt = date
        self.body = body
    }

    static func migrate(json: inout [String: JSONValue], from version: Int) throws {
        if version == 1, let text = json.removeValue(forKey: "text") { json["body"] = text }
    }

    /// A short fingerprint of the content a writer chose (body and tokens), printed with every write.
    var digest: String { Digest.of(body + "\u{0}" + tokens.joined(separator: "\u{1}")) }
}

/// FNV-1a over UTF-8: stable across processes and runs (unlike `Hasher`), and enough to tell writes apart.
enum Digest {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// SplitMix64: a tiny seeded generator so a failing run can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
