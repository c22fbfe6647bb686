import Foundation
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore

@Suite struct BatchInsertTests {
    @Test func insertedRecordsLoadBackAsReturned() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch + 60 })
        var records = (1...300).map { person($0, name: "Nino \($0)") }
        records[0].revision = 7  // whatever the caller passes, a new record starts at revision 1
        records[1].schemaVersion = 1
        let inserted = try store.insertBatch(records)

        #expect(inserted.map(\.id) == records.map(\.id))
        #expect(inserted.allSatisfy { $0.revision == 1 && $0.schemaVersion == Person.currentSchemaVersion })
        #expect(inserted.allSatisfy { $0.updatedAt == epoch + 60 && $0.createdAt == epoch })
        let loaded = try RecordStore(folder: folder.data, clock: { epoch }).loadAll(Person.self)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records.sorted { $0.id < $1.id } == inserted.sorted { $0.id < $1.id })
        #expect(list(folder.data + "/influencers").count == 300)  // no temp files left
    }

    @Test func savingAfterABatchWorksLikeAnyRecord() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        var first = try #require(try store.insertBatch([person(1)]).first)
        first.name = "Edited"
        let saved = try store.saveOK(first)
        #expect(saved.revision == 2)
        // The store remembers its own batch, so a scan reports only other sessions' changes.
        #expect(try RecordStore(folder: folder.data).saveOK(person(2)).revision == 1)
        let changes = store.scanChanges(Person.self)
        #expect(changes.added.map(\.id) == [newID(2)])
        #expect(changes.changed.isEmpty)
    }

    @Test func existingRecordsAreRefusedAndNothingIsWritten() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let existing = try store.saveOK(person(2, name: "Original"))
        let before = list(folder.data + "/influencers")

        let error = #expect(throws: BatchInsertError.self) {
            try store.insertBatch([person(1), person(2, name: "Overwrite"), person(3)])
        }
        #expect(error == .alreadyExists(paths: ["influencers/\(existing.id).json"], total: 1))
        #expect(list(folder.data + "/influencers") == before)
        #expect(try store.load(Person.self, id: existing.id)?.name == "Original")
    }

    @Test func duplicateIDsInsideTheBatchAreRefused() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        #expect(throws: BatchInsertError.duplicateIDs([newID(1)])) {
            try store.insertBatch([person(1), person(2), person(1, name: "again")])
        }
        #expect(list(folder.data + "/influencers").isEmpty)
    }

    @Test func malformedIDsAreRefused() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let bad = Person(id: RecordID(rawValue: "../escape"), createdAt: epoch, updatedAt: epoch, name: "x")
        #expect(throws: StoreError.invalidRecordID("../escape")) { try store.insertBatch([person(1), bad]) }
        #expect(list(folder.data + "/influencers").isEmpty)
    }

    @Test(arguments: [FolderSharing.privateToUser, .team])
    func filesGetTheFolderModeRegardlessOfUmask(sharing: FolderSharing) throws {
        let folder = TempFolder()
        let old = umask(0o022)
        defer { umask(old) }
        let store = try RecordStore(folder: folder.data, options: StoreOptions(sharing: sharing), clock: { epoch })
        let inserted = try store.insertBatch((1...5).map { person($0) })
        for record in inserted {
            #expect(mode(store.layout.recordFile(.influencer, record.id)) == (sharing == .team ? 0o660 : 0o600))
        }
    }

    /// An error at any step (a full disk, a failing rename) leaves no record of the batch and no temp file.
    @Test(arguments: AtomicWriteStep.allCases)
    func anErrorAtAnyStepLeavesNothingBehind(step: AtomicWriteStep) throws {
        let folder = TempFolder()
        let calls = Locked<Int?>(nil)  // nil until armed, so the setup save runs normally
        let store = try RecordStore(
            folder: folder.data,
            options: StoreOptions(writeHook: { current, _ in
                // Fail on the third occurrence of the step (or its only one), so some files got past it.
                let count = calls.withLock { count -> Int in
                    if current == step, let seen = count { count = seen + 1 }
                    return count ?? 0
                }
                if count == 3 || (count == 1 && (step == .syncTemp || step == .syncDirectory)) { throw SimulatedCrash() }
            }),
            clock: { epoch })
        let kept = try store.saveOK(person(100))
        calls.withLock { $0 = 0 }
        #expect(throws: SimulatedCrash.self) { try store.insertBatch((1...10).map { person($0) }) }
        #expect(list(folder.data + "/influencers") == ["\(kept.id).json"])
    }

    /// Temp files are written chunk by chunk: a failure in a later chunk stops there and removes the earlier chunks' temps.
    @Test func aFailureInALaterChunkStopsAndLeavesNothingBehind() throws {
        let folder = TempFolder()
        let creates = Locked<Int?>(nil)  // nil until armed, so the setup save runs normally
        let store = try RecordStore(
            folder: folder.data,
            options: StoreOptions(writeHook: { step, _ in
                guard step == .createTemp else { return }
                let count = creates.withLock { count -> Int in
                    count = count.map { $0 + 1 }
                    return count ?? 0
                }
                if count == 6 { throw SimulatedCrash() }
            }),
            clock: { epoch })
        let kept = try store.saveOK(person(100))
        creates.withLock { $0 = 0 }
        #expect(throws: SimulatedCrash.self) {
            try store.insertNewRecords((1...20).map { person($0) }[...], now: epoch, chunkSize: 4)
        }
        #expect(list(folder.data + "/influencers") == ["\(kept.id).json"])
        // The failing second chunk was finished (its blocks run in parallel), the three after it never started.
        #expect(creates.withLock { $0 } == 8)
    }

    @Test func batchOfNothingDoesNothing() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        #expect(try store.insertBatch([Person]()).isEmpty)
    }
}

/// A batch writes each file exactly as `save` would have: same keys, order, escaping and layout.
@Suite struct BatchFileFormatTests {
    @Test func batchFilesAreByteIdenticalToSavedOnes() throws {
        let demo = DemoData.make(now: epoch, seed: 3, scale: 40)
        let batchFolder = TempFolder(), savedFolder = TempFolder()
        let batch = try RecordStore(folder: batchFolder.data, clock: { epoch + 90 })
        let saved = try RecordStore(folder: savedFolder.data, clock: { epoch + 90 })
        _ = try batch.insertBatch(demo.influencers)
        _ = try batch.insertBatch(demo.deals)
        for influencer in demo.influencers { _ = try saved.saveOK(influencer, expectedRevision: 0) }
        for deal in demo.deals { _ = try saved.saveOK(deal, expectedRevision: 0) }

        let files = demo.influencers.map { batch.layout.recordFile(.influencer, $0.id) } + demo.deals.map { batch.layout.recordFile(.deal, $0.id) }
        #expect(files.count > 60)
        for file in files {
            let twin = savedFolder.data + file.dropFirst(batchFolder.data.count)
            let written = try #require(FileManager.default.contents(atPath: file))
            #expect(written == FileManager.default.contents(atPath: twin), "\(file) differs from what save writes")
        }
    }
}
