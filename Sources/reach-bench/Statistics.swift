/// Timing samples of one case and their percentiles, so every figure in the table is computed the same way.
struct Samples: Sendable {
    /// Sorted ascending.
    let sortedMilliseconds: [Double]

    init(_ durations: [Duration]) {
        sortedMilliseconds = durations.map(\.milliseconds).sorted()
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
        durations.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            try body()
            durations.append(clock.now - start)
        }
        return Samples(durations)
    }

    /// One timed run, returning what the body produced.
    static func once<T>(_ body: () throws -> T) rethrows -> (value: T, duration: Duration) {
        let start = clock.now
        let value = try body()
        return (value, clock.now - start)
    }
}

/// Keeps a computed value alive so the optimiser cannot delete the work that produced it.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}
