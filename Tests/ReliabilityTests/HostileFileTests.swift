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

    @Test func tenMegabyteStringFieldIsReportedAndNeverReplaced() throws {
        let planted = try Planted()
        let huge = String(repeating: "ab", count: 5 * 1024 * 1024)
        try planted.replace("\"body\": \"victim\"", with: "\"body\": \"\(huge)\"")
        expectSaveRefused(planted, mentioning: "too big to be a record")
        do {
            _ = try planted.saveEditOverIt()
        } catch {
            #expect(!"\(error)".contains("quarantine"), "a too-large file is never quarantined, so do not advise reloading: \(error)")
        }
        expectReported(planted, as: .tooLarge, mentioning: "left in place")
    }

    /// A record the store could not load back must not be written in the first place.
    @Test func savingARecordOverTheSizeLimitIsRefusedBeforeWriting() throws {
        let planted = try Planted()
        let before = planted.bytes
        var edit = planted.victim
        edit.body = String(repeating: "x", count: 10 * 1024 * 1024)
        do {
            let result = try planted.store.save(edit)
            Issue.record("saved a record too large to load back: \(result)")
        } catch let error as StoreError {
            guard case let .recordTooLarge(path, size, limit) = error else { throw error }
            #expect(path == planted.relative && size > edit.body.utf8.count && limit == StoreOptions().maxFileSize)
            #expect(error.description.contains("your edit is still on screen"))
        }
        #expect(planted.bytes == before)
        #expect(try planted.store.load(TortureRecord.self, id: planted.victim.id) == planted.victim)
    }

    @Test func tenMegabyteStringRoundTripsWhenTheLimitAllowsIt() throws {
        let planted = try Planted(options: StoreOptions(maxFileSize: 32 * 1024 * 1024))
        var edit = planted.victim
        edit.body = String(repeating: "Zoë 🎉 \u{1B}[31m ", count: 600_000)
        let saved = try #require(try planted.store.save(edit).saved)
        #expect(planted.bytes.count > 10 * 1024 * 1024)
        let loaded = planted.store.loadAll(TortureRecord.self)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records.first { $0.id == saved.id }.map { Array($0.body.utf8) == Array(edit.body.utf8) } == true)
    }

    @Test(arguments: [true, false])
    func hundredThousandLevelsOfNestingAreDamagedWithoutCrashing(insideAField: Bool) throws {
        let planted = try Planted()
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        if insideAField {
            try planted.replace("\"body\"", with: "\"deep\": \(deep),\n  \"body\"")
        } else {
            try planted.plant(deep)
        }
        expectSaveRefused(planted, mentioning: "nested")
        let problem = expectReported(planted, as: .damaged, mentioning: "nested")
        #expect(problem?.movedTo != nil)
    }

    /// Foundation's decoder accepts up to 512 levels; the store's own parser (used to keep unknown
    /// fields on save) must accept the same, or a record loads but can never be saved.
    @Test(arguments: [300, 511])
    func nestingThatLoadsCanAlsoBeSaved(levels: Int) throws {
        let planted = try Planted()
        let deep = String(repeating: "[", count: levels - 1) + String(repeating: "]", count: levels - 1)
        try planted.replace("\"body\"", with: "\"deep\": \(deep),\n  \"body\"")
        let loaded = planted.store.loadAll(TortureRecord.self)
        #expect(loaded.problems.isEmpty)
        var edit = try #require(loaded.records.first { $0.id == planted.victim.id })
        edit.body = "edited"
        #expect(try planted.store.save(edit).saved != nil)
        let reparsed = try JSONParser.parse(planted.bytes)
        #expect(reparsed["deep"] != nil, "the deep unknown field was kept")
        // As a schema-1 file it takes the store's own parser during loadAll (on a worker thread).
        try planted.replace("\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        try planted.replace("\"body\"", with: "\"text\"")
        let migrated = planted.store.loadAll(TortureRecord.self)
        #expect(migrated.problems.isEmpty)
        #expect(migrated.records.first { $0.id == planted.victim.id }?.body == "edited")
    }
}
