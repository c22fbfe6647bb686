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
        out += conflictLines(store)
        if status.remoteURL != nil {
            out.append("Ahead: \(status.ahead) commit\(status.ahead == 1 ? "" : "s") to push; behind: \(status.behind) to merge (as of the last fetch)")
        }
        return out
    }

    /// Every open conflict with its record (kind, id and name: this is a terminal, not history) and field.
    static func conflictLines(_ store: RecordStore) -> [String] {
        let files: [ConflictFile]
        do {
            files = try store.conflicts.all()
        } catch {
            return ["Conflicts: cannot be read: \(error)"]
        }
        let count = files.reduce(0) { $0 + $1.clashes.count }
        guard count > 0 else { return ["Conflicts: none"] }
        var out = ["Conflicts: \(count) open (resolve them in the app with !, or edit the record and delete its conflict file):"]
        for file in files {
            let record = describe(file.subject, store: store)
            for clash in file.clashes {
                out.append("  \(record) · \(clash.field) · \(clash.authors.ours) / \(clash.authors.theirs)")
            }
        }
        return out
    }

    private static func describe(_ subject: ConflictSubject, store: RecordStore) -> String {
        switch subject {
        case .settings:
            return "settings (reach.json)"
        case .record(let kind, let id):
            let name: String? = switch kind {
            case .influencer: (try? store.load(Influencer.self, id: id))??.displayName
            case .campaign: (try? store.load(Campaign.self, id: id))??.name
            case .deal: nil
            case .template: (try? store.load(Template.self, id: id))??.name
            }
            return kind.noun + " " + id.rawValue + (name.map { " “\($0)”" } ?? "")
        }
    }
}
