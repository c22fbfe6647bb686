import ArgumentParser
import Foundation

/// `reach completion bash|zsh|fish`: prints the shell completion script for `reach`.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script.",
        discussion: """
            bash: reach completion bash > ~/.local/share/bash-completion/completions/reach
            zsh:  reach completion zsh > "${fpath[1]}/_reach"
            fish: reach completion fish > ~/.config/fish/completions/reach.fish
            """
    )

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish
    }

    @Argument(help: "bash, zsh or fish.")
    var shell: Shell

    func run() throws {
        guard let completionShell = CompletionShell(rawValue: shell.rawValue) else {
            throw UserError(description: "no completion script for \(shell.rawValue): use bash, zsh or fish.")
        }
        FileHandle.standardOutput.write(Data(ReachCommand.completionScript(for: completionShell).utf8))
    }
}
