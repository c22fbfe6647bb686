import Foundation
import Testing
import TerminalUI
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
