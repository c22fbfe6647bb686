import ReachCore
import ReachStore

/// What `reach sync` and `reach sync init` print: counts and ids, one line each.
enum SyncReportText {
    static func lines(_ report: SyncReport, remote: String?) -> [String] {
        var out: [String] = []
        if let committed = report.committed {
            out.append("Committed: \(committed.changes.summary)")
        }
        guard report.hasRemote else {
            out.append("No remote is set, so nothing was sent or received. Add one with `reach sync init REMOTE`.")
            return out
        }
        out.append("Received: \(report.incoming.summary)")
        out.append("Sent: \(report.pushed ? report.outgoing.summary : "nothing")")
        if report.conflicts.isEmpty {
            out.append("Conflicts: none")
        } else {
            out.append("Conflicts: \(report.conflicts.count), kept in conflicts/ (both values); resolve them in the app, "
                       + "or see `reach sync --status`:")
            out += report.conflicts.map { "  " + describe($0) }
        }
        out.append("Synced with \(remote ?? "the remote").")
        return out
    }

    static func initLines(_ outcome: SyncSetup.Outcome, folder: String, remote: String?) -> [String] {
        var out: [String] = []
        if outcome.cloned { out.append("Cloned \(remote ?? "the remote") into \(folder).") }
        if outcome.createdRepository { out.append("Made \(folder) a git repository.") }
        if !outcome.changedFiles.isEmpty { out.append("Wrote \(outcome.changedFiles.joined(separator: " and ")).") }
        if outcome.driverChanged { out.append("Registered Reach's merge driver for record files.") }
        if let added = outcome.addedRemote { out.append("Added the remote origin: \(added).") }
        if let committed = outcome.committed { out.append("Committed: \(committed.changes.summary).") }
        if outcome.pushed { out.append("Pushed to origin.") }
        if out.isEmpty { out.append("\(folder) is already set up for sync; nothing changed.") }
        out.append("Sync with `reach sync`; see docs/sync.md.")
        return out
    }

    /// "deal 01J…" for a subject: ids only, as in the commit messages.
    static func describe(_ subject: SyncChanges.Subject) -> String {
        switch subject {
        case .record(let kind, let id): "\(kind.noun) \(id.rawValue)"
        case .settings: "settings (reach.json)"
        case .conflict(let path), .other(let path): path
        }
    }
}
