/// Options every case sees.
struct BenchOptions: Sendable {
    /// Fewer iterations, same data sizes: for a quick look, not for the figures in docs/performance.md.
    var quick: Bool

    func iterations(_ full: Int) -> Int { quick ? Swift.max(3, full / 10) : full }
}

/// One benchmark, run in its own child process so its peak memory is its own.
struct BenchCase: Sendable {
    var name: String
    /// Data folder sizes (influencer counts) it reads; the parent generates them before timing anything.
    var datasets: [Int]
    var run: @Sendable (BenchOptions) throws -> [BenchResult]
    /// Other files it reads (e.g. a CSV to import), made by the parent too, so generating them never counts towards the child's peak RSS.
    var prepare: (@Sendable () throws -> Void)? = nil
    /// Removes what its runs left on disk; the parent calls it after every case has run (see `ImportCases`).
    var cleanup: (@Sendable () -> Void)? = nil

    /// Every case, in report order.
    static let all: [BenchCase] = TerminalUICases.all + StoreCases.all + CoreCases.all + DemoCases.all + MailCases.all + MemoryCases.all
        + AppCases.all + ExternalChangeCases.all + DailyLoopCases.all + PasteCases.all + ImportCases.all + SyncCases.all

    /// The cases `--only` selects: an exact name, or every case whose name starts with it (`store`, `core.search`).
    static func selected(by filters: [String]) -> [BenchCase] {
        guard !filters.isEmpty else { return all }
        return all.filter { candidate in
            filters.contains { filter in
                candidate.name == filter || (!all.contains { $0.name == filter } && candidate.name.hasPrefix(filter))
            }
        }
    }
}
