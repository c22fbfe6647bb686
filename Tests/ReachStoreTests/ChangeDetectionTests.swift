import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct ChangeDetectionTests {
    @Test func seesAnotherInstancesEditsAndNothingElse() throws {
        let folder = TempFolder()
        let mine = try RecordStore(folder: folder.data, clock: { epoch })
        let theirs = try RecordStore(folder: folder.data, clock: { epoch })
        for n in 1...5 { _ = try mine.saveOK(person(n)) }
        #expect(mine.loadAll(Person.self).records.count == 5)
        #expect(mine.scanChanges(Person.self).isEmpty)

        var edited = try #require(try theirs.load(Person.self, id: newID(2)))
        edited.name = "changed elsewhere"
        let saved = try theirs.saveOK(edited)
        _ = try theirs.saveOK(person(6))
        _ = try theirs.delete(Person.self, id: newID(3), expectedRevision: 1)

        let changes = mine.scanChanges(Person.self)
        #expect(changes.changed == [saved])
        #expect(changes.added.map(\.id) == [newID(6)])
        #expect(changes.removed == [newID(3)])
        #expect(changes.problems.isEmpty)
        #expect(mine.scanChanges(Person.self).isEmpty)
    }

    /// As many files added as removed elsewhere: the folder holds as many files as before, and the removed are
    /// still found (a scan looks for removed files only when fewer known files are listed than it knew).
    @Test func filesRemovedWhileAsManyAreAddedAreReported() throws {
        let folder = TempFolder()
        let mine = try RecordStore(folder: folder.data, clock: { epoch })
        let theirs = try RecordStore(folder: folder.data, clock: { epoch })
        for n in 1...5 { _ = try mine.saveOK(person(n)) }
        _ = mine.loadAll(Person.self)
        for n in [2, 4] { _ = try theirs.delete(Person.self, id: newID(n), expectedRevision: 1) }
        for n in [6, 7] { _ = try theirs.saveOK(person(n)) }

        let changes = mine.scanChanges(Person.self)
        #expect(changes.removed.sorted() == [newID(2), newID(4)])
        #expect(changes.added.map(\.id).sorted() == [newID(6), newID(7)])
        #expect(changes.changed.isEmpty)
        #expect(mine.scanChanges(Person.self).isEmpty, "the known stamps were brought up to date")
        #expect(mine.scanChanges(Person.self, files: ["\(newID(2)).json", "\(newID(6)).json"]).isEmpty)
    }

    @Test func ownSavesAreNotReportedBack() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        _ = store.loadAll(Person.self)
        let saved = try store.saveOK(person(1))
        _ = try store.saveOK(saved)
        _ = try store.delete(Person.self, id: saved.id, expectedRevision: 2)
        _ = try store.restore(Person.self, id: saved.id)
        #expect(store.scanChanges(Person.self).isEmpty)
    }

    @Test func aDamagedEditIsQuarantinedOnceAndReportedAsRemoved() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        _ = store.loadAll(Person.self)
        writeText("{ oops", to: store.layout.recordFile(.influencer, saved.id))
        let changes = store.scanChanges(Person.self)
        #expect(changes.problems.map(\.kind) == [.damaged])
        #expect(changes.removed == [saved.id])
        #expect(store.scanChanges(Person.self).isEmpty)
    }

    @Test func problemsThatStayInPlaceAreReportedOnlyOnce() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, options: StoreOptions(maxFileSize: 100), clock: { epoch })
        _ = store.loadAll(Person.self)
        writeText(String(repeating: " ", count: 200), to: store.layout.recordFile(.influencer, newID(1)))
        #expect(store.scanChanges(Person.self).problems.map(\.kind) == [.tooLarge])
        #expect(store.scanChanges(Person.self).isEmpty)
    }
}

/// Commands that write every record out read them a chunk at a time: every record once, in id order, across chunk
/// boundaries, with damaged files reported as `loadAll` reports them.
@Suite struct ChunkedReadingTests {
    @Test func everyRecordOnceInIDOrderAcrossChunks() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        for n in [7, 2, 9, 1, 5, 3, 8] { _ = try store.saveOK(person(n)) }
        writeText("{ oops", to: store.layout.recordFile(.influencer, newID(4)))
        var chunks: [[RecordID]] = []
        let problems = store.forEachChunk(Person.self, chunkSize: 3) { chunks.append($0.map(\.id)) }
        #expect(chunks.count == 3 && chunks.allSatisfy { $0.count <= 3 }, "eight files in chunks of three")
        #expect(chunks.flatMap { $0 } == [1, 2, 3, 5, 7, 8, 9].map(newID).sorted(), "each good record once, in id order")
        #expect(problems.map(\.kind) == [.damaged])
        #expect(store.scanChanges(Person.self).isEmpty, "the files read are known, as after loadAll")
    }
}

extension ChunkedReadingTests {
    struct Stop: Error {}

    /// The next chunk is read while one is handled; a handler that throws stops the reading there, and its error is
    /// the caller's.
    @Test func aThrowingHandlerStopsTheChunks() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        for n in 1...10 { _ = try store.saveOK(person(n)) }
        var handled: [[RecordID]] = []
        #expect(throws: Stop.self) {
            _ = try store.forEachChunk(Person.self, chunkSize: 3) { chunk in
                handled.append(chunk.map(\.id))
                if handled.count == 2 { throw Stop() }
            }
        }
        let ids = (1...10).map(newID).sorted()
        #expect(handled == [Array(ids[0..<3]), Array(ids[3..<6])])
    }
}

/// Which file names are record files, and whose: what a scan and the known stamps go by.
@Suite struct RecordFileNameTests {
    @Test func aRecordFileIsAnIdThenDotJSON() {
        let ulid = "01HZ7Q9C3K8M2N4P6R0T1V5W7X"
        #expect(DataFolderLayout.recordID(fromFileName: ulid + ".json") == RecordID(rawValue: ulid))
        #expect(DataFolderLayout.recordID(fromFileName: ulid + ".json")?.rawValue == ulid)
        for odd in ["deal-1", "Ünïcödé-ид", "01hz7q9c3k8m2n4p6r0t1v5w7x", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "a b"] {
            #expect(DataFolderLayout.recordID(fromFileName: odd + ".json")?.rawValue == odd, "\(odd)")
        }
        for notARecord in ["", ".json", ".hidden.json", ulid + ".json.tmp", ulid + ".JSON", "notes.txt", ulid, "json"] {
            #expect(DataFolderLayout.recordID(fromFileName: notARecord) == nil, "\(notARecord)")
        }
    }
}
