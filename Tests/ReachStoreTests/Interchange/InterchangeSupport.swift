import Foundation
import ReachCore
@testable import ReachStore

/// Shared helpers for the import/export/report/GDPR tests: a data folder in a temp dir, files written from strings.
struct DataFolderFixture {
    let folder = TempFolder()
    let store: RecordStore
    static let now = Date(timeIntervalSince1970: 1_717_200_000)  // 2024-06-01T00:00:00Z

    init() throws {
        store = try RecordStore(folder: folder.data, clock: { DataFolderFixture.now })
    }

    /// Writes `text` (UTF-8) to a file outside the data folder and returns its path.
    func file(_ name: String, _ text: String) -> String {
        let path = folder.path + "/" + name
        writeText(text, to: path)
        return path
    }

    /// Writes raw bytes to a file outside the data folder and returns its path.
    func file(_ name: String, bytes: [UInt8]) -> String {
        let path = folder.path + "/" + name
        writeBytes(bytes, to: path)
        return path
    }

    func importInfluencers(_ path: String, dryRun: Bool = false, map: [String] = [], now: Date = DataFolderFixture.now) throws -> ImportReport {
        try InfluencerImport.run(file: path, store: store, options: .init(
            overrides: try map.map { spec throws(InterchangeError) in try ColumnMapping.Override.parse(spec) }, dryRun: dryRun, now: now))
    }

    /// Saves a new record (revision 0 on disk) and returns it as stored.
    @discardableResult
    func add<R: Record>(_ record: R) throws -> R { try store.saveOK(record, expectedRevision: 0) }

    var influencers: [Influencer] { store.loadAll(Influencer.self).records.sorted { $0.displayName < $1.displayName } }

    func influencer(named name: String) -> Influencer? { influencers.first { $0.displayName == name } }

    /// Every file under the data folder with its contents, for "nothing was written" and "no trace left" checks.
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder.data)
        guard let walker = FileManager.default.enumerator(atPath: folder.data) else { return out }
        for case let relative as String in walker {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = FileManager.default.contents(atPath: url.path) ?? Data()
            }
        }
        return out
    }
}

extension ImportReport {
    /// The row starting on `line`.
    func row(_ line: Int) -> ImportRowResult? { rows.first { $0.line == line } }
}

extension ImportAction {
    var isCreated: Bool { if case .created = self { return true } else { return false } }
    var isMerged: Bool { if case .merged = self { return true } else { return false } }
    var isUnchanged: Bool { if case .unchanged = self { return true } else { return false } }
    var rejection: String? { if case let .rejected(reason) = self { return reason } else { return nil } }
    var mergeDetails: [String] { if case let .merged(_, changes, kept, _) = self { return changes + kept } else { return [] } }
}

/// Reads every row of CSV text.
func csvRows(_ text: String, bytes: [UInt8]? = nil) throws -> [DelimitedTextReader.Row] {
    var reader = try DelimitedTextReader(bytes: bytes ?? Array(text.utf8), fileName: "test.csv")
    var rows: [DelimitedTextReader.Row] = []
    while let row = try reader.next() { rows.append(row) }
    return rows
}

/// The `InterchangeError` thrown by `body`, or nil when it threw nothing (or something else).
func caught(_ body: () throws -> Void) -> InterchangeError? {
    do {
        try body()
        return nil
    } catch let error as InterchangeError {
        return error
    } catch {
        return nil
    }
}
