import Foundation
import ReachCore
import ReachStore

/// Decides when the open app looks at the data folder for other sessions' edits, and how much of it.
///
/// With a `FolderWatcher` (Linux inotify) it stats only the files the kernel said changed, at most every
/// `interval`, and runs a full scan rarely, as a safety net for changes no local event reports (a folder on NFS
/// written from another machine). Without one it falls back to full scans, spaced so that they take a tenth of
/// the time at most. Either way an idle app costs a small, bounded share of a core: at 100,000 creators a full
/// scan stats 300,000 files (0.7 s), and scanning every second kept more than a core busy per open app.
struct ScanSchedule {
    /// A full scan runs at most once per `safetyFactor` times its own duration, and at least a minute apart,
    /// while the watcher works.
    static let safetyInterval: TimeInterval = 60
    static let safetyFactor: Double = 300
    /// Without a watcher, full scans are spaced by ten times their duration (and at least `interval`).
    static let fallbackFactor: Double = 10

    /// Made at the first `collect()`, after a start's first frame: watching a folder of 200,000 files makes the
    /// kernel mark each of them (25 ms at 100k creators). The first scan is a full one, so nothing made meanwhile is
    /// missed.
    private var watcher: FolderWatcher?
    private var makeWatcher: (() -> FolderWatcher?)?
    /// How often files named by the watcher are looked at (and, without a watcher, the shortest full-scan gap).
    var interval: TimeInterval
    private var pending: [RecordKind: Set<String>] = [:]
    /// The first scan is a full one: the workspace may come from a folder index that missed an edit made in place.
    private var fullScanNeeded = true
    private var lastScan: Date
    private var lastFullScan: Date
    private var lastFullScanDuration: TimeInterval = 0

    init(watcher: @escaping () -> FolderWatcher?, interval: TimeInterval, now: Date) {
        makeWatcher = watcher
        self.interval = interval
        lastScan = now
        lastFullScan = now
    }

    /// Whether the kernel tells this app which files changed (false: it polls the whole folder).
    var isWatching: Bool { watcher?.isWatching ?? false }

    /// Collects what the watcher saw since the last call; cheap (one `read` that usually finds nothing), so the
    /// loop calls it every tick even while a scan runs.
    mutating func collect() {
        if let make = makeWatcher {
            watcher = make()
            makeWatcher = nil
        }
        switch watcher?.take() {
        case .files(let files)?: pending.merge(files) { $0.union($1) }
        case .everything?: fullScanNeeded = true
        case nil: break
        }
    }

    /// What to scan now, if anything; the caller must then scan it (the pending names are handed over).
    mutating func next(now: Date) -> FolderChanges? {
        guard now.timeIntervalSince(lastScan) >= interval else { return nil }
        let fullGap = isWatching
            ? max(Self.safetyInterval, Self.safetyFactor * lastFullScanDuration)
            : max(interval, Self.fallbackFactor * lastFullScanDuration)
        if fullScanNeeded || now.timeIntervalSince(lastFullScan) >= fullGap {
            fullScanNeeded = false
            pending = [:]
            lastScan = now
            lastFullScan = now
            return .everything
        }
        guard !pending.isEmpty else { return nil }
        defer { pending = [:] }
        lastScan = now
        return .files(pending)
    }

    /// Records how long a full scan took, which spaces the next ones.
    mutating func fullScanTook(_ duration: TimeInterval) { lastFullScanDuration = duration }
}
