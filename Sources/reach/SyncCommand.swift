import ArgumentParser
import Foundation
import ReachCore
import ReachStore

/// `reach sync`: the data folder shared between servers through git, merged field by field (docs/sync.md).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync the data folder with the team's other servers through git (set up with `reach sync init`).",
        discussion: """
            Commits this server's changes (the message lists counts and record ids, never names), fetches, merges \
            record by record and field by field, and pushes. Edits to different fields of one record both stay; \
            when both sides changed the same field, this side's value stays and theirs is kept in conflicts/ for \
            the app to resolve. Exit 0 when synced (conflicts included), 1 when it could not sync, with what to do.
            """,
        subcommands: [SyncInitCommand.self]
    )

    @Flag(help: "Show local changes, commits not yet pushed or pulled (as of the last fetch) and open conflicts; change nothing.")
    var status = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let folder = global.dataFolder.path
        let store = try global.openStore()
        let repository = try syncRepository(folder: folder, store: store)
        if status {
            printLines(try userFacingSync { () throws(SyncError) in SyncStatusText.lines(try SyncStatus.read(repository), store: store, now: Date()) })
            return
        }
        try userFacingSync { () throws(SyncError) in
            try SyncSetup.requireSetUp(repository)
            // This binary merges from now on, even if the one `sync init` registered has moved since.
            try SyncSetup.registerDriver(reachExecutablePath(), in: repository)
        }
        let report = try userFacingSync { () throws(SyncError) in try SyncEngine(repository: repository).sync() }
        printLines(SyncReportText.lines(report, remote: try? repository.remoteURL()))
    }
}

/// `reach sync init [REMOTE]`: makes the data folder a repository (or clones REMOTE into an empty one).
struct SyncInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up the data folder for sync: a git repository whose records merge through Reach.",
        discussion: """
            In a folder with data: makes it a git repository (or adopts the one it is), writes .gitignore and \
            .gitattributes, registers Reach's merge driver, and with REMOTE adds it as origin and pushes. In a \
            missing or empty folder with REMOTE: clones it and sets it up the same way, then checks the folder \
            (permissions, schema, damaged files). Running it again changes nothing. Any remote git reaches works: \
            ssh (user@host:path.git), https, or a path on this machine.
            """
    )

    @Argument(help: ArgumentHelp("The shared repository, e.g. git@git.example.com:agency/reach-data.git.", valueName: "remote"))
    var remote: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let choice = global.dataFolder
        try choice.createParentsIfDefault()
        let folder = choice.path
        let author = syncAuthor(settings: nil)
        let setup = SyncSetup(driverExecutable: reachExecutablePath(), author: author)
        // A clone needs the folder missing or empty, so the store (which creates its folders) opens afterwards.
        let clones = remote != nil && SyncSetup.isMissingOrEmpty(folder)
        if !clones { _ = try global.openStore() }
        let outcome = try userFacingSync { () throws(SyncError) in try setup.run(folder: folder, remote: remote) }
        printLines(SyncReportText.initLines(outcome, folder: folder, remote: remote))
        // The folder's usual checks (permissions, schema, damaged files to quarantine), as `reach doctor` runs them.
        var checks = DoctorReport()
        checks.sections = DoctorFolderChecks.sections(for: choice)
        print(checks.render(unicode: DoctorTerminalChecks.isUTF8(currentLocale())), terminator: "")
    }
}

/// The folder as a repository with the current user as commit author.
func syncRepository(folder: String, store: RecordStore) throws -> GitRepository {
    let settings = (try? store.loadWorkspace(WorkspaceSettings.self)) ?? nil
    return try userFacingSync { () throws(SyncError) in try GitRepository(folder: folder, author: syncAuthor(settings: settings)) }
}

/// The current Reach user (`UserIdentity`) as git author.
func syncAuthor(settings: WorkspaceSettings?) -> SyncAuthor {
    let user = currentUser(settings ?? WorkspaceSettings())
    return SyncAuthor(name: user?.name ?? "reach", login: user?.login)
}

/// This `reach` binary, for git to run as the merge driver: the resolved path, so a `cd` does not break it.
func reachExecutablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
    let argument = CommandLine.arguments[0]
    return argument.hasPrefix("/") ? argument : FileManager.default.currentDirectoryPath + "/" + argument
}

/// `userFacing` for sync: its typed errors already say what to do.
func userFacingSync<T>(_ body: () throws(SyncError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw UserError(description: error.description)
    }
}
