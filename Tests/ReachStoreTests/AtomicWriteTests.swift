import Foundation
import ReachCore
import Testing
@testable import ReachStore

struct SimulatedCrash: Error {}

@Suite struct AtomicWriteTests {
    @Test(arguments: AtomicWriteStep.allCases)
    func crashBeforeAnyStepLeavesOldOrNewContent(step: AtomicWriteStep) throws {
        let folder = TempFolder()
        let original = try RecordStore(folder: folder.data, clock: { epoch }).saveOK(person(1, name: "old"))
        let crashing = try RecordStore(
            folder: folder.data,
            options: StoreOptions(writeHook: { current, _ in if current == step { throw SimulatedCrash() } }),
            clock: { epoch + 10 })
        var edited = original
        edited.name = "new"
        #expect(throws: SimulatedCrash.self) { try crashing.save(edited) }

        let after = try RecordStore(folder: folder.data, clock: { epoch })
        let loaded = after.loadAll(Person.self)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records.count == 1)
        let name = try #require(loaded.records.first?.name)
        // Before the rename the old file is intact; from the rename on, the new one is complete.
        let renamed = AtomicWriteStep.allCases.firstIndex(of: step)! > AtomicWriteStep.allCases.firstIndex(of: .rename)!
        #expect(name == (renamed ? "new" : "old"))
        #expect(list(folder.data + "/influencers") == ["\(original.id).json"])
    }

    @Test func everyStepRunsInOrder() throws {
        let folder = TempFolder()
        let steps = Locked<[AtomicWriteStep]>([])
        let store = try RecordStore(
            folder: folder.data, options: StoreOptions(writeHook: { step, _ in steps.withLock { $0.append(step) } }), clock: { epoch })
        _ = try store.saveOK(person(1))
        #expect(steps.withLock { $0 } == AtomicWriteStep.allCases)
    }

    @Test func tempFilesAreNeverLoadedAndStaleOnesAreRemoved() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let directory = folder.data + "/influencers"
        let content = try #require(readText(store.layout.recordFile(.influencer, saved.id)))
        let stale = directory + "/.\(newID(2)).json.tmp-99999999-abc"
        let live = directory + "/.\(newID(3)).json.tmp-\(getpid())-def"
        let young = directory + "/.\(newID(4)).json.tmp-99999998-0a"
        for path in [stale, live, young] { writeText(content, to: path) }
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: stale)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: live)

        // A store opened only to read leaves them for the next writer.
        _ = try RecordStore(folder: folder.data, options: StoreOptions(sweepsTempFiles: false), clock: { Date() })
        #expect(exists(stale))

        let reopened = try RecordStore(folder: folder.data, clock: { Date() })
        #expect(!exists(stale))
        #expect(exists(live))  // its process (us) is alive
        #expect(exists(young))  // too recent to judge
        let loaded = reopened.loadAll(Person.self)
        #expect(loaded.records.map(\.id) == [saved.id])
        #expect(loaded.problems.isEmpty)
        #expect(reopened.scanChanges(Person.self).isEmpty)
    }

    /// The snapshot files an earlier Reach wrote into `cache/` (hundreds of MB at 100k) go at the next sweep; a
    /// directory or a link that happens to end in `.snapshot` is not Reach's file and stays, as does the folder index.
    @Test func leftoverSnapshotsAreRemovedButOnlyRegularFiles() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, options: StoreOptions(sweepsTempFiles: false), clock: { epoch })
        let cache = store.layout.cacheDirectory
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        writeText("REACHSNP old", to: cache + "/0123abcd.snapshot")
        writeText("index", to: cache + "/index.sqlite")
        try FileManager.default.createDirectory(atPath: cache + "/kept.snapshot", withIntermediateDirectories: true)
        writeText("someone else's", to: folder.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: cache + "/link.snapshot", withDestinationPath: folder.path + "/elsewhere")

        store.removeLeftovers()
        #expect(!exists(cache + "/0123abcd.snapshot"))
        #expect(exists(cache + "/index.sqlite"))
        #expect(exists(cache + "/kept.snapshot"))
        #expect(readText(folder.path + "/elsewhere") == "someone else's")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: cache + "/link.snapshot")) != nil)
    }
}
