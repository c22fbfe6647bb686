import ReachCore
import ReachStore

/// Peak memory of holding a large folder: measured in its own process, so nothing else counts towards it.
enum MemoryCases {
    static let all = [peak]

    static let peak = BenchCase(name: "memory.load-100k", datasets: [100_000]) { _ in
        let dataset = Dataset(influencers: 100_000)
        let store = try dataset.openStore()
        // Creators first, then deals: the growth of the held memory between the two is what full deals cost, the
        // part the app can drop by reading deals on demand.
        let before = Machine.currentRSS() ?? .nan
        let influencers = store.loadAll(Influencer.self).records
        let withCreators = Machine.currentRSS() ?? .nan
        let deals = store.loadAll(Deal.self).records
        let peak = Machine.peakRSS() ?? .nan
        let retained = Machine.currentRSS() ?? .nan
        blackHole((influencers, deals))
        let sizes = "Influencer \(MemoryLayout<Influencer>.stride) B + Deal \(MemoryLayout<Deal>.stride) B inline"
        return [
            BenchResult(name: "memory peak RSS, load 100k", value: peak, unit: .megabytes, target: .max(below: 200),
                        note: "\(influencers.count) influencers + \(deals.count) deals"),
            BenchResult(name: "memory RSS held after load 100k", value: retained, unit: .megabytes, note: sizes),
            BenchResult(name: "  of it: the full creators", value: withCreators - before, unit: .megabytes,
                        note: "RSS growth while reading \(influencers.count) creators"),
            BenchResult(name: "  of it: the full deals", value: retained - withCreators, unit: .megabytes,
                        note: "RSS growth while reading \(deals.count) deals after them"),
        ]
    }
}
