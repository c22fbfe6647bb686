import ArgumentParser
import Foundation

/// `reach-bench`: runs every performance case against its target and prints one table with the machine it ran on.
@main
struct ReachBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach-bench",
        abstract: "Measure Reach against its performance targets (run with `swift run -c release reach-bench`).",
        discussion: "Each case runs in a child process so its peak memory is its own. Data folders are generated once and cached under $TMPDIR/reach-bench-<N>-<seed>."
    )

    @Flag(help: "Fewer iterations (same data sizes): a quick look, not figures to publish.")
    var quick = false

    @Option(help: "Run only the case with this name, or every case whose name starts with it (repeatable), e.g. --only store.")
    var only: [String] = []

    @Flag(help: "List the cases and exit.")
    var list = false

    @Flag(help: "Print the table as Markdown (for docs/performance.md).")
    var markdown = false

    @Option(name: .customLong("export-jsonl"), help: "Write the generated influencers as JSON Lines to this file and exit.")
    var exportJSONL: String?

    @Flag(help: "Generate (or reuse) the cached data folder for --count influencers, print its path and exit.")
    var printDataFolder = false

    @Option(help: "Number of influencers for --export-jsonl and --print-data-folder.")
    var count = 100_000

    @Flag(help: .hidden)
    var child = false

    func run() throws {
        let options = BenchOptions(quick: quick)
        if let exportJSONL {
            try JSONLExport.write(count: count, to: exportJSONL)
            return
        }
        if printDataFolder {
            let dataset = Dataset(influencers: count)
            try dataset.prepare()
            print(dataset.folder)
            return
        }
        let cases = BenchCase.selected(by: only)
        guard !cases.isEmpty else {
            throw ValidationError("no case matches \(only.joined(separator: ", ")); see `reach-bench --list`")
        }
        if list {
            for benchCase in BenchCase.all { print(benchCase.name) }
            return
        }
        if child {
            try runInThisProcess(cases, options: options)
            return
        }
        for size in Set(cases.flatMap(\.datasets)).sorted() { try Dataset(influencers: size).prepare() }
        for benchCase in cases { try benchCase.prepare?() }
        let loadAtStart = Machine.loadAverage()
        var results: [BenchResult] = []
        for benchCase in cases {
            // Each case starts on a quiet disk: the import cases leave 200,000 files for the system to write back, and
            // the sync cases after them took up to 23 s instead of 3 (session 28's full run).
            sync()
            Progress.say("running \(benchCase.name)…")
            results += ChildRun.run(benchCase, quick: quick)
        }
        for benchCase in cases { benchCase.cleanup?() }
        let report = Report(machine: .current(), results: results, quick: quick, load: (loadAtStart, Machine.loadAverage()))
        print(markdown ? report.markdown() : report.text())
        if results.contains(where: { $0.passed == false }) { throw ExitCode(1) }
    }

    /// Child mode: run the cases here and send the rows to the parent as JSON on stdout.
    private func runInThisProcess(_ cases: [BenchCase], options: BenchOptions) throws {
        var rows: [BenchResult] = []
        for benchCase in cases { rows += try benchCase.run(options) }
        let peak = Machine.peakRSS()
        for index in rows.indices where rows[index].peakRSS == nil { rows[index].peakRSS = peak }
        let data = try JSONEncoder().encode(rows)
        FileHandle.standardOutput.write(data)
    }
}
