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
        for r in workspace.allInfluencers { out[RecordKey(.influencer, r.id)] = .influencer(r) }
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
        var creator = try #require(cold.workspace.allInfluencers.min { $0.id < $1.id })
        creator.notes = "edited while the app was closed"
        _ = try other.save(creator)
        let deal = try #require(cold.workspace.allDeals.min { $0.id < $1.id })
        _ = try other.delete(Deal.self, id: deal.id, expectedRevision: deal.revision)

        let second = try RecordStore(folder: folder.data, options: folder.options)
        let warm = WorkspaceLoader.load(from: second)
        #expect(warm.fromSnapshot)
        // Creators, campaigns and templates come from the snapshot (the creator's edit is not there yet); deals, which
        // the snapshot no longer holds (no folder index here), from their files: the deleted one is gone.
        #expect(Self.records(warm.workspace).filter { $0.key.kind != .deal } == Self.records(cold.workspace).filter { $0.key.kind != .deal })
        #expect(warm.workspace.holdsFullDeals && warm.workspace.deal(deal.id) == nil)
        #expect(warm.workspace.dealCount == cold.workspace.dealCount - 1)
        let state = AppState(workspace: warm.workspace, now: FuzzWorld.now, timeZone: FuzzWorld.utc, author: "tester")
        let runner = AppRunner(terminal: TestTerminal(width: 80, height: 24), store: second, state: state, clock: { FuzzWorld.now },
                               editor: ScriptedEditor { $0 }, theme: .monochrome)
        runner.pollExternalChanges()
        let truth = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(Self.records(runner.state.workspace) == Self.records(truth.workspace))
        #expect(runner.state.workspace.influencer(creator.id)?.notes == creator.notes)
        #expect(runner.state.workspace.deal(deal.id) == nil)
    }

    /// With the folder index built, a start holds each creator's summary and each deal's row from it and reads full
    /// records from their files: a deal and a creator saved by another session while the app was closed (the change
    /// journal) are there at once; one edited in place by another program (no journal line, no rename) is caught by
    /// the first poll; the snapshot is neither read nor written.
    @Test func aStartWithTheIndexReadsRecordsOnDemand() throws {
        let folder = Folder()
        let first = try RecordStore(folder: folder.data, options: folder.options)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: first) }
        let everything = first.loadAll(Deal.self).records
        // An older Reach's snapshot, deals included, and an index built by a command.
        try first.writeSnapshot(influencers: first.loadAll(Influencer.self).records, campaigns: first.loadAll(Campaign.self).records,
                                deals: everything, templates: [Template]())
        try FolderIndex(store: first).refresh()
        Thread.sleep(forTimeInterval: 0.2) // past the index's racy margin (50 ms): it then trusts the folders' stamps
        try FolderIndex(store: first).refresh()

        let other = try RecordStore(folder: folder.data)
        var creator = try #require(other.loadAll(Influencer.self).records.min { $0.id < $1.id })
        creator.displayName = "Renamed by another session"
        guard case .saved(let savedCreator) = try other.save(creator) else { throw CancellationError() }
        let sorted = everything.sorted { $0.id < $1.id }
        var saved = sorted[0], inPlace = sorted[1]
        saved.notes = "saved by another session"
        guard case .saved(let written) = try other.save(saved) else { throw CancellationError() }
        saved = written
        let path = other.layout.recordFile(.deal, inPlace.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        inPlace.owner = "edited in place"
        let edited = text.replacingOccurrences(of: "\"revision\": 1,", with: "\"owner\": \"edited in place\",\n  \"revision\": 1,")
        #expect(edited != text)
        let handle = try #require(FileHandle(forWritingAtPath: path)) // in place: same inode, no rename
        handle.write(Data(edited.utf8))
        try handle.close()
        // And a damaged creator file appears (another folder: the deals' stays unlisted): the index's refresh reads
        // it, and the start says which file.
        let damaged = RecordID.generate(at: FuzzWorld.now)
        try "{ not json".write(toFile: other.layout.recordFile(.influencer, damaged), atomically: true, encoding: .utf8)

        let second = try RecordStore(folder: folder.data, options: folder.options)
        let warm = WorkspaceLoader.load(from: second)
        #expect(warm.fromSnapshot && !warm.workspace.holdsFullDeals && !warm.workspace.holdsFullCreators)
        #expect(warm.workspace.deal(saved.id)?.notes == "saved by another session")
        #expect(warm.workspace.influencerName(creator.id) == "Renamed by another session")
        #expect(warm.workspace.influencer(creator.id) == savedCreator)
        #expect(warm.workspace.searchIndex.search("renamed by another", limit: 5).first?.id == creator.id)
        #expect(warm.workspace.dealRows[inPlace.id]?.owner == nil, "the index did not see it yet")
        #expect(second.changesSinceSnapshot == nil, "the snapshot was not read")
        #expect(warm.problems.contains { $0.contains(damaged.rawValue) }, "\(warm.problems)")
        let state = AppState(workspace: warm.workspace, now: FuzzWorld.now, timeZone: FuzzWorld.utc, author: "tester")
        let runner = AppRunner(terminal: TestTerminal(width: 80, height: 24), store: second, state: state, clock: { FuzzWorld.now },
                               editor: ScriptedEditor { $0 }, theme: .monochrome)
        runner.pollExternalChanges()
        #expect(runner.state.workspace.dealRows[inPlace.id]?.owner == "edited in place")
        #expect(runner.state.workspace.deal(inPlace.id)?.owner == "edited in place")
        let truth = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(Self.records(runner.state.workspace) == Self.records(truth.workspace))

        SnapshotKeeper(store: second).finish(runner.state.workspace)
        let third = try RecordStore(folder: folder.data, options: folder.options)
        #expect(third.loadAllFromSnapshot()?.deals.count == everything.count, "the older snapshot is left as it was")
    }

    @Test func quittingRewritesOnlyAMissingOrStaleEnoughSnapshot() {
        #expect(SnapshotKeeper.shouldWrite(changes: nil, records: 300_000))
        #expect(!SnapshotKeeper.shouldWrite(changes: 0, records: 10))
        #expect(SnapshotKeeper.shouldWrite(changes: 1, records: 20_000))
        #expect(!SnapshotKeeper.shouldWrite(changes: 3_000, records: 300_000))
        #expect(SnapshotKeeper.shouldWrite(changes: 3_001, records: 300_000))
    }
}
