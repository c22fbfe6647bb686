import Foundation
import ReachCore
import ReachStore
import TerminalUI
import Testing
@testable import ReachApp

/// Start-up through the snapshot cache: the second start loads what the first wrote, and the first poll
/// brings the workspace to exactly what the record files hold.
@Suite struct SnapshotStartupTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "reach-snapshot-tests-" + UUID().uuidString
        var data: String { path + "/data" }
        var options: StoreOptions { StoreOptions(snapshotDirectory: path + "/cache") }
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func records(_ workspace: Workspace) -> [RecordKey: AnyRecord] {
        var out: [RecordKey: AnyRecord] = [:]
        for r in workspace.influencers.values { out[RecordKey(.influencer, r.id)] = .influencer(r) }
        for r in workspace.campaigns.values { out[RecordKey(.campaign, r.id)] = .campaign(r) }
        for r in workspace.allDeals { out[RecordKey(.deal, r.id)] = .deal(r) }
        for r in workspace.templates.values { out[RecordKey(.template, r.id)] = .template(r) }
        return out
    }

    @Test func theSecondStartLoadsTheSnapshotAndTheFirstPollCatchesUp() throws {
        let folder = Folder()
        let first = try RecordStore(folder: folder.data, options: folder.options)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: first) }
        let cold = WorkspaceLoader.load(from: first)
        #expect(!cold.fromSnapshot)
        let keeper = SnapshotKeeper(store: first)
        keeper.writeInBackground(cold.workspace)
        keeper.finish(cold.workspace)
        #expect(first.changesSinceSnapshot == 0)

        // Another session edits a creator and deletes a deal while this user is away.
        let other = try RecordStore(folder: folder.data)
        var creator = try #require(cold.workspace.influencers.values.min { $0.id < $1.id })
        creator.notes = "edited while the app was closed"
        _ = try other.save(creator)
        let deal = try #require(cold.workspace.allDeals.min { $0.id < $1.id })
        _ = try other.delete(Deal.self, id: deal.id, expectedRevision: deal.revision)

        let second = try RecordStore(folder: folder.data, options: folder.options)
        let warm = WorkspaceLoader.load(from: second)
        #expect(warm.fromSnapshot)
        #expect(Self.records(warm.workspace) == Self.records(cold.workspace))
        let state = AppState(workspace: warm.workspace, now: FuzzWorld.now, timeZone: FuzzWorld.utc, author: "tester")
        let runner = AppRunner(terminal: TestTerminal(width: 80, height: 24), store: second, state: state, clock: { FuzzWorld.now },
                               editor: ScriptedEditor { $0 }, theme: .monochrome)
        runner.pollExternalChanges()
        let truth = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(Self.records(runner.state.workspace) == Self.records(truth.workspace))
        #expect(runner.state.workspace.influencers[creator.id]?.notes == creator.notes)
        #expect(runner.state.workspace.deal(deal.id) == nil)
    }

    @Test func quittingRewritesOnlyAMissingOrStaleEnoughSnapshot() {
        #expect(SnapshotKeeper.shouldWrite(changes: nil, records: 300_000))
        #expect(!SnapshotKeeper.shouldWrite(changes: 0, records: 10))
        #expect(SnapshotKeeper.shouldWrite(changes: 1, records: 20_000))
        #expect(!SnapshotKeeper.shouldWrite(changes: 3_000, records: 300_000))
        #expect(SnapshotKeeper.shouldWrite(changes: 3_001, records: 300_000))
    }
}
