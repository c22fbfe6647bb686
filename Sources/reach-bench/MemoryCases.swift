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

    /// What the app holds once started from the folder index (creators and deals on demand), part by part, in the
    /// order the start makes them: the growth of the held memory at each step.
    static let app = BenchCase(name: "memory.app-100k", datasets: [100_000]) { _ in
        let dataset = Dataset(influencers: 100_000)
        try dataset.buildIndex()
        let store = try dataset.openStore()
        let index = try FolderIndex(store: store)
        let start = Machine.currentRSS() ?? .nan
        var creators: [IndexedCreator]? = try index.allCreatorSummaries()
        let afterCreators = Machine.currentRSS() ?? .nan
        var rows: [IndexedDealRow]? = try index.allDealRows()
        let afterRows = Machine.currentRSS() ?? .nan
        var workspace = Workspace(creators: creators?.map(\.summary) ?? [], campaigns: store.loadAll(Campaign.self).records,
                                  dealRows: rows ?? [], templates: store.loadAll(Template.self).records,
                                  settings: AppSettings(), store: store, rosterIndexesLater: true)
        let withTemporaries = Machine.currentRSS() ?? .nan
        creators = nil
        rows = nil
        let afterWorkspace = Machine.currentRSS() ?? .nan
        workspace.buildRosterIndexes()
        let afterRosterIndexes = Machine.currentRSS() ?? .nan
        let runner = try AppCases.open(dataset.folder, workspace: workspace)
        runner.send(.computeHiddenPanes)
        let afterState = Machine.currentRSS() ?? .nan
        blackHole((creators, rows, runner))
        func part(_ name: String, _ value: Double, _ note: String = "") -> BenchResult {
            BenchResult(name: name, value: value, unit: .megabytes, note: note)
        }
        return [
            part("memory app: every creator's summary from the index", afterCreators - start,
                 "\(workspace.creatorCount) creators, \(workspace.dealCount) deals"),
            part("memory app: + every deal's row from the index", afterRows - afterCreators),
            part("memory app: + the workspace (names, facts, deal indexes)", afterWorkspace - afterRows,
                 "\(Int(withTemporaries - afterRows)) MB before the summaries and rows read were dropped"),
            part("memory app: + search keys and name order", afterRosterIndexes - afterWorkspace),
            part("memory app: + the app state (Today, Pipeline, Roster rows)", afterState - afterRosterIndexes),
            part("memory app: held in all", afterState),
        ]
    }
}
