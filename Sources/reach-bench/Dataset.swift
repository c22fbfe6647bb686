import Foundation
import ReachCore
import ReachDemo
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

/// A data folder of `influencers` creators from `DemoData` at that scale (about two deals each), cached under
/// `$TMPDIR/reach-bench-<N>-<seed>` so reruns skip the generation.
struct Dataset: Sendable {
    static let defaultSeed: UInt64 = 42
    /// The fixed "now" of every generated folder, so due dates and overdue counts are reproducible.
    static let now = Date(timeIntervalSince1970: 1_780_304_400) // 2026-06-01 09:00 UTC

    var influencers: Int
    var seed: UInt64 = Dataset.defaultSeed

    var folder: String { "\(Self.temporaryDirectory)/reach-bench-\(influencers)-\(seed)" }

    static var temporaryDirectory: String {
        ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Written last, so a folder whose generation was interrupted is rebuilt rather than trusted.
    private var marker: String { folder + "/.reach-bench-complete" }

    var isPrepared: Bool { FileManager.default.fileExists(atPath: marker) }

    /// Generates the folder unless a complete one is cached.
    func prepare() throws {
        guard !isPrepared else { return }
        Progress.say("generating \(influencers) influencers in \(folder) (cached for next runs)…")
        try? FileManager.default.removeItem(atPath: folder)
        let demo = Self.generate(count: influencers, seed: seed)
        // As `reach demo` writes it.
        let store = try RecordStore(folder: folder)
        _ = try store.insertBatch(demo.templates)
        _ = try store.insertBatch(demo.campaigns)
        _ = try store.insertBatch(demo.influencers)
        _ = try store.insertBatch(demo.deals)
        try store.saveWorkspace(demo.settings)
        guard FileManager.default.createFile(atPath: marker, contents: Data()) else {
            throw BenchError(description: "cannot write \(marker): check that \(folder) is writable")
        }
    }

    /// The records of a folder, in memory only.
    static func generate(count: Int, seed: UInt64 = defaultSeed) -> DemoWorkspace {
        DemoData.make(now: now, seed: seed, scale: count)
    }

    /// Opens the folder, generating it first if needed.
    func openStore() throws -> RecordStore {
        try prepare()
        return try RecordStore(folder: folder)
    }

    /// Builds the folder's index, or brings it up to date (untimed): the app starts deals from its rows. The first
    /// build at 100k reads every file, about two minutes.
    func buildIndex() throws {
        let store = try openStore()
        let index = try FolderIndex(store: store)
        if try !index.isBuilt(.deal) { Progress.say("building the folder index of \(folder) (kept for next runs)…") }
        try index.refresh()
    }

    /// Loads every kind, as the app does at start.
    func load(from store: RecordStore) throws -> LoadedData {
        let settings = try store.loadWorkspace(WorkspaceSettings.self) ?? WorkspaceSettings()
        return LoadedData(influencers: store.loadAll(Influencer.self).records, campaigns: store.loadAll(Campaign.self).records,
                          deals: store.loadAll(Deal.self).records, settings: settings)
    }
}

/// Progress lines go to stderr so stdout stays the table (or the JSON a child sends to its parent).
enum Progress {
    static func say(_ line: String) {
        FileHandle.standardError.write(Data(("reach-bench: " + line + "\n").utf8))
    }
}
