/// A commit `reach sync` made of the folder's local changes.
public struct SyncCommit: Sendable, Equatable {
    public var commit: String
    public var changes: SyncChanges

    /// Stages everything the `.gitignore` lets through and commits it, if anything changed.
    ///
    /// The message counts changes by kind and lists record ids: never a name, handle or email, because a
    /// commit is copied to every server and history is hard to erase (GDPR).
    /// `only`: the paths to look at (all when empty); at 300,000 files, staging `conflicts/` alone skips a stat
    /// of every record.
    static func commitLocalChanges(in repository: GitRepository, title: String = "reach sync",
                                   only paths: [String] = []) throws(SyncError) -> SyncCommit? {
        try repository.run(["add", "--all", "--"] + paths, step: "stage local changes")
        let staged = try repository.run(["diff", "--cached", "--name-status", "--no-renames", "-z"], step: "list local changes")
        let changes = SyncChanges(nameStatus: staged.stdout)
        guard !changes.isEmpty else { return nil }
        let message = "\(title): \(changes.summary)\n\n" + changes.idLines().joined(separator: "\n") + "\n"
        try repository.run(["commit", "--quiet", "--no-verify", "-m", message],
                           step: "commit local changes")
        guard let head = try repository.resolve("HEAD") else {
            throw .gitFailed(step: "commit local changes", reason: "no commit after committing")
        }
        return SyncCommit(commit: head, changes: changes)
    }
}
