import Foundation
import GRDB
import ReachCore
import TerminalUI
import Testing
@testable import ReachApp
@testable import ReachStore

/// Start-up from the files and from the folder index: what a start or a command holds is exactly what the record
/// files hold, once the app's first poll has run.
@Suite struct StartupTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "reach-startup-tests-" + UUID().uuidString
        var data: String { path + "/data" }
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

    /// Without a built index, a start reads every file; a command's load (`loadCurrent`) builds the index and reads
    /// from it, and the next one, after another session's save and another program's edit in place (no journal line,
    /// no rename), shows both: a command compares every file's stamp, as the app's first poll does.
    @Test func aCommandBuildsTheIndexAndSeesEveryEditSince() throws {
        let folder = Folder()
        let store = try RecordStore(folder: folder.data)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: store) }
        let cold = WorkspaceLoader.load(from: store)
        #expect(!cold.fromIndex && cold.workspace.holdsFullDeals)
        #expect(try !FolderIndex(store: store).isBuilt(.deal))

        let first = WorkspaceLoader.loadCurrent(from: store, index: try FolderIndex(store: store))
        #expect(try FolderIndex(store: store).isBuilt(.deal) && !first.workspace.holdsFullDeals)
        #expect(Self.records(first.workspace) == Self.records(cold.workspace))

        let other = try RecordStore(folder: folder.data)
        var creator = try #require(cold.workspace.allInfluencers.min { $0.id < $1.id })
        creator.notes = "edited while no command ran"
        _ = try other.save(creator)
        let deal = try #require(cold.workspace.allDeals.min { $0.id < $1.id })
        let path = other.layout.recordFile(.deal, deal.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"revision\": 1,", with: "\"owner\": \"edited in place\",\n  \"revision\": 1,")
        #expect(edited != text)
        let handle = try #require(FileHandle(forWritingAtPath: path)) // in place: same inode, no rename
        handle.write(Data(edited.utf8))
        try handle.close()

        let second = WorkspaceLoader.loadCurrent(from: try RecordStore(folder: folder.data), index: try FolderIndex(store: store))
        #expect(second.workspace.influencer(creator.id)?.notes == creator.notes)
        #expect(second.workspace.dealRows[deal.id]?.owner == "edited in place")
        #expect(second.workspace.deal(deal.id)?.owner == "edited in place")
        let truth = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(Self.records(second.workspace) == Self.records(truth.workspace))
    }

    /// A first start on a folder of `buildIndexFrom` files or more reads every file once, into the folder index,
    /// telling the loading screen how many of how many, and starts from it: the same records as a start from the
    /// files, none held full. One cut short (the creators indexed, the deals not) is finished by the next start.
    /// A smaller folder is read from its files and gets no index.
    @Test func aFirstStartOnALargeFolderBuildsTheIndexAndStartsFromIt() throws {
        let folder = Folder()
        let store = try RecordStore(folder: folder.data)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: store) }
        let files = store.loadAll(Influencer.self).records.count + store.loadAll(Campaign.self).records.count
            + store.loadAll(Deal.self).records.count
        #expect(store.hasIndexedRecordFiles(atLeast: files) && !store.hasIndexedRecordFiles(atLeast: files + 1))
        #expect(store.hasIndexedRecordFiles(atLeast: 0) && store.hasIndexedRecordFiles(atLeast: 1))

        let small = WorkspaceLoader.load(from: try RecordStore(folder: folder.data), buildIndexFrom: files + 1)
        #expect(!small.fromIndex && small.workspace.holdsFullDeals)
        #expect(try !FolderIndex(store: store).isBuilt(.influencer) && !FolderIndex(store: store).isBuilt(.deal))

        let first = WorkspaceLoader.load(from: try RecordStore(folder: folder.data), buildIndexFrom: files)
        #expect(first.fromIndex && !first.workspace.holdsFullDeals && !first.workspace.holdsFullCreators)
        #expect(first.problems.isEmpty, "\(first.problems)")
        #expect(try FolderIndex(store: store).isBuilt(.influencer) && FolderIndex(store: store).isBuilt(.deal))
        #expect(Self.records(first.workspace) == Self.records(small.workspace))

        // The deals' part lost, as if the first start was quit while it read them.
        try FolderIndex(store: store).database.write { db in
            try db.execute(sql: "DELETE FROM folders WHERE kind = 'deals'")
            try db.execute(sql: "DELETE FROM deals WHERE file IN (SELECT file FROM deals ORDER BY file LIMIT 10)")
            try db.execute(sql: "DELETE FROM files WHERE kind = 'deals' AND name IN (SELECT name FROM files WHERE kind = 'deals' ORDER BY name LIMIT 10)")
            #expect(db.changesCount == 10)
        }
        let resumed = WorkspaceLoader.load(from: try RecordStore(folder: folder.data), buildIndexFrom: files)
        #expect(resumed.fromIndex && Self.records(resumed.workspace) == Self.records(small.workspace))
        #expect(try FolderIndex(store: store).isBuilt(.deal))
        let fresh = try FolderIndex(store: store, fileName: "fresh.sqlite")
        try fresh.refresh()
        #expect(try FolderIndex(store: store).contents() == fresh.contents())
    }

    /// A deal row the index cannot decode (SQLite reads the page fine; the bytes are not a whole row) makes the start
    /// read every file, with nothing to tell the user (their records are fine), and empties the index, so the next
    /// refresh rebuilds it instead of every start doing without it.
    @Test func aDamagedRowInTheIndexMeansAStartFromTheFilesAndARebuild() throws {
        let folder = Folder()
        let store = try RecordStore(folder: folder.data)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: store) }
        let index = try FolderIndex(store: store)
        try index.refresh()
        #expect(WorkspaceLoader.load(from: try RecordStore(folder: folder.data)).fromIndex)
        try index.database.write { try $0.execute(sql: "UPDATE deals SET row = substr(row, 1, 12) WHERE file = (SELECT max(file) FROM deals)") }

        let start = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(!start.fromIndex && start.problems.isEmpty, "\(start.problems)")
        #expect(Self.records(start.workspace) == Self.records(WorkspaceLoader.load(from: store).workspace))
        #expect(try !index.isBuilt(.deal) && !index.isBuilt(.influencer))
        try index.refresh()
        #expect(WorkspaceLoader.load(from: try RecordStore(folder: folder.data)).fromIndex)
    }

    /// A start from the folder index counts each creator's open deals and last contact as it puts the deal rows in,
    /// under the folder's own pipeline (here Negotiating counts as closed): the facts a scan of every full deal gives.
    /// A deal id in two files (a damaged folder) is counted once, as the row kept.
    @Test func aStartFromTheIndexGivesEachCreatorTheirDealFacts() throws {
        let folder = Folder()
        let store = try RecordStore(folder: folder.data)
        var pipeline = StagePipeline.default
        let negotiating = try #require(pipeline.stages.firstIndex { $0.key == .negotiating })
        pipeline.stages[negotiating].role = .complete
        try store.saveWorkspace(AppSettings(workspace: WorkspaceSettings(pipeline: pipeline)))
        let world = FuzzWorld.workspace()
        for record in world.allRecords { try StoreHarness.save(record, in: store) }
        let deals = world.allDeals.sorted { $0.id < $1.id }
        #expect(deals.contains { $0.isOpen(pipeline: .default) && !$0.isOpen(pipeline: pipeline) })
        func expectFactsOfEveryCreator() throws {
            let start = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
            #expect(start.fromIndex && start.workspace.pipeline == pipeline)
            for creator in world.allInfluencers {
                let facts = try #require(start.workspace.creatorEntries[creator.id]?.facts)
                let theirs = deals.filter { $0.influencerID == creator.id }
                #expect(facts.openDeals == theirs.filter { $0.isOpen(pipeline: pipeline) }.count, "\(creator.displayName)")
                #expect(facts.lastContact == theirs.compactMap(\.lastContact).max(), "\(creator.displayName)")
            }
        }
        try FolderIndex(store: store).refresh()
        try expectFactsOfEveryCreator()

        // An open deal's file again under a name sorting after every other: the index reads the copy last.
        let twice = try #require(deals.first { $0.isOpen(pipeline: pipeline) })
        var random = SystemRandomNumberGenerator()
        let last = RecordID.generate(at: Date(timeIntervalSinceNow: 86_400 * 365 * 100), using: &random)
        try FileManager.default.copyItem(atPath: store.layout.recordFile(.deal, twice.id), toPath: store.layout.recordFile(.deal, last))
        try FolderIndex(store: store).refresh()
        #expect(try FolderIndex(store: store).allDealRows().filter { $0.deal.id == twice.id }.count == 2)
        try expectFactsOfEveryCreator()
    }

    /// A start from the folder index takes every file's stamp from it (deal files' by the id in their names, read
    /// from the index's bytes): the first poll reads no file that did not change.
    @Test func aStartFromTheIndexKnowsEveryFilesStamp() throws {
        let folder = Folder()
        let first = try RecordStore(folder: folder.data)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: first) }
        try FolderIndex(store: first).refresh()
        Thread.sleep(forTimeInterval: 0.2) // past the index's racy margin (50 ms): it then trusts the folders' stamps
        try FolderIndex(store: first).refresh()

        let second = try RecordStore(folder: folder.data)
        let start = WorkspaceLoader.load(from: second)
        #expect(start.fromIndex && start.workspace.dealCount > 0 && start.workspace.creatorCount > 0)
        let deals = second.scanChanges(Deal.self), creators = second.scanChanges(Influencer.self)
        #expect(deals.isEmpty, "deal files read again: \(deals.added.count + deals.changed.count)")
        #expect(creators.isEmpty, "creator files read again: \(creators.added.count + creators.changed.count)")
    }

    /// With the folder index built, a start holds each creator's summary and each deal's row from it and reads full
    /// records from their files: a deal and a creator saved by another session while the app was closed (the change
    /// journal) are there at once; one edited in place by another program (no journal line, no rename) is caught by
    /// the first poll.
    @Test func aStartWithTheIndexReadsRecordsOnDemand() throws {
        let folder = Folder()
        let first = try RecordStore(folder: folder.data)
        for record in FuzzWorld.workspace().allRecords { try StoreHarness.save(record, in: first) }
        let everything = first.loadAll(Deal.self).records
        // An index built by a command.
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

        let second = try RecordStore(folder: folder.data)
        let warm = WorkspaceLoader.load(from: second)
        #expect(warm.fromIndex && !warm.workspace.holdsFullDeals && !warm.workspace.holdsFullCreators)
        #expect(warm.workspace.deal(saved.id)?.notes == "saved by another session")
        #expect(warm.workspace.influencerName(creator.id) == "Renamed by another session")
        #expect(warm.workspace.influencer(creator.id) == savedCreator)
        #expect(warm.workspace.searchIndex.search("renamed by another", limit: 5).first?.id == creator.id)
        #expect(warm.workspace.dealRows[inPlace.id]?.owner == nil, "the index did not see it yet")
        #expect(warm.problems.contains { $0.contains(damaged.rawValue) }, "\(warm.problems)")
        let state = AppState(workspace: warm.workspace, now: FuzzWorld.now, timeZone: FuzzWorld.utc, author: "tester")
        let runner = AppRunner(terminal: TestTerminal(width: 80, height: 24), store: second, state: state, clock: { FuzzWorld.now },
                               editor: ScriptedEditor { $0 }, theme: .monochrome)
        runner.pollExternalChanges()
        #expect(runner.state.workspace.dealRows[inPlace.id]?.owner == "edited in place")
        #expect(runner.state.workspace.deal(inPlace.id)?.owner == "edited in place")
        let truth = WorkspaceLoader.load(from: try RecordStore(folder: folder.data))
        #expect(Self.records(runner.state.workspace) == Self.records(truth.workspace))
    }
}
