import Foundation
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore
#if canImport(Glibc)
import Glibc
#endif

/// The snapshot cache at the store level: it loads exactly what was written, the first scan afterwards reports
/// exactly what changed on disk since, it never holds problem files or unsaved edits, and a damaged or foreign
/// snapshot is ignored.
@Suite struct SnapshotStoreTests {
    /// A data folder with the curated demo records saved in it, and a store on it that knows them.
    final class Fixture {
        let folder = TempFolder()
        let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 42)
        var influencers: [Influencer] = []
        var campaigns: [Campaign] = []
        var deals: [Deal] = []
        var templates: [Template] = []

        var cache: String { folder.path + "/cache/reach" }

        func open() throws -> RecordStore {
            try RecordStore(folder: folder.data, options: StoreOptions(snapshotDirectory: cache))
        }

        init() throws {
            let store = try RecordStore(folder: folder.data)
            _ = try store.insertBatch(demo.influencers)
            _ = try store.insertBatch(demo.campaigns)
            _ = try store.insertBatch(demo.deals)
            _ = try store.insertBatch(demo.templates)
        }

        /// Loads from the files and writes the snapshot, as the app does on its first start.
        @discardableResult
        func loadAndWrite() throws -> (store: RecordStore, summary: SnapshotWriteSummary) {
            let store = try open()
            influencers = store.loadAll(Influencer.self).records
            campaigns = store.loadAll(Campaign.self).records
            deals = store.loadAll(Deal.self).records
            templates = store.loadAll(Template.self).records
            return (store, try write(store))
        }

        func write(_ store: RecordStore) throws -> SnapshotWriteSummary {
            try store.writeSnapshot(influencers: influencers, campaigns: campaigns, deals: deals, templates: templates)
        }

        func path(_ kind: RecordKind, _ id: RecordID) -> String { folder.data + "/" + kind.folderName + "/" + id.rawValue + ".json" }
    }

    static func byID<R: Record>(_ records: [R]) -> [RecordID: R] {
        Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func loadsExactlyWhatWasWrittenAndTheFirstScanFindsNothing() throws {
        let fixture = try Fixture()
        let (_, summary) = try fixture.loadAndWrite()
        #expect(summary.omitted == 0)
        #expect(summary.records == fixture.influencers.count + fixture.campaigns.count + fixture.deals.count + fixture.templates.count)
        let store = try fixture.open()
        #expect(store.changesSinceSnapshot == nil)
        let records = try #require(store.loadAllFromSnapshot())
        #expect(store.changesSinceSnapshot == 0)
        #expect(Self.byID(records.influencers) == Self.byID(fixture.influencers))
        #expect(Self.byID(records.campaigns) == Self.byID(fixture.campaigns))
        #expect(Self.byID(records.deals) == Self.byID(fixture.deals))
        #expect(Self.byID(records.templates) == Self.byID(fixture.templates))
        #expect(store.scanChanges(Influencer.self).isEmpty)
        #expect(store.scanChanges(Campaign.self).isEmpty)
        #expect(store.scanChanges(Deal.self).isEmpty)
        #expect(store.scanChanges(Template.self).isEmpty)
    }

    @Test func theFirstScanReportsEveryChangeMadeSinceTheSnapshot() throws {
        let fixture = try Fixture()
        try fixture.loadAndWrite()
        let other = try RecordStore(folder: fixture.folder.data)

        // Deleted by another session, deleted by hand, added, saved by another session, edited by hand in place, damaged.
        let trashed = fixture.influencers[0]
        _ = try other.delete(Influencer.self, id: trashed.id, expectedRevision: trashed.revision)
        let removedByHand = fixture.influencers[1]
        #expect(unlink(fixture.path(.influencer, removedByHand.id)) == 0)
        var added = fixture.influencers[2]
        added.id = RecordID(rawValue: "01JCCCCCCCCCCCCCCCCCCCCCCC")
        added.displayName = "Added meanwhile"
        let addedSaved = try other.saveOK(added, expectedRevision: 0)
        var saved = fixture.influencers[3]
        saved.notes = "saved by another session"
        let savedElsewhere = try other.saveOK(saved)
        let handEdited = fixture.influencers[4]
        let path = fixture.path(.influencer, handEdited.id)
        var text = try #require(readText(path))
        text = text.replacingOccurrences(of: handEdited.displayName, with: "Edited by hand")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        let damaged = fixture.influencers[5]
        writeText("{ not json", to: fixture.path(.influencer, damaged.id))

        let store = try fixture.open()
        let records = try #require(store.loadAllFromSnapshot())
        #expect(records.influencers.count == fixture.influencers.count)
        let changes = store.scanChanges(Influencer.self)
        #expect(Set(changes.added) == [addedSaved])
        #expect(Set(changes.changed.map(\.id)) == [savedElsewhere.id, handEdited.id])
        #expect(changes.changed.first { $0.id == savedElsewhere.id } == savedElsewhere)
        #expect(changes.changed.first { $0.id == handEdited.id }?.displayName == "Edited by hand")
        #expect(Set(changes.removed) == [trashed.id, removedByHand.id, damaged.id])
        #expect(changes.problems.map(\.kind) == [.damaged])
        #expect(changes.problems.first?.movedTo != nil)
        #expect(store.scanChanges(Influencer.self).isEmpty)
        #expect(store.changesSinceSnapshot == 6)
        #expect(store.scanChanges(Deal.self).isEmpty)
    }

    @Test func problemFilesAreNeverCachedSoTheirProblemIsReportedAgain() throws {
        let fixture = try Fixture()
        // A file from a newer Reach (read-only), and one whose id does not match its name.
        let newer = fixture.demo.influencers[0]
        let newerPath = fixture.path(.influencer, newer.id)
        guard case .object(var object) = try parseFile(newerPath) else { throw TestFailure("not an object") }
        object["schemaVersion"] = .int(Influencer.currentSchemaVersion + 1)
        writeBytes(JSONWriter.bytes(of: .object(object)), to: newerPath)
        let mismatched = RecordID(rawValue: "01JDDDDDDDDDDDDDDDDDDDDDDD")
        let source = fixture.path(.influencer, fixture.demo.influencers[1].id)
        writeText(try #require(readText(source)), to: fixture.path(.influencer, mismatched))

        // Left out: the newer file, and both copies of the record whose id is now in two files.
        let (_, summary) = try fixture.loadAndWrite()
        #expect(summary.omitted == 3)
        let store = try fixture.open()
        let records = try #require(store.loadAllFromSnapshot())
        #expect(!records.influencers.contains { $0.id == newer.id || $0.id == fixture.demo.influencers[1].id })
        #expect(records.influencers.count == fixture.demo.influencers.count - 2)
        let changes = store.scanChanges(Influencer.self)
        #expect(Set(changes.problems.map(\.kind)) == [.newerSchema, .idMismatch])
        #expect(Set(changes.added.map(\.id)) == [newer.id, fixture.demo.influencers[1].id])
    }

    @Test func unsavedEditsAndRecordsChangedSinceTheirReadAreLeftOut() throws {
        let fixture = try Fixture()
        let (store, _) = try fixture.loadAndWrite()
        // An edit the app has not saved, and a file another session changed after this store read it.
        fixture.influencers[0].notes = "not saved yet"
        let other = try RecordStore(folder: fixture.folder.data)
        var theirs = fixture.influencers[1]
        theirs.notes = "theirs"
        _ = try other.saveOK(theirs)
        _ = store.scanChanges(Influencer.self)
        let summary = try fixture.write(store)
        #expect(summary.omitted == 2)

        let fresh = try fixture.open()
        let records = try #require(fresh.loadAllFromSnapshot())
        #expect(!records.influencers.contains { $0.id == fixture.influencers[0].id || $0.id == theirs.id })
        let changes = fresh.scanChanges(Influencer.self)
        #expect(Set(changes.added.map(\.id)) == [fixture.influencers[0].id, theirs.id])
        #expect(changes.added.first { $0.id == fixture.influencers[0].id }?.notes != "not saved yet")
    }

    @Test func ownSavesAreCachedWithTheirNewStamp() throws {
        let fixture = try Fixture()
        let (store, _) = try fixture.loadAndWrite()
        var edited = fixture.influencers[0]
        edited.notes = "mine"
        fixture.influencers[0] = try store.saveOK(edited)
        #expect(store.changesSinceSnapshot == 1)
        #expect(try fixture.write(store).omitted == 0)
        #expect(store.changesSinceSnapshot == 0)
        let fresh = try fixture.open()
        let records = try #require(fresh.loadAllFromSnapshot())
        #expect(records.influencers.first { $0.id == edited.id } == fixture.influencers[0])
        #expect(fresh.scanChanges(Influencer.self).isEmpty)
    }

    @Test func savingAStaleSnapshotRecordIsAConflictNotAnOverwrite() throws {
        let fixture = try Fixture()
        try fixture.loadAndWrite()
        let other = try RecordStore(folder: fixture.folder.data)
        var theirs = fixture.influencers[0]
        theirs.notes = "newer, saved by another session"
        let newer = try other.saveOK(theirs)

        let store = try fixture.open()
        let records = try #require(store.loadAllFromSnapshot())
        var stale = try #require(records.influencers.first { $0.id == theirs.id })
        #expect(stale.revision == newer.revision - 1)
        stale.notes = "edited from the stale snapshot"
        guard case .conflict(let conflict) = try store.save(stale) else {
            Issue.record("a stale record overwrote a newer file")
            return
        }
        #expect(conflict.theirs == newer)
        #expect(try store.load(Influencer.self, id: theirs.id) == newer)
    }

    @Test func aDamagedForeignOrMissingSnapshotIsIgnored() throws {
        let fixture = try Fixture()
        let (store, summary) = try fixture.loadAndWrite()
        let path = try #require(store.snapshotPath)
        #expect(summary.path == path)
        #expect(mode(path) == 0o600)
        #expect(mode(fixture.cache) == 0o700)
        let good = try #require(FileManager.default.contents(atPath: path))
        #expect(good.count == summary.bytes)

        var flipped = [UInt8](good)
        flipped[flipped.count / 2] ^= 0x40
        for bad in [flipped, Array(good.prefix(good.count - 1)), Array(good.prefix(40)), [], Array("REACHSNP".utf8)] {
            writeBytes(bad, to: path)
            #expect(try fixture.open().loadAllFromSnapshot() == nil)
        }
        // Another folder's snapshot under this folder's name.
        let elsewhere = try Fixture()
        let (otherStore, _) = try elsewhere.loadAndWrite()
        let otherPath = try #require(otherStore.snapshotPath)
        let foreign = try #require(FileManager.default.contents(atPath: otherPath))
        writeBytes([UInt8](foreign), to: path)
        #expect(try fixture.open().loadAllFromSnapshot() == nil)

        writeBytes([UInt8](good), to: path)
        #expect(try fixture.open().loadAllFromSnapshot() != nil)
        #expect(try RecordStore(folder: fixture.folder.data).loadAllFromSnapshot() == nil)
        #expect(unlink(path) == 0)
        #expect(try fixture.open().loadAllFromSnapshot() == nil)
    }

    @Test func snapshotsUnusedForThirtyDaysAreRemovedWhenAnotherIsWritten() throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.cache, withIntermediateDirectories: true)
        let old = fixture.cache + "/0123456789abcdef.snapshot", recent = fixture.cache + "/fedcba9876543210.snapshot"
        let other = fixture.cache + "/notes.txt"
        for path in [old, recent, other] { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        let longAgo = Date().addingTimeInterval(-40 * 86_400)
        for path in [old, other] { try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: path) }
        var times = [timespec(tv_sec: Int(longAgo.timeIntervalSince1970), tv_nsec: 0),
                     timespec(tv_sec: Int(longAgo.timeIntervalSince1970), tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, old, &times, 0) == 0) // last read 40 days ago too
        let (store, _) = try fixture.loadAndWrite()
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: recent))
        #expect(FileManager.default.fileExists(atPath: other), "only snapshot files are touched")
        #expect(store.snapshotPath.map(FileManager.default.fileExists) == true)
    }

    /// In a team folder the snapshot is the team's: every member reads it and rewrites it.
    @Test func aTeamFolderSharesItsSnapshot() throws {
        let fixture = try Fixture()
        let layout = DataFolderLayout(root: fixture.folder.data)
        let store = try RecordStore(folder: fixture.folder.data,
                                    options: StoreOptions(sharing: .team, snapshotDirectory: layout.cacheDirectory))
        _ = store.loadAll(Influencer.self)
        let summary = try store.writeSnapshot(influencers: [Influencer](), campaigns: [Campaign](), deals: [Deal](),
                                              templates: [Template]())
        #expect(summary.path.hasPrefix(fixture.folder.data + "/cache/"))
        #expect(mode(summary.path) == 0o660)
        #expect(mode(layout.cacheDirectory) == 0o2770)
    }

    @Test func eachFolderHasItsOwnSnapshotFile() {
        #expect(SnapshotLocation.fileName(folderRealPath: "/a") != SnapshotLocation.fileName(folderRealPath: "/b"))
        #expect(SnapshotLocation.fileName(folderRealPath: "/a").count == 16 + ".snapshot".count)
    }
}

extension SnapshotRecords: Equatable {
    public static func == (lhs: SnapshotRecords, rhs: SnapshotRecords) -> Bool {
        lhs.influencers == rhs.influencers && lhs.campaigns == rhs.campaigns && lhs.deals == rhs.deals && lhs.templates == rhs.templates
    }
}
