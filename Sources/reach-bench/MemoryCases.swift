import Foundation
import ReachApp
import ReachCore
import ReachStore

/// Peak memory of holding a large folder: measured in its own process, so nothing else counts towards it.
enum MemoryCases {
    static let all = [peak, app]

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

    /// What the app holds once started from the folder index (creators and deals on demand), step by step as the
    /// app starts (`WorkspaceLoader.load`, the first frame, `AppRunner.completeStart`), and the peak on the way.
    static let app = BenchCase(name: "memory.app-100k", datasets: [100_000]) { _ in
        let dataset = Dataset(influencers: 100_000)
        try dataset.buildIndex()
        let store = try dataset.openStore()
        let start = Machine.currentRSS() ?? .nan
        var loaded: Workspace? = try {
            let loaded = WorkspaceLoader.load(from: store, rosterIndexesLater: true)
            guard loaded.fromIndex else { throw BenchError(description: "the start did not use the folder index: \(loaded.problems)") }
            return loaded.workspace
        }()
        let afterLoad = Machine.currentRSS() ?? .nan
        let counts = "\(loaded?.creatorCount ?? 0) creators, \(loaded?.dealCount ?? 0) deals"
        // The runner's state must be the only copy of the workspace, as in the app.
        let runner = try AppCases.open(dataset.folder, workspace: loaded.take())
        let afterFirstFrame = Machine.currentRSS() ?? .nan
        runner.completeStart()
        let held = Machine.currentRSS() ?? .nan
        blackHole(runner)
        func part(_ name: String, _ value: Double, target: BenchTarget? = nil, _ note: String = "") -> BenchResult {
            BenchResult(name: name, value: value, unit: .megabytes, target: target, note: note)
        }
        return [
            part("memory app: the workspace from the folder index", afterLoad - start, counts),
            part("memory app: + the app state and the first frame (Today)", afterFirstFrame - afterLoad),
            part("memory app: + the other panes, search keys and name order", held - afterFirstFrame),
            part("memory app: held in all, started from the folder index", held, target: .max(below: 200)),
            part("memory app: peak, started from the folder index", Machine.peakRSS() ?? .nan, target: .max(below: 250)),
        ]
    }
}
