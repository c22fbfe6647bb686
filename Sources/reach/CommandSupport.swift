import ArgumentParser
import Foundation
import Logging
import ReachApp
import ReachCore
import ReachStore

extension GlobalOptions {
    /// The data folder chosen by `--data-dir`, `$REACH_DATA_DIR`, `$XDG_DATA_HOME`, or the default.
    var dataFolder: DataFolderChoice { DataFolderChoice.resolve(explicit: dataDir) }

    /// Opens (creating if needed) the chosen data folder the way every subcommand must (see `openDataFolder`).
    func openStore() throws -> RecordStore { try openStore(snapshots: false) }

    /// `openStore` with the folder's shared snapshot cache, for commands that read the whole folder (`reach log`,
    /// `reach brief`, and `reach today` and `reach report` when the folder index cannot be used).
    /// A command that only `reads` leaves stale temp files to the next writer (see `StoreOptions.sweepsTempFiles`).
    func openStore(snapshots: Bool, reads: Bool = false) throws -> RecordStore {
        let folder = dataFolder
        try folder.createParentsIfDefault()
        return try userFacing {
            try openDataFolder(folder.path, snapshotDirectory: snapshots ? DataFolderLayout(root: folder.path).cacheDirectory : nil,
                               sweepsTempFiles: !reads)
        }
    }
}

extension GlobalOptions {
    /// Runs `body` on the whole folder as it is now, read from the folder's snapshot cache brought up to date
    /// (reading 300,000 files took ~55 s), with the problems met on the way; afterwards, once the answer is out,
    /// a folder read file by file (no snapshot yet) is cached for the next command.
    func withCurrentWorkspace<T>(_ body: (RecordStore, Workspace, [String]) throws -> T) throws -> T {
        let store = try openStore(snapshots: true)
        let (workspace, problems) = WorkspaceLoader.loadCurrent(from: store)
        defer { SnapshotKeeper(store: store).finish(workspace) }
        return try body(store, workspace, problems)
    }
}

/// Who runs the command: `$REACH_USER`, else the team member whose login is `$USER`, else `$USER`.
func currentUser(_ settings: WorkspaceSettings) -> UserIdentity? {
    UserIdentity.resolve(environment: ProcessInfo.processInfo.environment, team: settings.teamMembers)
}

/// Opens a data folder in team mode (new files 0660, folders 2770) when the folder is already group-writable
/// or `reach.json` turns `sharedTeamMode` on, else privately (0600/0700); every subcommand opens it this way
/// so one teammate's saves never lock the others out. `snapshotDirectory` turns the snapshot cache on; `lockTimeout`
/// is how long a write waits for another session's lock (the app waits briefly and retries on its clock).
/// What the store and the app did is logged to the folder's `logs/reach.log` (`REACH_LOG_LEVEL`: trace … critical,
/// default info).
func openDataFolder(_ path: String, snapshotDirectory: String? = nil, lockTimeout: Duration = .seconds(5),
                    sweepsTempFiles: Bool = true) throws -> RecordStore {
    let groupWritable = sharing(of: path) == .team
    let environment = ProcessInfo.processInfo.environment
    let level = environment["REACH_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
    func open(_ sharing: FolderSharing) throws -> RecordStore {
        let logger = FileLogHandler.logger(folder: path, sharing: sharing, level: level, user: environment["USER"])
        return try RecordStore(folder: path, options: StoreOptions(sharing: sharing, lockTimeout: lockTimeout,
                                                                   sweepsTempFiles: sweepsTempFiles, logger: logger,
                                                                   snapshotDirectory: snapshotDirectory))
    }
    let store = try open(groupWritable ? .team : .privateToUser)
    guard !groupWritable, (try? store.loadWorkspace(WorkspaceSettings.self))??.sharedTeamMode == true else { return store }
    return try open(.team)
}

/// Team when the folder is group-writable (rwx for its group), else private: the modes for new files and folders as far
/// as the folder itself tells (`openDataFolder` also honours `sharedTeamMode` in `reach.json`).
func sharing(of folder: String) -> FolderSharing {
    var info = stat()
    return lstat(folder, &info) == 0 && info.st_mode & 0o070 == 0o070 ? .team : .privateToUser
}

/// Runs `body`, turning the library's typed errors (which already name the file and what to do) into `UserError`.
func userFacing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InterchangeError {
        throw UserError(description: error.description)
    } catch let error as StoreError {
        throw UserError(description: error.description)
    }
}

/// `--output FILE`, shared by every command that writes a document (export, report, person export).
struct OutputOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (or pipe or device; - is standard output) instead of standard output.",
                                                    valueName: "file"),
            completion: .file())
    var output: String?
}

/// Writes `bytes` to `--output` (see `OutputFile`), or to standard output when no file is given.
func emit(_ bytes: [UInt8], to output: String?) throws {
    try userFacing { try OutputFile.write(bytes, to: output ?? "-") }
}

/// Prints lines of a report to standard output.
func printLines(_ lines: [String]) {
    FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
}
