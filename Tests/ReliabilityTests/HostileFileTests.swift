import Foundation
import ReachCore
import Testing
@testable import ReachStore
@testable import reach_torture

/// Files no Reach wrote: each is reported with a message naming the file and what to do, the other
/// records still load, and no save ever replaces the hostile file. (Truncated JSON, empty files,
/// invalid UTF-8, wrong types, newer/older schemas and simple symlinks are in ReachStoreTests.)
@Suite struct HostileFileTests {
    static let twoToThe70 = "1180591620717411303424"

    /// A save over the hostile file refuses with a clear error and leaves its bytes alone.
    private func expectSaveRefused(_ planted: Planted, mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = planted.bytes
        do {
            let result = try planted.saveEditOverIt()
            Issue.record("a save over the hostile file returned \(result)", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)".contains(planted.relative), "\(error)", sourceLocation: sourceLocation)
            #expect("\(error)".contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(planted.bytes == before, "the hostile file was changed", sourceLocation: sourceLocation)
    }

    /// Loading reports exactly one problem of `kind` for the victim, and the good record loads.
    @discardableResult
    private func expectReported(
        _ planted: Planted, as kind: LoadProblem.Kind, mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> LoadProblem? {
        let loaded = planted.store.loadAll(TortureRecord.self)
        #expect(loaded.records == [planted.good], sourceLocation: sourceLocation)
        #expect(loaded.problems.count == 1, "\(loaded.problems)", sourceLocation: sourceLocation)
        let problem = loaded.problems.first
        #expect(problem?.kind == kind, sourceLocation: sourceLocation)
        #expect(problem?.file == planted.relative, sourceLocation: sourceLocation)
        #expect(problem?.description.contains(fragment) == true, "\(problem?.description ?? "")", sourceLocation: sourceLocation)
        return problem
    }

    @Test(arguments: ["1e400", "-1e400", twoToThe70, "-" + twoToThe70, "9223372036854775808"])
    func hugeNumberInAKnownFieldIsDamaged(number: String) throws {
        let planted = try Planted()
        try planted.replace("\"revision\": 1", with: "\"revision\": \(number)")
        expectSaveRefused(planted, mentioning: "revision")
        let problem = expectReported(planted, as: .damaged, mentioning: "\"revision\"")
        #expect(problem?.position?.line == 5, "points at the revision line")
        #expect(problem?.movedTo != nil)
    }

    @Test func hugeNumbersInUnknownFieldsSurviveASaveDigitForDigit() throws {
        let planted = try Planted()
        let extra = "\"budgetCents\": \(Self.twoToThe70),\n  \"ratio\": 1e400,\n  \"tiny\": -1e-400,\n  \"body\""
        try planted.replace("\"body\"", with: extra)
        #expect(planted.store.loadAll(TortureRecord.self).problems.isEmpty)
        var edit = try #require(try planted.store.load(TortureRecord.self, id: planted.victim.id))
        edit.body = "edited"
        _ = try #require(try planted.store.save(edit).saved)
        let text = planted.text
        for literal in ["\"budgetCents\": \(Self.twoToThe70),", "\"ratio\": 1e400,", "\"tiny\": -1e-400,", "\"body\": \"edited\""] {
            #expect(text.contains(literal), "\(literal) not kept in \(text)")
        }
    }

    /// `revision` counts saves from 1; anything else on disk cannot be conflict-checked safely
    /// (Int.max would overflow on the next save; 0 or less would look like "no file yet").
    @Test(arguments: ["9223372036854775807", "0", "-3"])
    func revisionOutsideItsRangeIsDamagedNotTrappedOrOverwritten(revision: String) throws {
        let planted = try Planted()
        try planted.replace("\"revision\": 1", with: "\"revision\": \(revision)")
        let before = planted.bytes
        // A second session creating a record with this id must not replace the file.
        let create = TortureRecord(id: planted.victim.id, at: Date(), body: "new")
        #expect(throws: StoreError.self) { try planted.store.save(create, expectedRevision: 0) }
        #expect(planted.bytes == before)
        // "Keep mine" after a conflict saves with the revision found on disk; Int.max + 1 must not trap.
        var keepMine = planted.victim
        keepMine.body = "mine"
        #expect(throws: StoreError.self) { try planted.store.save(keepMine, expectedRevision: Int(revision)) }
        #expect(planted.bytes == before)
        expectSaveRefused(planted, mentioning: "revision")
        expectReported(planted, as: .damaged, mentioning: "\"revision\"")
    }

    /// A schema version far below any real one must not start a near-endless migration loop.
    @Test(arguments: ["-9223372036854775808", "-1", "0", twoToThe70])
    func schemaVersionOutsideItsRangeIsDamaged(version: String) throws {
        let planted = try Planted()
        try planted.replace("\"schemaVersion\": 2", with: "\"schemaVersion\": \(version)")
        expectSaveRefused(planted, mentioning: "schemaVersion")
        expectReported(planted, as: .damaged, mentioning: "\"schemaVersion\"")
        #expect(!FileManager.default.fileExists(atPath: planted.scratch.data + "/backups/influencers/\(planted.victim.id).v\(version).json"))
    }
}
