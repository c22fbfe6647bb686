import Foundation

/// Timing samples of one case and their percentiles, so every figure in the table is computed the same way.
struct Samples: Sendable {
    /// Sorted ascending.
    let sortedMilliseconds: [Double]
    /// Median CPU time of the measuring thread per run, when recorded: on a shared machine the wall-clock
    /// figures include time spent waiting for a core, and this column shows how much.
    var cpuMedian: Double?

    init(_ durations: [Duration], cpuMilliseconds: [Double] = []) {
        sortedMilliseconds = durations.map(\.milliseconds).sorted()
        cpuMedian = cpuMilliseconds.isEmpty ? nil : Samples(milliseconds: cpuMilliseconds).p50
    }

    /// Samples from `Measure.timed` runs.
    init(_ runs: [(wall: Duration, cpu: Double)]) {
        self.init(runs.map(\.wall), cpuMilliseconds: runs.map(\.cpu))
    }

    init(milliseconds: [Double]) {
        sortedMilliseconds = milliseconds.sorted()
    }

    var count: Int { sortedMilliseconds.count }

    /// Nearest-rank percentile (`p` in 0...100): a value that was actually observed, never interpolated.
    func percentile(_ p: Double) -> Double {
        guard !sortedMilliseconds.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(count)).rounded(.up))
        return sortedMilliseconds[Swift.min(Swift.max(rank, 1), count) - 1]
    }

    var p50: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var max: Double { sortedMilliseconds.last ?? .nan }
}

extension Duration {
    /// The duration in (fractional) milliseconds, for printing.
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15
    }
}

/// Runs a body many times on the monotonic clock, after a warm-up that fills caches and lazy statics.
enum Measure {
    static let clock = ContinuousClock()

    /// `iterations` timed runs of `body` after `warmup` untimed ones.
    static func repeating(_ iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> Samples {
        for _ in 0..<warmup { try body() }
        var durations: [Duration] = []
        var cpu: [Double] = []
        durations.reserveCapacity(iterations)
        cpu.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let cpuStart = threadCPUMilliseconds()
            let start = clock.now
            try body()
            durations.append(clock.now - start)
            cpu.append(threadCPUMilliseconds() - cpuStart)
        }
        return Samples(durations, cpuMilliseconds: cpu)
    }

    /// `repeating` for work that builds something large: each result is freed after its timing stops, as a
    /// process that goes on using it (or exits) never pays for tearing it down while the user waits.
    static func repeating<T>(_ iterations: Int, warmup: Int = 3, keeping body: () throws -> T) rethrows -> Samples {
        var kept: T?
        var durations: [Duration] = []
        var cpu: [Double] = []
        for iteration in 0..<(warmup + iterations) {
            kept = nil
            let cpuStart = threadCPUMilliseconds()
            let start = clock.now
            kept = try body()
            guard iteration >= warmup else { continue }
            durations.append(clock.now - start)
            cpu.append(threadCPUMilliseconds() - cpuStart)
        }
        blackHole(kept)
        return Samples(durations, cpuMilliseconds: cpu)
    }

    /// CPU time consumed by the calling thread (CLOCK_THREAD_CPUTIME_ID), in milliseconds.
    static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1_000 + Double(spec.tv_nsec) / 1e6
    }

    /// One timed run: wall-clock duration and the calling thread's CPU milliseconds.
    static func timed(_ body: () throws -> Void) rethrows -> (wall: Duration, cpu: Double) {
        let cpuStart = threadCPUMilliseconds()
        let start = clock.now
        try body()
        return (clock.now - start, threadCPUMilliseconds() - cpuStart)
    }
}

/// Keeps a computed value alive so the optimiser cannot delete the work that produced it.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}
