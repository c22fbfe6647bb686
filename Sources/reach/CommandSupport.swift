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
    /// A command that only `reads` leaves stale temp files to the next writer (see `StoreOptions.sweepsTempFiles`).
    func openStore(reads: Bool = false) throws -> RecordStore {
        let folder = dataFolder
        try folder.createParentsIfDefault()
        return try userFacing { try openDataFolder(folder.path, sweepsTempFiles: !reads) }
    }
}

extension GlobalOptions {
    /// Runs `body` on the whole folder as it is now, with the problems met on the way: read from the folder index
    /// (built first when missing, so every later command reads only what changed: reading 300,000 files took ~55 s),
    /// else from every file when the index cannot be used.
    func withCurrentWorkspace<T>(_ body: (RecordStore, Workspace, [String]) throws -> T) throws -> T {
        let store = try openStore()
        let index: FolderIndex?
        do {
            index = try IndexedRecords.index(of: store)
        } catch {
            store.logger.warning("reading every record file: the folder index cannot be used: \(error)")
            index = nil
        }
        let (workspace, problems) = WorkspaceLoader.loadCurrent(from: store, index: index)
        return try body(store, workspace, problems)
    }
}

/// Who runs the command: `$REACH_USER`, else the team member whose login is `$USER`, else `$USER`.
func currentUser(_ settings: WorkspaceSettings) -> UserIdentity? {
    UserIdentity.resolve(environment: ProcessInfo.processInfo.environment, team: settings.teamMembers)
}

/// Opens a data folder in team mode (new files 0660, folders 2770) when the folder is already group-writable
/// or `reach.json` turns `sharedTeamMode` on, else privately (0600/0700); every subcommand opens it this way
/// so one teammate's saves never lock the others out. `lockTimeout` is how long a write waits for another session's lock (the app waits briefly and retries on its clock).
/// What the store and the app did is logged to the folder's `logs/reach.log` (`REACH_LOG_LEVEL`: trace … critical,
/// default info).
func openDataFolder(_ path: String, lockTimeout: Duration = .seconds(5), sweepsTempFiles: Bool = true) throws -> RecordStore {
    let groupWritable = sharing(of: path) == .team
    let environment = ProcessInfo.processInfo.environment
    let level = environment["REACH_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
    func open(_ sharing: FolderSharing) throws -> RecordStore {
        let logger = FileLogHandler.logger(folder: path, sharing: sharing, level: level, user: environment["USER"])
        return try RecordStore(folder: path, options: StoreOptions(sharing: sharing, lockTimeout: lockTimeout,
                                                                   sweepsTempFiles: sweepsTempFiles, logger: logger))
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
