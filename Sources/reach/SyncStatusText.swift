import Foundation
import ReachCore
import ReachStore

/// What `reach sync --status` prints.
enum SyncStatusText {
    static func lines(_ status: SyncStatus, store: RecordStore, now: Date) -> [String] {
        var out: [String] = []
        out.append("Remote: " + (status.remoteURL.map { "origin \($0) (branch \(status.branch))" } ?? "none (local commits only)"))
        out.append("State: " + status.headline(now: now))
        if let last = status.state.lastSuccess {
            out.append("Last sync: \(SyncStatus.age(now.timeIntervalSince(last)))")
        }
        if status.state.failed, let reason = status.state.failureReason {
            out.append("Last try failed: \(reason)")
        }
        out.append("Local changes: \(status.localChanges.isEmpty ? "none" : status.localChanges.summary)")
        out += status.localChanges.idLines(limit: 20).map { "  " + $0 }
        if status.remoteURL != nil {
            out.append("Ahead: \(status.ahead) commit\(status.ahead == 1 ? "" : "s") to push; behind: \(status.behind) to merge (as of the last fetch)")
        }
        return out
    }
}
