import Foundation

/// `reach sync --status` and the app's status bar: what is not synced yet, as far as this server knows.
///
/// It never touches the network: ahead/behind compare with the remote as of the last fetch.
public struct SyncStatus: Sendable, Equatable {
    /// Files changed here since the last commit (what the next sync commits).
    public var localChanges: SyncChanges
    public var remoteURL: String?
    public var branch: String
    /// Commits here the remote lacks, and the other way round, as of the last fetch.
    public var ahead: Int
    public var behind: Int
    public var state: SyncState

    /// Reads the status of a folder set up with `reach sync init`; `.notSetUp` when it is not a repository.
    public static func read(_ repository: GitRepository) throws(SyncError) -> SyncStatus {
        guard try repository.attempt(["rev-parse", "--git-dir"]).succeeded,
              Posix.lstat(repository.folder + "/.git") != nil else { throw .notSetUp(folder: repository.folder) }
        let porcelain = try repository.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"],
                                           step: "read the folder's status")
        let branchOutput = try repository.attempt(["symbolic-ref", "--quiet", "--short", "HEAD"])
        let branch = branchOutput.succeeded ? branchOutput.stdout.trimmingCharacters(in: .newlines) : "main"
        let remoteURL = try repository.config("remote.origin.url")
        var ahead = 0, behind = 0
        if try repository.resolve("HEAD") != nil, try repository.resolve("refs/remotes/origin/\(branch)") != nil {
            let counts = try repository.run(["rev-list", "--left-right", "--count", "HEAD...refs/remotes/origin/\(branch)"],
                                            step: "compare with the remote").stdout.split(whereSeparator: \.isWhitespace)
            ahead = counts.first.flatMap { Int($0) } ?? 0
            behind = counts.dropFirst().first.flatMap { Int($0) } ?? 0
        } else if try repository.resolve("HEAD") != nil, remoteURL != nil {
            ahead = Int(try repository.run(["rev-list", "--count", "HEAD"], step: "count commits").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        return SyncStatus(localChanges: SyncChanges(porcelain: porcelain.stdout), remoteURL: remoteURL, branch: branch,
                          ahead: ahead, behind: behind, state: SyncState.read(folder: repository.folder))
    }

    /// The status bar's words: "sync failed: …", "4 local changes", "synced 3 min ago".
    public func headline(now: Date) -> String {
        if state.failed, let reason = state.failureReason { return "sync failed: \(reason)" }
        let pending = localChanges.count
        if pending > 0 { return pending == 1 ? "1 local change" : "\(pending) local changes" }
        if ahead > 0 { return ahead == 1 ? "1 commit to push" : "\(ahead) commits to push" }
        guard let last = state.lastSuccess else { return remoteURL == nil ? "no remote" : "not synced yet" }
        return "synced " + Self.age(now.timeIntervalSince(last))
    }

    /// "just now", "3 min ago", "2 h ago", "4 days ago".
    public static func age(_ seconds: TimeInterval) -> String {
        switch max(0, seconds) {
        case ..<60: "just now"
        case ..<3_600: "\(Int(seconds / 60)) min ago"
        case ..<86_400: "\(Int(seconds / 3_600)) h ago"
        default: Int(seconds / 86_400) == 1 ? "1 day ago" : "\(Int(seconds / 86_400)) days ago"
        }
    }
}

extension SyncChanges {
    /// The entries of `git status --porcelain=v1 -z --no-renames`.
    init(porcelain output: String) {
        self.init()
        for line in output.split(separator: "\0", omittingEmptySubsequences: true) where line.count > 3 {
            let code = line.prefix(2)
            let change: Change = code == "??" || code.contains("A") ? .added : code.contains("D") ? .removed : .changed
            entries.append(Entry(subject: Self.subject(ofPath: String(line.dropFirst(3))), change: change))
        }
    }
}
