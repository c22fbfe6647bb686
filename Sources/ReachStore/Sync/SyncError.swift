/// Why a sync step failed, with what to do next; the CLI prints it and the app's status bar shortens it.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `git` on `$PATH`.
    case gitMissing
    /// The child could not be started (no processes left, a bad working folder...).
    case cannotRun(reason: String)
    /// A git command ran past its deadline (an unreachable remote, a hung ssh): it was stopped.
    case timedOut(command: String, seconds: Double, network: Bool)
    /// A git command failed; `reason` is git's own last line.
    case gitFailed(step: String, reason: String)
    /// The folder is not set up for sync yet.
    case notSetUp(folder: String)
    /// `sync init` found a remote of that name pointing elsewhere; changing it is the user's call.
    case otherRemote(name: String, url: String)
    /// The folder holds files but is not a Reach data folder, or is a git repository of something else.
    case unsuitableFolder(path: String, reason: String)
    /// Another `reach sync` (a terminal, or an app's auto-sync) holds the sync lock.
    case busy
    /// The remote's history was rewritten since the last fetch (`person erase --purge-history` on another server).
    case historyRewritten(folder: String, branch: String)
    /// The store refused a step (the folder's lock, a file that could not be written).
    case store(StoreError)

    public var description: String {
        switch self {
        case .gitMissing:
            return "git is not installed (or not on $PATH). Install it (Debian: sudo apt-get install git) and run the command again."
        case .cannotRun(let reason):
            return "Could not start git: \(reason). Try again; if it persists, check the machine's process limits."
        case let .timedOut(command, seconds, network) where network:
            return "\(command) took longer than \(Int(seconds)) s and was stopped. Check the network and that the remote answers "
                + "(`git -C <folder> fetch` shows what it says), then sync again. Nothing was lost: local changes stay committed."
        case let .timedOut(command, seconds, _):
            return "\(command) took longer than \(Int(seconds)) s and was stopped; the records are unchanged. Is the disk "
                + "very slow or full? `reach doctor` checks it; then sync again."
        case let .gitFailed(step, reason):
            return "Sync could not \(step): \(reason). Your records are unchanged; fix that and run `reach sync` again "
                + "(docs/sync.md, \"Recovery\")."
        case .notSetUp(let folder):
            return "\(folder) is not set up for sync. Run `reach sync init [REMOTE]` first."
        case let .otherRemote(name, url):
            return "The repository already has a remote \"\(name)\" at \(url). Use that address, or change it with "
                + "`git remote set-url \(name) <url>` if you mean to move."
        case let .unsuitableFolder(path, reason):
            return "\(path) cannot be used for sync: \(reason)."
        case .busy:
            return "Another sync of this folder is running (a terminal or an app's auto-sync). Wait for it and try again."
        case let .historyRewritten(folder, branch):
            return "The remote's history was rewritten (someone purged personal data from it), so this server must not merge "
                + "its old history back. Copy aside any change made here since the last sync, then run "
                + "`git -C \(folder) reset --hard \(branch)` and `git -C \(folder) reflog expire --expire=now --all && "
                + "git -C \(folder) gc --prune=now`, and sync again (docs/sync.md, \"Erasing a person\")."
        case .store(let error):
            return error.description
        }
    }

    /// A few words for the app's status bar ("sync failed: <this>").
    public var shortReason: String {
        switch self {
        case .gitMissing: "git is not installed"
        case .cannotRun: "git could not start"
        case .timedOut(_, _, let network): network ? "the remote did not answer" : "git was too slow"
        case .gitFailed(let step, let reason): "\(step): \(reason)"
        case .notSetUp: "not set up"
        case .otherRemote: "another remote is set"
        case .unsuitableFolder(_, let reason): reason
        case .busy: "another sync is running"
        case .historyRewritten: "the remote's history was rewritten (see reach sync)"
        case .store: "the data folder is busy"
        }
    }
}

extension SyncError {
    /// Runs a step of the store's (a conflict file written, the folder locked) with its error as `.store`.
    static func storeStep<T>(at path: String, _ body: () throws -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch let error as SyncError {
            throw error
        } catch {
            throw .store((error as? StoreError) ?? .unusableFolder(path: path, reason: "\(error)"))
        }
    }
}
