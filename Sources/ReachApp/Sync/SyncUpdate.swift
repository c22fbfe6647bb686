import Foundation
import ReachStore

/// The app's side of git sync: when to sync and read the status, and what the outcome says on screen.
enum SyncUpdate {
    /// `Y`: sync now.
    static func syncNow(_ state: inout AppState) -> [Effect] {
        guard state.sync != nil else {
            state.show("This folder is not synced; `reach sync init REMOTE` in a terminal sets it up (docs/sync.md).", .warning)
            return []
        }
        return start(&state)
    }

    /// Auto-sync when it is due, and a status read when something changed.
    static func tick(_ now: Date, _ state: inout AppState) -> [Effect] {
        guard let indicator = state.sync else { return [] }
        if indicator.autoSyncDue(now: now, minutes: state.workspace.settings.workspace.autoSyncMinutes) {
            return start(&state)
        }
        guard indicator.statusReadDue(now: now) else { return [] }
        state.sync?.lastStatusRead = now
        state.sync?.statusStale = false
        return [.readSyncStatus]
    }

    private static func start(_ state: inout AppState) -> [Effect] {
        guard state.sync?.running == false else { return [] }
        state.sync?.running = true
        state.sync?.lastSyncStart = state.now
        return [.sync]
    }

    static func finished(_ outcome: Result<SyncReport, SyncError>, _ syncState: SyncState, _ state: inout AppState) -> [Effect] {
        state.sync?.running = false
        state.sync?.state = syncState
        state.sync?.statusStale = true
        switch outcome {
        case .success(let report):
            if !report.conflicts.isEmpty {
                let count = report.conflicts.count
                state.show("Synced; \(count) record\(count == 1 ? " has" : "s have") a conflict (≠): open it and press ! to resolve", .warning)
            } else if !report.incoming.isEmpty || report.pushed {
                state.show("Synced: received \(report.incoming.summary); sent \(report.pushed ? report.outgoing.summary : "nothing")", .success)
            }
        case .failure(let error):
            state.show("Sync failed: \(error.shortReason). Y tries again; `reach sync` in a terminal says more.", .error)
        }
        return [.loadConflicts]
    }

    static func statusRead(_ status: SyncStatus?, _ state: inout AppState) -> [Effect] {
        state.sync?.status = status
        return []
    }
}
