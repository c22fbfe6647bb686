#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReachCore
import Testing
@testable import ReachStore
@testable import reach_torture

/// Record paths that are not plain files we may read. Tests run as root (CI does), and root reads
/// any file whatever its mode, so "unreadable" is made real by a directory or FIFO in the file's
/// place, and by running `reach-torture inspect` as another user.
@Suite struct HostilePathTests {
    /// Loading reports the victim as `kind` (rest loads), a save over it is refused with the
    /// problem's advice, and the path is left exactly as it was.
    private func expectLeftAlone(_ planted: Planted, kind: LoadProblem.Kind, reason: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = FolderTree(planted.path)
        let loaded = planted.store.loadAll(TortureRecord.self)
        #expect(loaded.records == [planted.good], sourceLocation: sourceLocation)
        #expect(loaded.problems.map(\.kind) == [kind], sourceLocation: sourceLocation)
        #expect(loaded.problems.first?.reason.contains(reason) == true, "\(loaded.problems)", sourceLocation: sourceLocation)
        do {
            let result = try planted.saveEditOverIt()
            Issue.record("saved over it: \(result)", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            guard case .cannotReplace(let problem) = error else { throw error }
            #expect(problem.kind == kind && problem.file == planted.relative, sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix("Not saved: \(planted.relative)"), sourceLocation: sourceLocation)
        }
        #expect(FolderTree(planted.path) == before, "the path was changed", sourceLocation: sourceLocation)
    }

    @Test func directoryWhereARecordFileShouldBe() throws {
        let planted = try Planted()
        try FileManager.default.removeItem(atPath: planted.path)
        try FileManager.default.createDirectory(atPath: planted.path, withIntermediateDirectories: false)
        try expectLeftAlone(planted, kind: .unreadable, reason: "not a regular file")
    }

    /// Opening a FIFO for reading would block forever; the store must not even try.
    @Test(.timeLimit(.minutes(1)))
    func fifoWhereARecordFileShouldBe() throws {
        let planted = try Planted()
        try FileManager.default.removeItem(atPath: planted.path)
        #expect(mkfifo(planted.path, 0o600) == 0)
        try expectLeftAlone(planted, kind: .unreadable, reason: "not a regular file")
    }

    @Test(arguments: ["loop", "dangling"])
    func symlinkToNothing(shape: String) throws {
        let planted = try Planted()
        try FileManager.default.removeItem(atPath: planted.path)
        let target = shape == "loop" ? planted.path : planted.scratch.data + "/influencers/nowhere.json"
        try FileManager.default.createSymbolicLink(atPath: planted.path, withDestinationPath: target)
        try expectLeftAlone(planted, kind: .unreadable, reason: "a symbolic link to nothing")
    }

    /// A link in the trash pointing out of the folder: deleting the live record replaces the link
    /// (rename does not follow it), so the file outside is never written.
    @Test func trashEntryLinkedOutsideIsReplacedNotWrittenThrough() throws {
        let planted = try Planted()
        let outside = planted.scratch.path + "/outside.json"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: outside))
        let trashed = planted.store.layout.trashFile(.influencer, planted.victim.id)
        try FileManager.default.createSymbolicLink(atPath: trashed, withDestinationPath: outside)
        #expect(try planted.store.delete(TortureRecord.self, id: planted.victim.id, expectedRevision: 1) == .deleted)
        #expect(FileManager.default.contents(atPath: outside) == Data("precious".utf8))
        #expect(try planted.store.restore(TortureRecord.self, id: planted.victim.id) == planted.victim)
    }

    /// A teammate's file with mode 0600: another member of the team gets "unreadable" for that one
    /// file, the rest loads, and the file is untouched.
    @Test(.enabled(if: getuid() == 0, "needs root to run a child as another user"))
    func fileAnotherUserCannotRead() throws {
        let team: gid_t = 4_200
        let scratch = try Scratch()
        chmod(scratch.path, 0o755)
        try FileManager.default.createDirectory(atPath: scratch.data, withIntermediateDirectories: false)
        chown(scratch.data, 0, team)
        chmod(scratch.data, 0o2770)
        let store = try RecordStore(folder: scratch.data, options: StoreOptions(sharing: .team))
        let records = try (0..<3).map { index in
            try #require(try store.save(TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "r\(index)")).saved)
        }
        let hidden = store.layout.recordFile(.influencer, records[1].id)
        chmod(hidden, 0o600)
        let before = FolderTree(hidden)

        let child = try TortureChild(
            ["inspect", "--folder", scratch.data, "--team", "--user", "4201:4201:\(team)"], outputTo: scratch.path + "/inspect")
        try child.expectSuccess()
        let seen = child.events.compactMap { event -> RecordID? in if case .record(let id, _, _) = event { id } else { nil } }
        #expect(Set(seen) == Set([records[0].id, records[2].id]))
        #expect(child.events.contains(.problem(kind: "unreadable", file: "influencers/\(records[1].id).json")), "\(child.output)")
        #expect(FolderTree(hidden) == before)
        report("unreadable for another user", ["records": records.count, "unreadable": 1])
    }
}
