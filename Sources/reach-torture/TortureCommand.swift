import ArgumentParser

/// `reach-torture`: scripted store operations in a separate process, for the reliability tests
/// to kill at random moments, run several at once, or run as another user. Not shipped.
@main
struct TortureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach-torture",
        abstract: "Scripted RecordStore operations for the reliability tests (prints one line per write).",
        subcommands: [CrashLoop.self, ConcurrentEdits.self, Workout.self, Inspect.self]
    )
}
