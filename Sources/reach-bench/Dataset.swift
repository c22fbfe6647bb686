import Foundation
import ReachCore
import ReachStore

/// Why the benchmark could not run; the message says what to do.
struct BenchError: Error, CustomStringConvertible {
    var description: String
}

/// Everything a data folder holds, loaded into memory the way the app loads it.
struct LoadedData: Sendable {
    var influencers: [Influencer]
    var campaigns: [Campaign]
    var deals: [Deal]
    var settings: WorkspaceSettings
}

/// A generated data folder of `influencers` creators (two deals each), cached under
/// `$TMPDIR/reach-bench-<N>-<seed>` so reruns skip the generation.
struct Dataset: Sendable {
    static let defaultSeed: UInt64 = 42
    /// The fixed "now" of every generated folder, so due dates and overdue counts are reproducible.
    static let now = Date(timeIntervalSince1970: 1_780_304_400) // 2026-06-01 09:00 UTC

    var influencers: Int
    var seed: UInt64 = Dataset.defaultSeed

    var folder: String {
        let temp = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(temp)/reach-bench-\(influencers)-\(seed)"
    }

    /// Written last, so a folder whose generation was interrupted is rebuilt rather than trusted.
    private var marker: String { folder + "/.reach-bench-complete" }

    var isPrepared: Bool { FileManager.default.fileExists(atPath: marker) }

    /// Generates the folder unless a complete one is cached.
    func prepare() throws {
        guard !isPrepared else { return }
        Progress.say("generating \(influencers) influencers in \(folder) (cached for next runs)…")
        try? FileManager.default.removeItem(atPath: folder)
        let output = Self.generate(count: influencers, seed: seed)
        let store = try RecordStore(folder: folder)
        try store.saveWorkspace(output.settings)
        try write(output.influencers, layout: store.layout)
        try write(output.campaigns, layout: store.layout)
        try write(output.deals, layout: store.layout)
        guard FileManager.default.createFile(atPath: marker, contents: Data()) else {
            throw BenchError(description: "cannot write \(marker): check that \(folder) is writable")
        }
    }

    /// The records of a folder, in memory only (the one place that decides which generator is used).
    static func generate(count: Int, seed: UInt64 = defaultSeed) -> LoadedData {
        LocalGenerator.make(count: count, seed: seed, now: now)
    }

    /// Opens the folder (generating it first if needed).
    func openStore() throws -> RecordStore {
        try prepare()
        return try RecordStore(folder: folder)
    }

    /// Loads every kind, as the app does at start.
    func load(from store: RecordStore) throws -> LoadedData {
        let settings = try store.loadWorkspace(WorkspaceSettings.self) ?? WorkspaceSettings()
        return LoadedData(influencers: store.loadAll(Influencer.self).records, campaigns: store.loadAll(Campaign.self).records,
                          deals: store.loadAll(Deal.self).records, settings: settings)
    }

    /// Writes records as the store's JSON files directly: `RecordStore.save` fsyncs every file, which
    /// would make generating 300,000 records take many minutes.
    private func write<R: Record>(_ records: [R], layout: DataFolderLayout) throws {
        let chunkSize = 512
        let chunks = (records.count + chunkSize - 1) / chunkSize
        let failures = FailureCollector()
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            for record in records[(chunk * chunkSize)..<min(records.count, (chunk + 1) * chunkSize)] {
                let path = layout.recordFile(R.kind, record.id)
                guard let data = try? encoder.encode(record),
                      FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                    failures.record(path)
                    continue
                }
            }
        }
        if let failed = failures.first {
            throw BenchError(description: "could not write \(failed): check free space in \(folder)")
        }
    }
}

/// The first failure among parallel writers.
private final class FailureCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []

    func record(_ path: String) { lock.withLock { paths.append(path) } }
    var first: String? { lock.withLock { paths.first } }
}

/// Progress lines go to stderr so stdout stays the table (or the JSON a child sends to its parent).
enum Progress {
    static func say(_ line: String) {
        FileHandle.standardError.write(Data(("reach-bench: " + line + "\n").utf8))
    }
}
