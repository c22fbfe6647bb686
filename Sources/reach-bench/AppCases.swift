import Foundation
import ReachApp
import ReachCore
import ReachStore
import TerminalUI

/// The whole app at 100k: start-up to the first frame, and keystroke → frame through `AppRunner` exactly as the
/// real loop does it (`send` the key, then `present` a fresh frame that the terminal diffs against the last one).
enum AppCases {
    static let all = [
        startup(10_000, target: 300), startup(100_000, target: 1_000), keystrokes, dashboardsOnDemand,
    ]

    /// A terminal that keeps only the last frame and computes the changed cells, as the ncurses backend does.
    final class BenchTerminal: Terminal {
        let size: Size
        let colorMode = ColorMode.ansi256
        private var last: Buffer?
        private(set) var changedCells = 0

        init(width: Int, height: Int) { size = Size(width: width, height: height) }

        func present(_ buffer: Buffer) {
            changedCells += buffer.changes(from: last).count
            last = buffer
        }

        func nextEvent(timeout: Duration?) -> InputEvent? { nil }
        func copyToClipboard(_ text: String) -> Bool { false }
        func suspend() {}
        func resume() { last = nil }

        var screen: [String] { last?.lines() ?? [] }
    }

    /// Opens the folder like `reach` does up to its first frame: load (from the folder index when it is built; not at
    /// all when `workspace` is given), build the state with only the shown tab's rows, draw.
    static func open(_ folder: String, workspace: Workspace? = nil, user: UserIdentity? = nil) throws -> AppRunner {
        let store = try RecordStore(folder: folder)
        let state = AppState(workspace: workspace ?? WorkspaceLoader.load(from: store, rosterIndexesLater: true).workspace, now: Dataset.now,
                             timeZone: TimeZone(identifier: "UTC") ?? .current, user: user, hiddenPanesLater: true)
        let runner = AppRunner(terminal: BenchTerminal(width: 200, height: 60), store: store, state: state, clock: { Dataset.now },
                               editor: ExternalEditor(environment: [:], directory: folder + "/tmp"))
        runner.present()
        return runner
    }

    static func startup(_ count: Int, target: Double) -> BenchCase {
        BenchCase(name: "app.startup-\(StoreCases.label(count))", datasets: [count]) { options in
            let folder = Dataset(influencers: count).folder
            try Dataset(influencers: count).buildIndex()
            let samples = try Measure.repeating(options.iterations(count > 10_000 ? 5 : 20), warmup: 1, keeping: {
                try open(folder)
            })
            return [BenchResult(name: "app load + first frame \(StoreCases.label(count)) from the folder index", samples: samples,
                                target: .p99(below: target),
                                note: "WorkspaceLoader (creator summaries and deal rows from the index) + AppState + first 200×60 frame")]
        }
    }

    /// Scroll, search-as-you-type and filter on the Roster at 100k, one keystroke at a time; then every campaign's dashboard.
    /// The records are generated in memory (the same values as the cached folder holds) rather than loaded, so this
    /// case measures keystrokes, not loading; saves would still go to the folder.
    static let keystrokes = BenchCase(name: "app.keys-100k", datasets: [100_000]) { options in
        let demo = Dataset.generate(count: 100_000)
        let runner = try open(Dataset(influencers: 100_000).folder, workspace: Workspace(
            influencers: demo.influencers, campaigns: demo.campaigns, deals: demo.deals, templates: demo.templates,
            settings: AppSettings(workspace: demo.settings)))
        runner.send(.computeHiddenPanes) // as the real loop does right after the first frame
        func key(_ event: KeyEvent) -> (wall: Duration, cpu: Double) {
            Measure.timed {
                runner.send(.input(.key(event)))
                runner.send(.keysHandled) // as the real loop does before it draws
                runner.present()
            }
        }
        _ = key(.char("2")) // Roster tab
        let scroll = Samples((0..<options.iterations(500)).map { _ in key(KeyEvent(.down)) })

        var rng = SplitMix64(seed: 5)
        // In id order: a dictionary's order changes from run to run, and so did the names typed (and the figures).
        let creators = runner.state.workspace.allInfluencers.sorted { $0.id < $1.id }
        let names = (0..<options.iterations(40)).compactMap { _ in creators.randomElement(using: &rng)?.realName }
        var typing: [(wall: Duration, cpu: Double)] = []
        var hits = 0
        for name in names {
            _ = key(.char("/"))
            for character in name.prefix(8) {
                typing.append(key(.char(character)))
                hits += runner.state.roster.rows.count
            }
            _ = key(KeyEvent(.escape))
        }
        let search = Samples(typing)

        // Filter: `F`, platform → the first choice (Instagram), Enter applies it; `x` clears it again.
        var applying: [(wall: Duration, cpu: Double)] = []
        var clearing: [(wall: Duration, cpu: Double)] = []
        var kept = 0
        for _ in 0..<options.iterations(20) {
            _ = key(.char("F"))
            _ = key(KeyEvent(.right))
            applying.append(key(KeyEvent(.enter)))
            kept = runner.state.roster.rows.count
            clearing.append(key(.char("x")))
        }
        guard kept < runner.state.roster.rows.count else {
            throw BenchError(description: "the filter form did not filter the roster; check the keys in AppCases.keystrokes")
        }

        let (opening, largest) = dashboards(runner, options)
        return [
            BenchResult(name: "app key→frame: scroll roster 100k", samples: scroll, target: .p99(below: 16)),
            BenchResult(name: "app key→frame: search-as-you-type 100k", samples: search, target: .p99(below: 16),
                        note: "prefixes 1–8 of \(names.count) real names; \(hits / Swift.max(1, typing.count)) rows avg"),
            BenchResult(name: "app key→frame: apply filter 100k", samples: Samples(applying), target: .p99(below: 16),
                        note: "platform Instagram: \(kept) rows"),
            BenchResult(name: "app key→frame: clear filter 100k", samples: Samples(clearing), target: .p99(below: 16)),
            BenchResult(name: "app open campaign dashboard 100k", samples: opening, target: .max(below: 50),
                        note: "\(opening.count) campaigns, largest \(largest) deals; ↓ + Enter"),
        ]
    }

    /// Campaign dashboards: on the Campaigns tab, ↓ selects the next campaign (its figures are computed then) and
    /// Enter shows them; both keys together are one sample, Esc goes back untimed. Also the most deals one had.
    /// `afterEach` runs after each campaign's keys, untimed by this (the off-the-loop case waits for its dashboard there).
    static func dashboards(_ runner: AppRunner, _ options: BenchOptions,
                           afterEach: (AppRunner) -> Void = { _ in }) -> (Samples, largest: Int) {
        func key(_ event: KeyEvent) -> (wall: Duration, cpu: Double) {
            Measure.timed {
                runner.send(.input(.key(event)))
                runner.send(.keysHandled) // as the real loop does before it draws
                runner.present()
            }
        }
        _ = key(.char("4"))
        var opening: [(wall: Duration, cpu: Double)] = []
        var largest = 0
        for _ in 0..<options.iterations(runner.state.campaigns.rows.count) {
            let down = key(KeyEvent(.down))
            let enter = key(KeyEvent(.enter))
            opening.append((down.wall + enter.wall, down.cpu + enter.cpu))
            afterEach(runner)
            if let id = runner.state.campaigns.selectedID { largest = Swift.max(largest, runner.state.workspace.dealIDs(ofCampaign: id).count) }
            _ = key(KeyEvent(.escape))
        }
        return (Samples(opening), largest)
    }

    /// The same dashboards in an app started as `reach` starts at 100k (from the folder index's creator summaries and
    /// deal rows), so each campaign's full deals are read from their files when it is opened.
    static let dashboardsOnDemand = BenchCase(name: "app.dashboards-on-demand-100k", datasets: [100_000]) { options in
        let dataset = Dataset(influencers: 100_000)
        try dataset.buildIndex()
        let runner = try open(dataset.folder)
        runner.send(.computeHiddenPanes)
        let (opening, largest) = dashboards(runner, options)
        // A held ↓: ten steps handled in one burst (as the loop drains typed keys), then one frame.
        let held = Samples((0..<options.iterations(10)).map { _ in
            Measure.timed {
                for _ in 0..<10 { runner.send(.input(.key(KeyEvent(.up)))) }
                runner.send(.keysHandled)
                runner.present()
            }
        })
        // As the real loop runs it: the keys answered at once, the dashboard computed on a background job.
        let offTheLoop = try open(dataset.folder)
        offTheLoop.send(.computeHiddenPanes)
        offTheLoop.computeOffTheLoop()
        var shown: [(wall: Duration, cpu: Double)] = []
        let (keys, _) = dashboards(offTheLoop, options) { runner in
            // A campaign whose deals are all at hand (none, or read before) has its dashboard at once.
            guard runner.state.campaigns.dashboardReading != nil else { return }
            shown.append(Measure.timed {
                while runner.state.campaigns.dashboardReading != nil {
                    if !runner.collectDashboard() { Thread.sleep(forTimeInterval: 0.001) }
                }
            })
        }
        return [
            BenchResult(name: "app open campaign dashboard 100k, deals read on demand", samples: opening,
                        note: "\(opening.count) campaigns, largest \(largest) deals, each read from its file the first time, on the loop"),
            BenchResult(name: "app open campaign dashboard 100k, on demand, off the loop", samples: keys, target: .max(below: 50),
                        note: "↓ + Enter to the frame that says which deals are being read (as `reach` runs)"),
            BenchResult(name: "app open campaign dashboard 100k, on demand, until shown", samples: Samples(shown),
                        note: "from that frame until the dashboard computed off the loop is handed over"),
            BenchResult(name: "app 10 ↑ held in the Campaigns list 100k, deals on demand", samples: held, target: .p99(below: 100),
                        note: "one burst of keys: one dashboard computed, for the campaign the selection stops on"),
        ]
    }
}
