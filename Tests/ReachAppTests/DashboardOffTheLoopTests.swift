import Foundation
import ReachCore
import ReachStore
import TerminalUI
import Testing
@testable import ReachApp

/// A campaign's dashboard whose deals must be read from their files (a workspace started from the folder index) is
/// computed off the loop when the runner's loop runs: the key is answered at once, the dashboard area says what is
/// being read, and the dashboard shows when it is ready, never one computed from an older workspace.
@Suite struct DashboardOffTheLoopTests {
    /// A runner on a workspace started from the folder index (deals on demand), in the Campaigns tab.
    static func runnerOnDemand(_ folder: StartupTests.Folder) throws -> AppRunner {
        let store = try RecordStore(folder: folder.data)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: store) }
        try FolderIndex(store: store).refresh()
        let loaded = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(loaded.fromIndex && !loaded.workspace.holdsFullDeals)
        let state = AppState(workspace: loaded.workspace, now: FuzzWorld.now, timeZone: FuzzWorld.utc, author: "tester")
        return AppRunner(terminal: TestTerminal(width: 160, height: 40), store: store, state: state, clock: { FuzzWorld.now },
                         editor: ScriptedEditor { $0 }, theme: .monochrome)
    }

    /// The Campaigns tab, then the second campaign: the first one's deals were read for its dashboard when the app
    /// started, the second one's not yet. Returns the second campaign's id.
    @discardableResult
    static func openTheSecondCampaign(_ runner: AppRunner) -> RecordID {
        runner.send(.input(.key(.char("4"))))
        runner.send(.keysHandled)
        let second = runner.state.campaigns.rows[1]
        #expect(!runner.state.workspace.dealsAreAtHand(ofCampaign: second))
        runner.send(.input(.key(.char("j"))))
        runner.send(.keysHandled)
        #expect(runner.state.campaigns.selectedID == second)
        return second
    }

    static func screen(_ runner: AppRunner) -> String {
        var buffer = Buffer(size: runner.state.size)
        AppView.render(runner.state, into: &buffer, theme: .monochrome)
        return buffer.lines().joined(separator: "\n")
    }

    @Test func theKeyIsAnsweredAtOnceAndTheDashboardFollows() throws {
        let folder = StartupTests.Folder()
        let runner = try Self.runnerOnDemand(folder)
        runner.computeOffTheLoop()
        let id = Self.openTheSecondCampaign(runner)
        let name = try #require(runner.state.workspace.campaigns[id]?.name)
        #expect(runner.state.campaigns.dashboardReading == id && runner.state.campaigns.dashboard?.campaignID != id)
        let count = runner.state.workspace.dealIDs(ofCampaign: id).count
        // The name as the screen shows it: control characters in it made visible.
        #expect(Self.screen(runner).contains("\(Sanitizer.sanitized(name)): reading its \(count) deals…"), "\(Self.screen(runner))")

        var arrived = false
        for _ in 0..<500 where !arrived {
            arrived = runner.collectDashboard()
            if !arrived { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(arrived)
        #expect(runner.state.campaigns.dashboard?.campaignID == id && runner.state.campaigns.dashboardReading == nil)
        #expect(Self.screen(runner).contains("Deals per stage"))
        // Computed in place, as it was before, it is the same dashboard.
        let inline = CampaignDashboard.make(try #require(runner.state.workspace.campaigns[id]), runner.state)
        #expect(runner.state.campaigns.dashboard?.report == inline.report)
    }

    /// A dashboard that arrives for a campaign no longer waited for, or from a workspace that changed since, is
    /// dropped; the one waited for is computed again.
    @Test func aStaleDashboardIsDropped() throws {
        let folder = StartupTests.Folder()
        let runner = try Self.runnerOnDemand(folder)
        runner.computeOffTheLoop()
        let id = Self.openTheSecondCampaign(runner)
        let campaign = try #require(runner.state.workspace.campaigns[id])
        let fresh = CampaignDashboard.make(campaign, runner.state)
        runner.send(.dashboardComputed(fresh, generation: runner.state.workspaceGeneration - 1))
        #expect(runner.state.campaigns.dashboard?.campaignID != id && runner.state.campaigns.dashboardReading == id)
        var other = fresh
        other.campaignID = FuzzWorld.id(999)
        runner.send(.dashboardComputed(other, generation: runner.state.workspaceGeneration))
        #expect(runner.state.campaigns.dashboard?.campaignID != id && runner.state.campaigns.dashboardReading == id)
        runner.send(.dashboardComputed(fresh, generation: runner.state.workspaceGeneration))
        #expect(runner.state.campaigns.dashboard?.campaignID == id && runner.state.campaigns.dashboardReading == nil)
    }

    /// Without the loop (tests, commands) and with the campaign's deals at hand, the dashboard is computed at once.
    @Test func withoutTheLoopItIsComputedAtOnce() throws {
        let folder = StartupTests.Folder()
        let runner = try Self.runnerOnDemand(folder)
        let id = Self.openTheSecondCampaign(runner)
        #expect(runner.state.campaigns.dashboard?.campaignID == id)
        #expect(runner.state.campaigns.dashboardReading == nil)
    }
}
