import Foundation
import Testing
import TerminalUI
import ReachStore
@testable import ReachApp
@testable import ReachCore

/// A start-up draws its first frame with only the shown tab's rows; the others are computed right after, or when
/// a tab is switched to first, and must then equal what an eager start computes.
@Suite("Deferred panes")
struct DeferredPanesTests {
    func deferredState() -> AppState {
        AppState(workspace: Fx.workspace, now: Fx.now, timeZone: Fx.utc, size: Size(width: 120, height: 40), author: "tester",
                 hiddenPanesLater: true)
    }

    @Test func firstFrameNeedsOnlyTheShownTab() {
        let eager = Fx.state(width: 120, height: 40)
        let lazy = deferredState()
        #expect(lazy.today.rows == eager.today.rows)
        #expect(lazy.roster.rows.isEmpty && !eager.roster.rows.isEmpty)
        #expect(Fx.render(lazy) == Fx.render(eager), "the Today screen is the same either way")
    }

    @Test func switchingToATabComputesIt() {
        var lazy = deferredState()
        let eager = Fx.state(width: 120, height: 40)
        GlobalKeys.switchTab(.roster, &lazy)
        #expect(lazy.roster.rows == eager.roster.rows)
        lazy.tab = .pipeline
        #expect(lazy.pipeline.columns.map(\.dealIDs) == eager.pipeline.columns.map(\.dealIDs))
    }

    @Test func theRunnerComputesTheRestAfterTheFirstFrame() {
        var lazy = deferredState()
        let eager = Fx.state(width: 120, height: 40)
        _ = App.update(&lazy, .computeHiddenPanes)
        #expect(lazy.roster.rows == eager.roster.rows)
        #expect(lazy.campaigns.rows == eager.campaigns.rows)
        #expect(lazy.pipeline.columns.map(\.dealIDs) == eager.pipeline.columns.map(\.dealIDs))
    }

    @Test func searchKeysAndNameOrderLeftForLaterStillFindEveryone() throws {
        var workspace = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns, deals: Fx.deals, rosterIndexesLater: true)
        let eager = Fx.workspace
        #expect(workspace.searchIndex.search("nino") == eager.searchIndex.search("nino"), "built on the spot when asked early")
        var creator = try #require(workspace.influencer(Fx.liga))
        creator.displayName = "Zzyzx Renamed"
        workspace.put(.influencer(creator))
        workspace.buildRosterIndexes()
        #expect(workspace.searchIndex.search("zzyzx").map(\.id) == [Fx.liga])
        func byName(_ workspace: Workspace) -> [RecordID] {
            workspace.creatorEntries.ids.sorted { (workspace.sortName($0), $0) < (workspace.sortName($1), $1) }
        }
        #expect(workspace.creatorsByName.ids == byName(workspace), "the name order, built after the rename")
        creator.displayName = "Aaaa Zzyzx Again"
        workspace.put(.influencer(creator))
        #expect(workspace.creatorsByName.ids == byName(workspace), "and kept up to date once built")
        #expect(workspace.creatorsByName.ids.first == Fx.liga)
        var state = AppState(workspace: workspace, now: Fx.now, timeZone: Fx.utc, hiddenPanesLater: true)
        _ = App.update(&state, .computeHiddenPanes)
        #expect(state.workspace.searchIndex.search("zzyzx").map(\.id) == [Fx.liga])
    }

    /// Deals owned by the user ("tester") and by someone else: the first frame of Today makes only the user's items
    /// (their scope, "mine"), and everyone's follow; the screen is the same at every step as an eager start's.
    @Test func todaysFirstFrameMakesOnlyTheScopesItems() throws {
        let deals = Fx.deals.enumerated().map { index, deal in
            var owned = deal
            owned.owner = index.isMultiple(of: 2) ? "tester" : "Other Person"
            return owned
        }
        let workspace = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns, deals: deals)
        func start(later: Bool) -> AppState {
            AppState(workspace: workspace, now: Fx.now, timeZone: Fx.utc, size: Size(width: 120, height: 40), author: "tester",
                     hiddenPanesLater: later)
        }
        let eager = start(later: false)
        var lazy = start(later: true)
        #expect(lazy.ownerScope == .mine)
        #expect(!lazy.today.items.isEmpty && lazy.today.rows == eager.today.rows)
        #expect(lazy.today.everyone.count < eager.today.everyone.count, "only the user's items so far")
        #expect(Fx.render(lazy) == Fx.render(eager))
        _ = App.update(&lazy, .computeHiddenPanes)
        #expect(lazy.today.everyone == eager.today.everyone && lazy.today.rows == eager.today.rows)

        // `o` and another session's change before the rest was made (keys typed while loading come first).
        var cycled = start(later: true), cycledEagerly = eager
        OwnerActions.cycleScope(&cycled)
        OwnerActions.cycleScope(&cycledEagerly)
        #expect(cycled.ownerScope == .everyone && cycled.today.rows == cycledEagerly.today.rows)
        var changed = start(later: true), changedEagerly = eager
        var deal = try #require(deals.first { $0.owner == "Other Person" && $0.nextAction != nil })
        deal.nextAction?.due = Fx.now.addingTimeInterval(-86_400)
        changed.workspace.put(.deal(deal))
        changed.recordsChanged(RecordChanges([(.deal, deal.id)]))
        changedEagerly.workspace.put(.deal(deal))
        changedEagerly.recordsChanged(RecordChanges([(.deal, deal.id)]))
        _ = App.update(&changed, .computeHiddenPanes)
        #expect(changed.today.everyone == changedEagerly.today.everyone)
        #expect(changed.today.everyone.contains { $0.dealID == deal.id })
    }

    /// The runner does what the first frame left a piece at a time, and keys typed meanwhile are handled and drawn
    /// before the pieces still left, not after all of them (at 100k creators they took 0.4–0.45 s).
    @Test func keysTypedAfterTheFirstFrameAreHandledBetweenTheLeftovers() throws {
        let folder = NSTemporaryDirectory() + "reach-deferred-panes-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let terminal = TestTerminal(width: 120, height: 40)
        let runner = AppRunner(terminal: terminal, store: try RecordStore(folder: folder), state: deferredState(),
                               clock: { Fx.now }, editor: ScriptedEditor { $0 }, theme: .monochrome)
        #expect(runner.state.leftovers.count == 1 + Tab.allCases.count)
        runner.runUntilIdle()
        #expect(terminal.snapshot().joined().contains("Today"))
        terminal.queuedEvents += keys("2")
        runner.completeStart()
        #expect(runner.state.leftovers.isEmpty)
        #expect(runner.state.tab == .roster)
        let eager = Fx.state(width: 120, height: 40)
        #expect(runner.state.roster.rows == eager.roster.rows && runner.state.pipeline.columns.map(\.dealIDs) == eager.pipeline.columns.map(\.dealIDs))
        let screen = terminal.snapshot().joined(separator: "\n")
        let firstID = try #require(eager.roster.rows.first)
        let firstCreator = try #require(eager.workspace.influencer(firstID))
        #expect(screen.contains(firstCreator.displayName), "the Roster was drawn while the start's work went on:\n\(screen)")
    }

    @Test func changesWhileATabWaitsAreInItOnceComputed() throws {
        var lazy = deferredState()
        var creator = try #require(lazy.workspace.influencer(Fx.liga))
        creator.displayName = "Aaaa First Now"
        lazy.workspace.put(.influencer(creator))
        lazy.recordsChanged(RecordChanges([(.influencer, Fx.liga)]))
        #expect(lazy.roster.rows.isEmpty, "still waiting")
        _ = App.update(&lazy, .computeHiddenPanes)
        #expect(lazy.roster.rows.first == Fx.liga)
    }
}
