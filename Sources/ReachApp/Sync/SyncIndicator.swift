import Foundation
import ReachStore

/// What the app knows of the folder's git sync: shown at the top right, and what schedules the auto-sync.
///
/// Nil in `AppState` when the folder is not set up for sync (`reach sync init`).
public struct SyncIndicator: Sendable, Equatable {
    /// The last `SyncStatus` read (local changes, ahead/behind, the last outcome); nil until the first read.
    public var status: SyncStatus?
    /// The last outcome on record (`.git/reach-sync-state.json`), kept current by this app's own syncs.
    public var state: SyncState
    /// A sync this app started is running.
    public var running = false
    /// A status read is due (a save or another session's edit since the last one).
    public var statusStale = true
    /// When this app last started a sync or a status read (paces both).
    public var lastSyncStart: Date
    public var lastStatusRead: Date?

    public init(state: SyncState, now: Date) {
        self.state = state
        lastSyncStart = now
    }

    /// "syncing…", "sync failed: …", "4 local changes", "synced 3 min ago".
    public func headline(now: Date) -> String {
        if running { return "syncing…" }
        if var status {
            status.state = state
            return status.headline(now: now)
        }
        if state.failed, let reason = state.failureReason { return "sync failed: \(reason)" }
        return state.lastSuccess.map { "synced " + SyncStatus.age(now.timeIntervalSince($0)) } ?? "not synced yet"
    }

    /// True when the headline is a problem worth a warning colour.
    public var isFailing: Bool { !running && state.failed }

    /// Auto-sync due: `minutes` since the last start (or the app's start), none running.
    func autoSyncDue(now: Date, minutes: Int) -> Bool {
        minutes > 0 && !running && now.timeIntervalSince(lastSyncStart) >= Double(minutes) * 60
    }

    /// A status read due: something changed, none in the last 5 s (git status stats every tracked file).
    func statusReadDue(now: Date) -> Bool {
        statusStale && !running && lastStatusRead.map { now.timeIntervalSince($0) >= 5 } ?? true
    }
}
