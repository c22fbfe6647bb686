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
        subcommands: [OpenCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self, PersonCommand.self,
                      CompletionCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}

/// Shared by every subcommand so `--data-dir` works in any position.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data folder to use.", valueName: "path"))
    var dataDir: String?
}

extension GlobalOptions {
    /// `reach --data-dir X import …` reads naturally, but argument-parser only accepts a subcommand's options
    /// after its name; so a `--data-dir` given before the subcommand is moved to just after it.
    static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
        let names = Set(ReachCommand.configuration.subcommands.map { $0._commandName })
        guard let subcommandIndex = arguments.firstIndex(where: { names.contains($0) }) else { return arguments }
        var before = Array(arguments[..<subcommandIndex])
        var moved: [String] = []
        var index = 0
        while index < before.count {
            let argument = before[index]
            if argument == "--data-dir", index + 1 < before.count {
                moved += before[index...index + 1]
                before.removeSubrange(index...index + 1)
            } else if argument.hasPrefix("--data-dir=") {
                moved.append(argument)
                before.remove(at: index)
            } else {
                index += 1
            }
        }
        return before + [arguments[subcommandIndex]] + moved + arguments[(subcommandIndex + 1)...]
    }
}

/// A failure the user can fix: printed as one clear message, exit code 1, never a stack trace.
struct UserError: Error, CustomStringConvertible {
    var description: String
}

@main
enum ReachMain {
    static func main() {
        do {
            var command = try ReachCommand.parseAsRoot(GlobalOptions.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
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
