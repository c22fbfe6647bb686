import Foundation
import ReachCore
import Testing
@testable import ReachStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ConcurrencyTests {
    @Test func twoStoresOnOneFolderDetectConflictAndKeepMine() throws {
        let folder = TempFolder()
        let storeA = try RecordStore(folder: folder.data, clock: { epoch })
        let storeB = try RecordStore(folder: folder.data, clock: { epoch + 5 })
        _ = try storeA.saveOK(person(1, name: "v1"))

        let seenByA = try #require(storeA.loadAll(Person.self).records.first)
        let seenByB = try #require(storeB.loadAll(Person.self).records.first)
        #expect(seenByA.revision == 1 && seenByB.revision == 1)

        var editA = seenByA
        editA.name = "A's edit"
        let savedA = try storeA.saveOK(editA)
        #expect(savedA.revision == 2)

        var editB = seenByB
        editB.name = "B's edit"
        let result = try storeB.save(editB, expectedRevision: 1)
        let conflict = try #require(result.conflict)
        #expect(conflict.theirs == savedA)
        #expect(conflict.theirsRevision == 2)
        #expect(try storeA.load(Person.self, id: editB.id)?.name == "A's edit")  // nothing was overwritten

        let kept = try storeB.saveOK(editB, expectedRevision: conflict.theirsRevision)
        #expect(kept.revision == 3)
        #expect(kept.name == "B's edit")
        #expect(try storeA.load(Person.self, id: editB.id) == kept)
    }

    @Test func creatingAnIDThatAlreadyExistsIsAConflict() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let conflict = try #require(try store.save(person(1, name: "other")).conflict)
        #expect(conflict.theirs == saved)
    }

    @Test func saveAfterTheyDeletedIsAConflictWithNoTheirs() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        #expect(try store.delete(Person.self, id: saved.id, expectedRevision: 1) == .deleted)
        let conflict = try #require(try store.save(saved).conflict)
        #expect(conflict.theirs == nil && conflict.theirsRevision == 0)
        #expect(try store.saveOK(saved, expectedRevision: 0).revision == 1)
    }

    @Test func lockHeldElsewhereTimesOutWithAClearError() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, options: StoreOptions(lockTimeout: .milliseconds(200)), clock: { epoch })
        let fd = open(store.layout.lockFile, O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        #expect(throws: StoreError.self) { try store.save(person(1)) }
        do {
            _ = try store.save(person(1))
        } catch let error as StoreError {
            #expect(error.description.contains("save again"))
            guard case .lockTimeout = error else { throw error }
        }
        flock(fd, LOCK_UN)
        #expect(try store.saveOK(person(1)).revision == 1)
    }

    @Test func parallelSavesOfOneRecordNeverLoseAnUpdate() async throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        _ = try store.saveOK(person(1))
        let other = try RecordStore(folder: folder.data, clock: { epoch })
        // Each task retries on conflict, adding one follower and its own token per successful save. The token makes
        // each task's edit its own: two equal edits from one revision are one edit to the store (the second "saves"
        // what is already there, see `sameContent`), and with followers alone a third of the runs lost one.
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                let target = index.isMultiple(of: 2) ? store : other
                group.addTask {
                    var done = false
                    while !done {
                        guard var current = try? target.load(Person.self, id: newID(1)) else { return }
                        current.followers += 1
                        current.note = (current.note ?? "") + "<\(index)>"
                        done = (try? target.save(current))?.saved != nil
                    }
                }
            }
        }
        let final = try #require(try store.load(Person.self, id: newID(1)))
        #expect(final.followers == 8)
        #expect(final.revision == 9)
        #expect((0..<8).allSatisfy { final.note?.contains("<\($0)>") == true }, "\(final.note ?? "")")
    }
}
