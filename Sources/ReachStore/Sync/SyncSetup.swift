import Foundation

/// `reach sync init`: makes a data folder a git repository whose record files merge through Reach's driver.
///
/// Every step checks before it writes, so running it again changes nothing.
public struct SyncSetup: Sendable {
    /// The command git runs to merge a Reach file: this `reach` binary's `merge-file`.
    public var driverExecutable: String
    public var author: SyncAuthor

    public init(driverExecutable: String, author: SyncAuthor) {
        self.driverExecutable = driverExecutable
        self.author = author
    }

    /// What `sync init` did, for the CLI to print.
    public struct Outcome: Sendable, Equatable {
        public var cloned = false
        public var createdRepository = false
        public var addedRemote: String?
        public var committed: SyncCommit?
        public var pushed = false
        public var changedFiles: [String] = []
        public var driverChanged = false
    }

    /// Local and derived files that must never reach another server.
    static let ignoredLines = [
        "/quarantine/", "/logs/", "/backups/", "/trash/", "/cache/", "/.lock", ".*.tmp-*", "*.tmp-*", "/.reach-*",
    ]

    /// Every record file, the settings and the conflict records go to the field-level merge.
    public static let attributeLines = [
        "reach.json merge=reach",
        "/influencers/*.json merge=reach", "/campaigns/*.json merge=reach", "/deals/*.json merge=reach",
        "/templates/*.json merge=reach", "/conflicts/**/*.json merge=reach",
    ]

    /// Sets up `folder`: clones `remote` into it when it is missing or empty, else makes it (or finds it) a
    /// repository, writes `.gitignore` and `.gitattributes`, registers the driver, adds `remote` and pushes.
    public func run(folder: String, remote: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SyncError) -> Outcome {
        var outcome = Outcome()
        let repository = try GitRepository(folder: folder, author: author, environment: environment)
        if let remote, Self.isMissingOrEmpty(folder) {
            try clone(remote, into: folder, with: repository)
            outcome.cloned = true
        } else if try !isRepositoryTop(repository) {
            try Self.requireDataFolder(folder)
            try repository.run(["init", "--quiet", "--initial-branch=main"], step: "create a git repository in the data folder")
            outcome.createdRepository = true
        }
        outcome.changedFiles += try writeLines(Self.ignoredLines, to: folder + "/.gitignore",
                                               header: "# Written by `reach sync init`: local and derived files stay on this server.")
        outcome.changedFiles += try writeLines(Self.attributeLines, to: folder + "/.gitattributes",
                                               header: "# Written by `reach sync init`: Reach merges its own files field by field.")
        outcome.driverChanged = try Self.registerDriver(driverExecutable, in: repository)
        if let remote, !outcome.cloned {
            outcome.addedRemote = try addRemote(remote, in: repository)
        }
        outcome.committed = try SyncCommit.commitLocalChanges(in: repository)
        let hasRemote = try repository.config("remote.origin.url") != nil
        if hasRemote {
            let exchanged = Result { () throws(SyncError) in try SyncEngine(repository: repository).exchange() }
            SyncState.record(exchanged, folder: folder, at: Date())
            outcome.pushed = try exchanged.get().pushed
        }
        return outcome
    }

    /// The driver command and git's own settings for a big folder of small files; idempotent. True when the
    /// driver command changed (first set-up, or this `reach` binary moved).
    @discardableResult
    public static func registerDriver(_ executable: String, in repository: GitRepository) throws(SyncError) -> Bool {
        let command = shellQuoted(executable) + " merge-file %O %A %B %P"
        let changed = try repository.config("merge.reach.driver") != command
        try repository.setConfig("merge.reach.name", "Reach field-level merge of records")
        try repository.setConfig("merge.reach.driver", command)
        // Status and add over 300,000 files: remember untracked folders between runs instead of re-listing them.
        try repository.setConfig("core.untrackedCache", "true")
        try repository.setConfig("core.quotePath", "false")
        return changed
    }

    /// The registered driver command, or nil (what `doctor` checks).
    public static func driverCommand(in repository: GitRepository) throws(SyncError) -> String? {
        try repository.config("merge.reach.driver")
    }

    /// `.notSetUp` unless the folder is a repository with the driver registered: a sync without the driver
    /// would let git merge records line by line and write conflict markers into them.
    public static func requireSetUp(_ repository: GitRepository) throws(SyncError) {
        guard Posix.lstat(repository.folder + "/.git") != nil, try driverCommand(in: repository) != nil else {
            throw .notSetUp(folder: repository.folder)
        }
    }

    /// The executable of a registered driver command (`'…/reach' merge-file %O %A %B %P`), unquoted.
    public static func driverExecutable(of command: String) -> String? {
        guard command.hasPrefix("'"), let end = command.range(of: "' merge-file") else { return nil }
        return String(command[command.index(after: command.startIndex)..<end.lowerBound]).replacingOccurrences(of: "'\\''", with: "'")
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func clone(_ remote: String, into folder: String, with repository: GitRepository) throws(SyncError) {
        let parent = Posix.parent(of: folder)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .unsuitableFolder(path: parent, reason: "it cannot be created (\(error.localizedDescription))")
        }
        // The folder does not exist yet (or is empty), so the clone runs from its parent.
        let output = try repository.attempt(["clone", "--quiet", "--origin", "origin", remote, folder], in: parent)
        guard output.succeeded else { throw .gitFailed(step: "clone \(remote)", reason: output.reason) }
        try checkOutTeamBranch(repository)
        // A clone takes the umask's modes; a data folder is private until its owner shares it.
        if chmod(folder, 0o700) != 0 { throw .store(Posix.error("set permissions of", folder)) }
    }

    /// A bare repository made with plain `git init --bare` names `master` as its HEAD while the team pushed
    /// `main`: the clone then checks out nothing. Take `main` (or the remote's only branch) instead.
    private func checkOutTeamBranch(_ repository: GitRepository) throws(SyncError) {
        guard try repository.resolve("HEAD") == nil else { return }
        let branches = try repository.run(["for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/origin"], step: "list the remote's branches")
            .stdout.split(whereSeparator: \.isNewline).map(String.init).filter { $0 != "HEAD" }
        guard let branch = branches.contains("main") ? "main" : (branches.count == 1 ? branches[0] : nil) else { return }
        try repository.run(["checkout", "--quiet", "-B", branch, "origin/\(branch)"], step: "check out \(branch)")
    }

    private func isRepositoryTop(_ repository: GitRepository) throws(SyncError) -> Bool {
        let output = try repository.attempt(["rev-parse", "--show-toplevel"])
        guard output.succeeded else { return false }
        let top = output.stdout.trimmingCharacters(in: .newlines)
        return Posix.realPath(top) == Posix.realPath(repository.folder)
    }

    private func addRemote(_ remote: String, in repository: GitRepository) throws(SyncError) -> String? {
        if let existing = try repository.config("remote.origin.url") {
            guard existing == remote else { throw .otherRemote(name: "origin", url: existing) }
            return nil
        }
        try repository.run(["remote", "add", "origin", remote], step: "add the remote \(remote)")
        return remote
    }

    /// Appends the lines the file lacks (a user's own lines stay); returns the file's name when it changed.
    private func writeLines(_ lines: [String], to path: String, header: String) throws(SyncError) -> [String] {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        var text = existing
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        if !present.contains(header) { text += header + "\n" }
        text += missing.joined(separator: "\n") + "\n"
        try SyncError.storeStep(at: path) { try AtomicWriter(fileMode: 0o644, hook: nil).write(Array(text.utf8), to: path) }
        return [Posix.baseName(of: path)]
    }

    public static func isMissingOrEmpty(_ folder: String) -> Bool {
        guard Posix.lstat(folder) != nil else { return true }
        return ((try? Posix.listDirectory(folder)) ?? ["?"]).isEmpty
    }

    /// Refuses to turn an unrelated, non-empty folder into a repository (a typo in `--data-dir`).
    static func requireDataFolder(_ folder: String) throws(SyncError) {
        guard let names = try? Posix.listDirectory(folder) else {
            throw .unsuitableFolder(path: folder, reason: "it cannot be read")
        }
        let known: Set<String> = ["reach.json", "influencers", "campaigns", "deals", "templates", ".lock"]
        guard names.isEmpty || names.contains(where: known.contains) else {
            throw .unsuitableFolder(path: folder, reason: "it holds files but no reach.json or record folders; is --data-dir right?")
        }
    }
}
