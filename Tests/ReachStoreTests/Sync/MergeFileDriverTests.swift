import Foundation
import ReachJSON
import ReachCore
import Testing
@testable import ReachStore

/// `reach merge-file %O %A %B %P` on real temp files, one test per outcome.
@Suite struct MergeFileDriverTests {
    let folder = TempFolder()
    let id = "01K75JB2DRTGKPXPVBMC4K1NVD"
    let authors = MergeAuthors(ours: "marta", theirs: "ნინო")
    var workTree: String { folder.path }

    let base: JSONValue = ["id": "01K75JB2DRTGKPXPVBMC4K1NVD", "revision": 3, "updatedAt": "2026-01-01T09:00:00Z",
                           "displayName": "さくら", "note": "first call", "tags": ["a"]]

    func with(_ changes: [String: JSONValue]) -> JSONValue { .object((base.objectValue ?? [:]).merging(changes) { $1 }) }

    /// Writes git's three temp files and runs the driver for `path`; returns the outcome and what %A holds after.
    func run(_ path: String, base: [UInt8], ours: [UInt8], theirs: [UInt8]) throws -> (MergeFileDriver.Outcome, [UInt8]) {
        let (basePath, oursPath, theirsPath) = (folder.path + "/.merge_file_O", folder.path + "/.merge_file_A", folder.path + "/.merge_file_B")
        writeBytes(base, to: basePath)
        writeBytes(ours, to: oursPath)
        writeBytes(theirs, to: theirsPath)
        let outcome = try MergeFileDriver.run(base: basePath, ours: oursPath, theirs: theirsPath, path: path, conflictsRoot: workTree,
                                              sharing: .privateToUser, authors: authors, now: epoch)
        return (outcome, Array(FileManager.default.contents(atPath: oursPath) ?? Data()))
    }

    func run(_ path: String, base: JSONValue, ours: JSONValue, theirs: JSONValue) throws -> (MergeFileDriver.Outcome, [UInt8]) {
        try run(path, base: JSONWriter.bytes(of: base), ours: JSONWriter.bytes(of: ours), theirs: JSONWriter.bytes(of: theirs))
    }

    func conflictFile(_ relative: String) throws -> ConflictFile? {
        guard exists(workTree + "/" + relative) else { return nil }
        return ConflictDocument.decode(try parseFile(workTree + "/" + relative))
    }

    @Test func aCleanMergeLeavesTheStoresFormatInOursAndNoConflictFile() throws {
        let ours = with(["note": "Ģirts called 🧵", "revision": 4, "updatedAt": "2026-01-02T09:00:00Z"])
        let theirs = with(["tags": ["a", "ნინო"], "revision": 4, "updatedAt": "2026-01-03T09:00:00Z"])
        let (outcome, result) = try run("deals/\(id).json", base: base, ours: ours, theirs: theirs)
        #expect(outcome == .merged(clashes: 0))
        #expect(result == JSONWriter.bytes(of: with(["note": "Ģirts called 🧵", "tags": ["a", "ნინო"], "revision": 5,
                                                     "updatedAt": "2026-01-03T09:00:00Z"])))
        #expect(!exists(workTree + "/conflicts"))
    }

    @Test func aClashKeepsOursAndPutsTheirsInTheConflictFile() throws {
        let ours = with(["note": "Ģirts Ķēniņš", "updatedAt": "2026-01-02T09:00:00Z"])
        let theirs = with(["note": "👩🏽‍💻 ნინო", "updatedAt": "2026-01-03T09:00:00Z"])
        let (outcome, result) = try run("influencers/\(id).json", base: base, ours: ours, theirs: theirs)
        #expect(outcome == .merged(clashes: 1))
        #expect(try JSONParser.parse(result)["note"] == "Ģirts Ķēniņš")
        let file = try #require(try conflictFile("conflicts/influencers/\(id).json"))
        #expect(file.subject == .record(.influencer, RecordID(rawValue: id)))
        let clash = try #require(file.clashes.first)
        #expect(clash.subject == .field(FieldClash(path: [.member("note")], ours: "Ģirts Ķēniņš", theirs: "👩🏽‍💻 ნინო")))
        #expect(clash.authors == authors)
        #expect(clash.oursAt == ISO8601Dates.parse("2026-01-02T09:00:00Z"))
        #expect(clash.theirsAt == ISO8601Dates.parse("2026-01-03T09:00:00Z"))
        #expect(clash.detectedAt == epoch)
        #expect(mode(workTree + "/conflicts/influencers/\(id).json") == 0o600)

        // git may run the driver again for the same file: the clash is not repeated.
        _ = try run("influencers/\(id).json", base: base, ours: ours, theirs: theirs)
        #expect(try conflictFile("conflicts/influencers/\(id).json")?.clashes.count == 1)
    }

    @Test func settingsClashesGoToTheSettingsConflictFile() throws {
        let base: JSONValue = ["revision": 1, "settings": ["reportingCurrency": "EUR"]]
        let (outcome, _) = try run("reach.json", base: base, ours: ["revision": 2, "settings": ["reportingCurrency": "GEL"]],
                                   theirs: ["revision": 2, "settings": ["reportingCurrency": "JPY"]])
        #expect(outcome == .merged(clashes: 1))
        #expect(try conflictFile("conflicts/settings.json")?.clashes.map(\.field) == ["settings.reportingCurrency"])
    }

    @Test func anEmptyBaseMeansBothSidesAddedTheFile() throws {
        let ours = with(["note": "ours"]), theirs = with(["tags": ["a", "b"]])
        let (outcome, result) = try run("campaigns/\(id).json", base: [], ours: JSONWriter.bytes(of: ours), theirs: JSONWriter.bytes(of: theirs))
        #expect(outcome == .merged(clashes: 1))
        let merged = try JSONParser.parse(result)
        #expect(merged["tags"] == ["a", "b"])
        #expect(merged["note"] == "ours")
        #expect(merged["revision"] == 4)
    }

    @Test func anUnreadableTheirsKeepsOursAndSavesTheirBytes() throws {
        let broken = Array("{\n<<<<<<< HEAD\n  \"note\": \"さくら\"\n".utf8)
        let ours = with(["note": "ours"])
        let (outcome, result) = try run("templates/\(id).json", base: JSONWriter.bytes(of: base), ours: JSONWriter.bytes(of: ours), theirs: broken)
        #expect(outcome == .merged(clashes: 1))
        #expect(result == JSONWriter.bytes(of: ours))
        let clash = try #require(try conflictFile("conflicts/templates/\(id).json")?.clashes.first)
        #expect(clash.subject == .unreadable(side: .theirs, bytes: broken))
        #expect(clash.kept == .ours)
    }

    @Test func anUnreadableOursTakesTheirs() throws {
        let theirs = with(["note": "theirs"])
        let (outcome, result) = try run("deals/\(id).json", base: JSONWriter.bytes(of: base), ours: [], theirs: JSONWriter.bytes(of: theirs))
        #expect(outcome == .merged(clashes: 1))
        #expect(result == JSONWriter.bytes(of: theirs))
        #expect(try conflictFile("conflicts/deals/\(id).json")?.clashes.first?.subject == .unreadable(side: .ours, bytes: []))
    }

    @Test func neitherSideReadableLeavesOursForGit() throws {
        let ours = Array("not json".utf8)
        let (outcome, result) = try run("deals/\(id).json", base: [], ours: ours, theirs: Array("[1, 2]".utf8))
        #expect(outcome == .unmergeable)
        #expect(result == ours)
        #expect(!exists(workTree + "/conflicts"))
    }

    @Test(arguments: ["notes.txt", "deals/readme.json", "deals/01k75jb2drtgkpxpvbmc4k1nvd.json", "trash/deals/01K75JB2DRTGKPXPVBMC4K1NVD.json",
                      "deals/01K75JB2DRTGKPXPVBMC4K1NVD.json.orig", "conflicts/deals/x.json", "conflicts/reach.json", "/reach.json",
                      "deals/sub/01K75JB2DRTGKPXPVBMC4K1NVD.json", "logs/reach.log"])
    func otherFilesAreLeftToGit(path: String) throws {
        let ours = JSONWriter.bytes(of: with(["note": "ours"]))
        let (outcome, result) = try run(path, base: JSONWriter.bytes(of: base), ours: ours, theirs: JSONWriter.bytes(of: with(["note": "theirs"])))
        #expect(outcome == .notReachFile)
        #expect(result == ours)
        #expect(!exists(workTree + "/conflicts"))
    }

    @Test func conflictFilesMergeAsAUnionOfClashes() throws {
        let subject = ConflictSubject.record(.deal, RecordID(rawValue: id))
        func clash(_ field: String) -> Clash {
            Clash(subject: .field(FieldClash(path: [.member(field)], ours: "a", theirs: "b")), authors: authors, detectedAt: epoch)
        }
        let base = ConflictDocument.adding([clash("city")], to: nil, about: subject)
        let ours = ConflictDocument.adding([clash("note")], to: base, about: subject)
        let theirs = ConflictDocument.adding([clash("tags")], to: base, about: subject)
        let (outcome, result) = try run("conflicts/deals/\(id).json", base: base, ours: ours, theirs: theirs)
        #expect(outcome == .merged(clashes: 0))
        #expect(ConflictDocument.decode(try JSONParser.parse(result))?.clashes.map(\.field) == ["city", "note", "tags"])
        #expect(!exists(workTree + "/conflicts"))
    }

    @Test func anUnreadableSideOfAConflictFileIsSavedInsideIt() throws {
        let subject = ConflictSubject.settings
        let ours = ConflictDocument.adding([Clash(subject: .recordDeleted, authors: authors, detectedAt: epoch)], to: nil, about: subject)
        let (outcome, result) = try run("conflicts/settings.json", base: [], ours: JSONWriter.bytes(of: ours), theirs: Array("{oops".utf8))
        #expect(outcome == .merged(clashes: 0))
        let merged = try #require(ConflictDocument.decode(try JSONParser.parse(result)))
        #expect(merged.clashes.map(\.subject) == [.recordDeleted, .unreadable(side: .theirs, bytes: Array("{oops".utf8))])
    }

    @Test func clashesStagedOutsideTheWorkTreeAreMovedInAfterTheMerge() throws {
        let staging = TempFolder()
        let (basePath, oursPath, theirsPath) = (folder.path + "/.merge_file_O", folder.path + "/.merge_file_A", folder.path + "/.merge_file_B")
        writeBytes(JSONWriter.bytes(of: base), to: basePath)
        writeBytes(JSONWriter.bytes(of: with(["note": "ours"])), to: oursPath)
        writeBytes(JSONWriter.bytes(of: with(["note": "theirs"])), to: theirsPath)
        let outcome = try MergeFileDriver.run(base: basePath, ours: oursPath, theirs: theirsPath, path: "deals/\(id).json",
                                              conflictsRoot: staging.path, sharing: .privateToUser, authors: authors, now: epoch)
        #expect(outcome == .merged(clashes: 1))
        #expect(!exists(workTree + "/conflicts"))

        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let subject = ConflictSubject.record(.deal, RecordID(rawValue: id))
        try store.conflicts.add([Clash(subject: .recordDeleted, authors: authors, detectedAt: epoch)], about: subject)
        #expect(try store.conflicts.absorb(from: staging.path) == 1)
        #expect(try store.conflicts.conflicts(for: subject)?.clashes.map(\.field) == ["(record)", "note"])
        #expect(list(staging.path + "/conflicts/deals").isEmpty)
    }
}
