import ArgumentParser

/// Opens the interactive app; the default when `reach` is run without a subcommand.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the interactive app (the default)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw UserError(description: "the interactive app is not built yet; try `reach --help`")
    }
}
