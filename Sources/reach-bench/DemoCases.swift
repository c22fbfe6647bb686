import ReachDemo

/// `reach demo --scale N` before it writes anything: the generator's time for 100k creators (the writing is
/// `Dataset.prepare`'s `insertBatch`, the same path the import cases time).
enum DemoCases {
    static let all = [generate]

    static let generate = BenchCase(name: "demo.generate-100k", datasets: []) { options in
        var counts = (creators: 0, deals: 0)
        let samples = Measure.repeating(options.iterations(5), warmup: 0) {
            let demo = Dataset.generate(count: 100_000)
            counts = (demo.influencers.count, demo.deals.count)
        }
        return [BenchResult(name: "demo generate 100k", samples: samples,
                            note: "\(counts.creators) creators, \(counts.deals) deals, on every core")]
    }
}
