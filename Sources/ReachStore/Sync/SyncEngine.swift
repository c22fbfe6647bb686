import Foundation

/// What one `reach sync` did.
public struct SyncReport: Sendable, Equatable {
    /// The local changes it committed first.
    public var committed: SyncCommit?
    /// What the merge brought in from the remote.
    public var incoming = SyncChanges()
    /// What the push sent (our commits the remote did not have).
    public var outgoing = SyncChanges()
    /// Records that got a new or changed conflict record in this sync.
    public var conflicts: [SyncChanges.Subject] = []
    public var pushed = false
    /// False when the repository has no remote: the sync only committed.
    public var hasRemote = true

    public init() {}
}

/// `reach sync`: commit local changes, fetch, merge through the driver, push; once more if the push raced.
///
/// The folder's writer lock is held while git changes files (staging, merging), so no Reach save interleaves
/// with a merge and no session quarantines a file git is half-way through writing; it is not held for the
/// network. A second sync of the same folder waits for none: it is told the folder is busy.
public struct SyncEngine: Sendable {
    public let repository: GitRepository
    /// How long a sync waits for a session's save to finish before it gives up.
    public var lockTimeout: Duration = .seconds(30)
    public var remote = "origin"

    public init(repository: GitRepository) {
        self.repository = repository
    }

    /// One whole sync; its outcome is kept for the status bar and `sync --status` (`SyncState`).
    public func sync(now: @Sendable () -> Date = { Date() }) throws(SyncError) -> SyncReport {
        let outcome = Result { () throws(SyncError) -> SyncReport in
            try SyncLock(folder: repository.folder).hold { () throws(SyncError) -> SyncReport in
                let committed = try withFolderLock { () throws(SyncError) in try SyncCommit.commitLocalChanges(in: repository) }
                var report = try exchange()
                report.committed = committed
                return report
            }
        }
        SyncState.record(outcome, folder: repository.folder, at: now())
        return try outcome.get()
    }

    /// Fetch, merge and push, with one retry when another server pushed between our fetch and our push.
    func exchange() throws(SyncError) -> SyncReport {
        var report = SyncReport()
        guard try repository.config("remote.\(remote).url") != nil else {
            report.hasRemote = false
            return report
        }
        let branch = try currentBranch()
        for attempt in 1...2 {
            let known = try repository.resolve("refs/remotes/\(remote)/\(branch)")
            try repository.run(["fetch", "--quiet", remote], step: "fetch from the remote")
            let upstream = try repository.resolve("refs/remotes/\(remote)/\(branch)")
            // A remote whose history no longer contains what we fetched before was rewritten (a purge of
            // personal data): merging it would bring the purged commits back.
            if let known, let upstream, try !isAncestor(known, of: upstream) {
                throw .historyRewritten(folder: repository.folder, branch: "\(remote)/\(branch)")
            }
            if let upstream {
                let merged = try merge(upstream, branch: branch)
                report.incoming.entries += merged.incoming.entries
                report.conflicts += merged.conflicts
            }
            guard let head = try repository.resolve("HEAD") else { return report }
            if head == upstream { return report }
            report.outgoing = try changes(from: upstream, to: head)
            let push = try repository.attempt(["push", "--quiet", "--set-upstream", remote, "HEAD:refs/heads/\(branch)"])
            if push.succeeded {
                report.pushed = true
                return report
            }
            guard attempt == 1, Self.isRace(push.stderr) else {
                throw .gitFailed(step: "push to the remote", reason: push.reason)
            }
        }
        return report
    }

    /// The merge of `upstream` into HEAD; clashes the driver or git found become conflict records.
    private func merge(_ upstream: String, branch: String) throws(SyncError) -> (incoming: SyncChanges, conflicts: [SyncChanges.Subject]) {
        let before = try repository.resolve("HEAD")
        if let before, try isAncestor(upstream, of: before) { return (SyncChanges(), []) }
        let theirsAuthor = try repository.run(["log", "-1", "--format=%an", upstream], step: "read the remote's last author")
            .stdout.trimmingCharacters(in: .newlines)
        return try withFolderLock { () throws(SyncError) in
            try prepareStagingFolder()
            let output = try repository.attempt(
                ["merge", "--no-edit", "--quiet", "-m", "reach sync: merge \(remote)/\(branch)", upstream],
                extraEnvironment: ["REACH_MERGE_THEIRS_AUTHOR": theirsAuthor.isEmpty ? "unknown" : theirsAuthor,
                                   "REACH_MERGE_CONFLICTS_DIR": stagingFolder]
            )
            var conflicts: [SyncChanges.Subject] = []
            if !output.succeeded {
                let unmerged = try unmergedPaths()
                guard !unmerged.isEmpty else {
                    throw .gitFailed(step: "merge the remote's changes", reason: output.reason)
                }
                conflicts += try resolve(unmerged, theirsAuthor: theirsAuthor)
                try absorbStagedConflicts()
                try repository.run(["add", "--all"], step: "stage the merge")
                try repository.run(["commit", "--quiet", "--no-verify", "--no-edit"], step: "commit the merge")
            }
            // Clashes the driver staged during a clean merge travel as their own commit (only conflicts/ is
            // staged: at 300,000 files a second `add --all` would stat every record again).
            let recorded = try absorbStagedConflicts() > 0
                ? try SyncCommit.commitLocalChanges(in: repository, title: "reach sync: conflicts recorded", only: ["conflicts"])
                : nil
            conflicts += recorded?.changes.entries.map(\.subject) ?? []
            let after = try repository.resolve("HEAD")
            let incoming = try changes(from: before, to: after ?? upstream, excludingConflictCommit: recorded)
            return (incoming, conflicts)
        }
    }

    private func changes(from: String?, to: String?, excludingConflictCommit recorded: SyncCommit? = nil) throws(SyncError) -> SyncChanges {
        guard let to else { return SyncChanges() }
        let end = recorded != nil ? to + "^" : to
        let arguments = from.map { ["diff", "--name-status", "--no-renames", "-z", $0, end] }
            ?? ["diff-tree", "-r", "--root", "--name-status", "--no-renames", "-z", "--no-commit-id", end]
        return SyncChanges(nameStatus: try repository.run(arguments, step: "list what changed").stdout)
    }

    private func isAncestor(_ commit: String, of other: String) throws(SyncError) -> Bool {
        try repository.attempt(["merge-base", "--is-ancestor", commit, other]).succeeded
    }

    func currentBranch() throws(SyncError) -> String {
        let output = try repository.attempt(["symbolic-ref", "--quiet", "--short", "HEAD"])
        return output.succeeded ? output.stdout.trimmingCharacters(in: .newlines) : "main"
    }

    /// Paths git left unmerged, with the stages it has of each (1 base, 2 ours, 3 theirs).
    private func unmergedPaths() throws(SyncError) -> [String: Set<Int>] {
        var stages: [String: Set<Int>] = [:]
        for line in try repository.nulSeparated(["ls-files", "--unmerged", "-z"], step: "list unmerged files") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let fields = line[..<tab].split(separator: " ")
            guard fields.count == 3, let stage = Int(fields[2]) else { continue }
            stages[String(line[line.index(after: tab)...]), default: []].insert(stage)
        }
        return stages
    }

    /// A push refused because the remote moved on (another server pushed first): worth one more round.
    static func isRace(_ stderr: String) -> Bool {
        ["fetch first", "non-fast-forward", "rejected", "cannot lock ref", "failed to update ref"].contains { stderr.contains($0) }
    }

    func withFolderLock<T>(_ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        let lock = FolderLock(path: DataFolderLayout(root: repository.folder).lockFile, fileMode: 0o600, timeout: lockTimeout)
        return try SyncError.storeStep(at: repository.folder) { try lock.withLock { try body() } }
    }
}
