import ArgumentParser
import Foundation
import Logging
import ReachApp
import ReachStore
import TerminalUI

/// Opens the interactive app; the default when `reach` is run without a subcommand.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive app (the default)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw UserError(description: "the app needs an interactive terminal (stdin and stdout must be a TTY); run `reach` directly, not through a pipe. See `reach --help` for commands that work without one.")
        }
        let environment = ProcessInfo.processInfo.environment
        let choice = global.dataFolder
        let folder = choice.path
        try choice.createParentsIfDefault()
        let store: RecordStore
        do {
            // A save waits at most 0.15 s for another session's lock, then the app retries it on its clock: a
            // 100k import holds the lock for seconds while it renames its files, and keys must not wait that long.
            // Stale temp files are swept on another thread: listing 300,000 files took a tenth of the start.
            store = try openDataFolder(folder, lockTimeout: .milliseconds(150), sweepsTempFiles: false)
        } catch {
            throw UserError(description: "cannot open the data folder \(folder): \(error)")
        }
        let editor = ExternalEditor(environment: environment, directory: store.layout.root + "/tmp")
        let sync = syncContext(folder: folder, store: store)
        var final: Workspace?
        do {
            try NcursesTerminal.run(environment: environment) { terminal in
                // The terminal first, then the load behind a progress screen: a first start at 100k reads for a while.
                let progress = LoadProgress()
                guard case (var loaded, let typedAhead)? = LoadingScreen.run(
                    terminal: terminal, folder: folder, progress: progress,
                    load: { WorkspaceLoader.load(from: store, rosterIndexesLater: true, progress: progress) })
                else {
                    store.logger.info("app closed while loading")
                    return
                }
                store.logger.info("app opened", metadata: [
                    "creators": "\(loaded.workspace.creatorCount)", "deals": "\(loaded.workspace.dealCount)",
                    "fromIndex": "\(loaded.fromIndex)", "loadProblems": "\(loaded.problems.count)",
                ])
                let runner = AppRunner(terminal: terminal, store: store, state: Self.firstState(taking: &loaded.workspace, problems: loaded.problems),
                                       clock: { Date() }, editor: editor, sync: sync)
                terminal.beforeClosingOnSignal = { [weak runner] in runner?.finishWrites() }
                runner.run(typedAhead: typedAhead, whenStarted: {
                    DispatchQueue.global(qos: .utility).async { store.removeLeftovers() }
                })
                final = runner.state.workspace
            }
        } catch let error as TerminalError {
            throw UserError(description: error.description)
        }
        guard let final else { return }
        store.logger.info("app closed")
        if let sync, final.settings.workspace.syncOnQuit { syncOnQuit(sync) }
    }

    /// The app's first state, holding the loaded workspace, which is taken out of `workspace`: the runner's state
    /// must be the only copy. With a second one alive, the first save copied every index it touched and both were
    /// kept (about 110 MB at 100k).
    private static func firstState(taking workspace: inout Workspace, problems: [String]) -> AppState {
        var state = AppState(workspace: workspace, now: Date(), user: currentUser(workspace.settings.workspace), hiddenPanesLater: true)
        workspace = Workspace()
        state.loadProblems = problems
        if !problems.isEmpty { state.show("\(problems.count) file(s) did not load cleanly; : Load problems for details", .warning) }
        return state
    }

    /// The folder's repository, when `reach sync init` set it up.
    private func syncContext(folder: String, store: RecordStore) -> SyncContext? {
        guard FileManager.default.fileExists(atPath: folder + "/.git"),
              let repository = try? syncRepository(folder: folder, store: store) else { return nil }
        return SyncContext(repository: repository, driverExecutable: reachExecutablePath())
    }

    /// "Sync on quit": once the terminal is back to the shell, one line says how it went.
    private func syncOnQuit(_ sync: SyncContext) {
        print("reach: syncing with the other servers (Ctrl-C stops it; `reach sync` later does the same)…")
        switch sync.syncNow() {
        case .success(let report):
            print("reach: synced; received \(report.incoming.summary), sent \(report.pushed ? report.outgoing.summary : "nothing")"
                  + (report.conflicts.isEmpty ? "." : "; \(report.conflicts.count) conflict(s) to resolve in the app."))
        case .failure(let error):
            FileHandle.standardError.write(Data("reach: sync failed: \(error)\n".utf8))
        }
    }
}
