import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct TrashTests {
    @Test func deleteMovesToTrashAndRestoreBringsItBack() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        _ = try store.saveOK(person(2))

        #expect(try store.delete(Person.self, id: saved.id, expectedRevision: 1) == .deleted)
        #expect(!exists(store.layout.recordFile(.influencer, saved.id)))
        #expect(exists(store.layout.trashFile(.influencer, saved.id)))
        #expect(store.loadAll(Person.self).records.map(\.id) == [newID(2)])
        #expect(store.loadTrash(Person.self).records == [saved])

        let restored = try store.restore(Person.self, id: saved.id)
        #expect(restored == saved)
        #expect(Set(store.loadAll(Person.self).records.map(\.id)) == [newID(1), newID(2)])
        #expect(store.loadTrash(Person.self).records.isEmpty)
        #expect(throws: StoreError.notInTrash(path: "trash/influencers/\(saved.id).json")) {
            try store.restore(Person.self, id: saved.id)
        }
    }

    @Test func deleteWithStaleRevisionIsAConflict() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let first = try store.saveOK(person(1))
        let second = try store.saveOK(first)
        let result = try store.delete(Person.self, id: first.id, expectedRevision: 1)
        #expect(result == .conflict(Conflict(theirs: second, theirsRevision: 2)))
        #expect(exists(store.layout.recordFile(.influencer, first.id)))
    }

    @Test func restoreNeverOverwritesALiveRecord() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        _ = try store.delete(Person.self, id: saved.id, expectedRevision: 1)
        _ = try store.saveOK(person(1, name: "recreated"))
        #expect(throws: StoreError.restoreWouldOverwrite(path: "influencers/\(saved.id).json")) {
            try store.restore(Person.self, id: saved.id)
        }
        #expect(exists(store.layout.trashFile(.influencer, saved.id)))
    }
}
