import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The data folder as a git work tree: every git command Reach runs goes through here.
///
/// Output is parsed, so git speaks C-locale English; nothing may prompt (see `GitProcess`); commits carry the
/// current Reach user as author and committer, so history says who changed what without any git set-up.
public struct GitRepository: Sendable {
    public let folder: String
    let git: String
    var environment: [String: String]
    /// How long a network step (fetch, push, clone) may take before it is stopped: a remote that does not answer
    /// must not hold a background sync for ever.
    public var networkTimeout: TimeInterval
    /// How long a local step may take: the first commit of a 100k folder hashes 2 GB of records.
    public var localTimeout: TimeInterval

    /// `git` from `$PATH`, or `.gitMissing`.
    public init(folder: String, author: SyncAuthor, environment: [String: String] = ProcessInfo.processInfo.environment,
                networkTimeout: TimeInterval = 300, localTimeout: TimeInterval = 3_600) throws(SyncError) {
        guard let git = Self.findGit(path: environment["PATH"]) else { throw .gitMissing }
        self.folder = folder
        self.git = git
        self.networkTimeout = networkTimeout
        self.localTimeout = localTimeout
        var env = environment
        env["LC_ALL"] = "C"
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_ASKPASS"] = "true"
        if env["GIT_SSH_COMMAND"] == nil {
            env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=20"
        }
        env["GIT_AUTHOR_NAME"] = author.name
        env["GIT_AUTHOR_EMAIL"] = author.email
        env["GIT_COMMITTER_NAME"] = author.name
        env["GIT_COMMITTER_EMAIL"] = author.email
        env["REACH_MERGE_OURS_AUTHOR"] = author.name
        self.environment = env
    }

    /// The first executable `git` on `path` (colon-separated), as a shell would find it.
    public static func findGit(path: String?) -> String? {
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.map { ($0.isEmpty ? "." : $0) + "/git" }.first { access($0, X_OK) == 0 }
    }

    /// Runs `git args` in the folder; throws `gitFailed(step:)` with git's reason when it exits non-zero.
    @discardableResult
    func run(_ arguments: [String], step: String, extraEnvironment: [String: String] = [:]) throws(SyncError) -> GitOutput {
        let output = try attempt(arguments, extraEnvironment: extraEnvironment)
        guard output.succeeded else { throw .gitFailed(step: step, reason: output.reason) }
        return output
    }

    /// Runs `git args` in the folder and returns whatever happened; for commands whose failure is an answer.
    func attempt(_ arguments: [String], in directory: String? = nil, extraEnvironment: [String: String] = [:]) throws(SyncError) -> GitOutput {
        try GitProcess(executable: git, arguments: arguments, directory: directory ?? folder,
                       environment: environment.merging(extraEnvironment) { $1 },
                       timeout: Self.networkCommands.contains(arguments.first ?? "") ? networkTimeout : localTimeout).run()
    }

    static let networkCommands: Set<String> = ["fetch", "push", "clone", "pull", "ls-remote"]

    /// The value of a config key in this repository, or nil.
    func config(_ key: String) throws(SyncError) -> String? {
        let output = try attempt(["config", "--local", "--get", key])
        return output.succeeded ? output.stdout.trimmingCharacters(in: .newlines) : nil
    }

    /// Sets a config key unless it already has that value, so a second `sync init` changes nothing.
    func setConfig(_ key: String, _ value: String) throws(SyncError) {
        guard try config(key) != value else { return }
        try run(["config", "--local", key, value], step: "set \(key)")
    }

    /// The `-z` lines of a command, split on NUL.
    func nulSeparated(_ arguments: [String], step: String) throws(SyncError) -> [String] {
        try run(arguments, step: step).stdout.split(separator: "\0").map(String.init)
    }

    /// Where `origin` points, or nil when no remote is set.
    public func remoteURL() throws(SyncError) -> String? { try config("remote.origin.url") }

    /// The commit a revision names, or nil when it does not exist (an empty remote has no branch yet).
    func resolve(_ revision: String) throws(SyncError) -> String? {
        let output = try attempt(["rev-parse", "--verify", "--quiet", revision + "^{commit}"])
        return output.succeeded ? output.stdout.trimmingCharacters(in: .newlines) : nil
    }
}

/// Who commits: the Reach user (`UserIdentity`), with an address git accepts that names no creator.
public struct SyncAuthor: Sendable, Equatable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// `login@host` (or the name when there is no login): an address for git's history, not for mail.
    public init(name: String, login: String?, host: String = ProcessInfo.processInfo.hostName) {
        let local = (login ?? name).filter { $0.isLetter || $0.isNumber || "._-".contains($0) }
        self.init(name: name, email: (local.isEmpty ? "reach" : local) + "@" + host)
    }
}
