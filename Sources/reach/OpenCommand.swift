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
        let folder = global.resolvedFolder
        let store: RecordStore
        do {
            store = try openDataFolder(folder, snapshotDirectory: SnapshotLocation.directory(environment: environment, home: HomeDirectory.resolve(environment: environment)))
        } catch {
            throw UserError(description: "cannot open the data folder \(folder): \(error)")
        }
        let loaded = WorkspaceLoader.load(from: store, searchIndexLater: true)
        store.logger.info("app opened", metadata: [
            "creators": "\(loaded.workspace.influencers.count)", "deals": "\(loaded.workspace.deals.count)",
            "fromSnapshot": "\(loaded.fromSnapshot)", "loadProblems": "\(loaded.problems.count)",
        ])
        let snapshots = SnapshotKeeper(store: store)
        if !loaded.fromSnapshot { snapshots.writeInBackground(loaded.workspace) }
        var state = AppState(workspace: loaded.workspace, now: Date(), user: currentUser(loaded.workspace.settings.workspace),
                             hiddenPanesLater: true)
        state.loadProblems = loaded.problems
        if !loaded.problems.isEmpty {
            state.show("\(loaded.problems.count) file(s) did not load cleanly; : Load problems for details", .warning)
        }
        let editor = ExternalEditor(environment: environment, directory: store.layout.root + "/tmp")
        var final = loaded.workspace
        do {
            try NcursesTerminal.run(environment: environment) { terminal in
                let runner = AppRunner(terminal: terminal, store: store, state: state, clock: { Date() }, editor: editor)
                runner.run()
                final = runner.state.workspace
            }
        } catch let error as TerminalError {
            throw UserError(description: error.description)
        }
        // After the terminal is restored, so the screen is back to the shell while the cache is written.
        snapshots.finish(final)
        store.logger.info("app closed")
    }
}
