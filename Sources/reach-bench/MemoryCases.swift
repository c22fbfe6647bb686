import ReachCore
import ReachStore

/// Peak memory of holding a large folder: measured in its own process, so nothing else counts towards it.
enum MemoryCases {
    static let all = [peak]

    static let peak = BenchCase(name: "memory.load-100k", datasets: [100_000]) { _ in
        let dataset = Dataset(influencers: 100_000)
        let data = try dataset.load(from: dataset.openStore())
        let peak = Machine.peakRSS() ?? .nan
        let retained = Machine.currentRSS() ?? .nan
        blackHole(data)
        let sizes = "Influencer \(MemoryLayout<Influencer>.stride) B + Deal \(MemoryLayout<Deal>.stride) B inline"
        return [
            BenchResult(name: "memory peak RSS, load 100k", value: peak, unit: .megabytes, target: .max(below: 200),
                        note: "\(data.influencers.count) influencers + \(data.deals.count) deals"),
            BenchResult(name: "memory RSS held after load 100k", value: retained, unit: .megabytes, note: sizes),
        ]
    }
}
