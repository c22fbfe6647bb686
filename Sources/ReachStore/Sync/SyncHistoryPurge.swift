import Foundation

/// `reach person erase --purge-history`: rewrites the synced history so no commit holds the erased person.
///
/// An erasure changes today's files; every earlier commit still has the creator's record and the old text of
/// their deals. The rewrite drops the creator's own files from every commit and puts the erased (current)
/// content of every anonymised file in place of each older version of it, so those files' history collapses
/// to their erased state. Then the old objects are expired and the branch is force-pushed: every other server
/// must take the new history (docs/sync.md, "Erasing a person"), which `SyncEngine` insists on.
public struct SyncHistoryPurge: Sendable {
    public let repository: GitRepository

    public init(repository: GitRepository) {
        self.repository = repository
    }

    /// What the purge did.
    public struct Outcome: Sendable, Equatable {
        public var commitsRewritten: Int
        public var pushed: Bool
    }

    /// `removed`: data-folder-relative paths to drop from every commit; `anonymised`: paths whose current content
    /// replaces every older version. The erasure itself is committed first.
    public func purge(removed: [String], anonymised: [String]) throws(SyncError) -> Outcome {
        try SyncLock(folder: repository.folder).hold { () throws(SyncError) -> Outcome in
            let engine = SyncEngine(repository: repository)
            _ = try engine.withFolderLock { () throws(SyncError) in
                try SyncCommit.commitLocalChanges(in: repository, title: "reach: erasure of one creator")
            }
            let branch = try engine.currentBranch()
            let tracked = Set(try repository.nulSeparated(["ls-files", "-z"], step: "list tracked files"))
            var script = "set -e\n"
            let drops = removed.map(SyncSetup.shellQuoted).joined(separator: " ")
            if !drops.isEmpty { script += "git rm -q --cached --ignore-unmatch -- \(drops)\n" }
            for path in anonymised where tracked.contains(path) {
                let blob = try repository.run(["hash-object", "-w", "--", path], step: "store the erased \(path)")
                    .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                let quoted = SyncSetup.shellQuoted(path)
                script += "if git ls-files --error-unmatch -- \(quoted) >/dev/null 2>&1; then "
                    + "git update-index --cacheinfo 100644,\(blob),\(quoted); fi\n"
            }
            let commits = Int(try repository.run(["rev-list", "--count", "HEAD"], step: "count commits").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            try repository.run(["filter-branch", "--force", "--index-filter", script, "--", branch],
                               step: "rewrite history", extraEnvironment: ["FILTER_BRANCH_SQUELCH_WARNING": "1"])
            try expireOldObjects()
            var pushed = false
            if try repository.remoteURL() != nil {
                try repository.run(["push", "--quiet", "--force", "origin", "HEAD:refs/heads/\(branch)"],
                                   step: "force-push the rewritten history")
                pushed = true
            }
            return Outcome(commitsRewritten: commits, pushed: pushed)
        }
    }

    /// Drops filter-branch's backup refs and the reflog, then prunes, so the old blobs are gone from this clone.
    private func expireOldObjects() throws(SyncError) {
        for ref in try repository.run(["for-each-ref", "--format=%(refname)", "refs/original"], step: "list backup refs")
            .stdout.split(whereSeparator: \.isNewline) {
            try repository.run(["update-ref", "-d", String(ref)], step: "drop the backup ref \(ref)")
        }
        try repository.run(["reflog", "expire", "--expire=now", "--all"], step: "expire the reflog")
        try repository.run(["gc", "--quiet", "--prune=now"], step: "prune old objects")
    }
}
