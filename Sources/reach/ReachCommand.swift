import ArgumentParser
import Foundation

/// The `reach` command line: the TUI by default, plus subcommands for data in and out and maintenance.
struct ReachCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "A keyboard-driven terminal CRM for influencer marketing.",
        discussion: """
            With no subcommand, opens the interactive app on the data folder.
            Data folder: --data-dir, else $REACH_DATA_DIR, else $XDG_DATA_HOME/reach, else ~/.local/share/reach.
            Exit codes: 0 ok, 1 user error (with a message saying what to do), 2 usage error.
            """,
        version: "reach \(version)",
        subcommands: [OpenCommand.self, DemoCommand.self, DoctorCommand.self, ImportCommand.self, ExportCommand.self,
                      ReportCommand.self, BriefCommand.self, PersonCommand.self, TodayCommand.self, LogCommand.self, SyncCommand.self,
                      CompletionCommand.self, MergeFileCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Declared here too so `reach --data-dir X demo` works: subcommands read the same group.
    @OptionGroup var global: GlobalOptions
}

/// Shared by every subcommand so `--data-dir` works in any position.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data folder to use.", valueName: "path"))
    var dataDir: String?
}

/// A failure the user can fix: printed as one clear message, exit code 1, never a stack trace.
struct UserError: Error, CustomStringConvertible {
    var description: String
}

@main
enum ReachMain {
    static func main() {
        do {
            var command = try ReachCommand.parseAsRoot()
            try command.run()
        } catch let error as UserError {
            FileHandle.standardError.write(Data("reach: \(error.description)\n".utf8))
            exit(1)
        } catch {
            let code = ReachCommand.exitCode(for: error)
            if code == .success {
                ReachCommand.exit(withError: error)
            }
            let message = ReachCommand.fullMessage(for: error)
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            // Usage problems (bad flags, missing arguments) are exit 2; anything else the user must fix is 1.
            exit(code == .validationFailure ? 2 : 1)
        }
    }
}
