import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// `conflicts/` on disk: adding, listing, reading and settling clashes, with the folder's modes.
@Suite struct ConflictFolderTests {
    let folder = TempFolder()
    let authors = MergeAuthors(ours: "marta", theirs: "aiko")

    func clash(_ field: String, _ ours: JSONValue, _ theirs: JSONValue) -> Clash {
        Clash(subject: .field(FieldClash(path: [.member(field)], ours: ours, theirs: theirs)), authors: authors, detectedAt: epoch)
    }

    @Test func addingWritesOneFileBesideTheRecordsPath() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let subject = ConflictSubject.record(.deal, newID(1))
        let city = clash("city", "Rīga", "東京")
        try store.conflicts.add([city], about: subject)
        try store.conflicts.add([city, clash("note", "ნინო", "🧵")], about: subject)
        let path = folder.data + "/conflicts/deals/\(newID(1).rawValue).json"
        #expect(exists(path))
        #expect(mode(path) == 0o600)
        #expect(mode(folder.data + "/conflicts") == 0o700)
        #expect(mode(folder.data + "/conflicts/deals") == 0o700)
        #expect(try store.conflicts.conflicts(for: subject)?.clashes.map(\.field) == ["city", "note"])
        #expect(try store.conflicts.clash(city.id, of: subject) == city)
        #expect(try store.conflicts.clash("0000000000000000", of: subject) == nil)
    }

    @Test func aTeamFolderGetsGroupModes() throws {
        let store = try RecordStore(folder: folder.data, options: StoreOptions(sharing: .team), clock: { epoch })
        try store.conflicts.add([clash("city", "a", "b")], about: .settings)
        #expect(mode(folder.data + "/conflicts/settings.json") == 0o660)
        #expect(mode(folder.data + "/conflicts") == 0o2770)
    }

    @Test func allListsSettingsFirstThenRecordsByKindAndID() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        try store.conflicts.add([clash("a", 1, 2)], about: .record(.deal, newID(2)))
        try store.conflicts.add([clash("b", 1, 2)], about: .record(.influencer, newID(3)))
        try store.conflicts.add([clash("c", 1, 2)], about: .record(.deal, newID(1)))
        try store.conflicts.add([clash("d", 1, 2)], about: .settings)
        writeText("notes", to: folder.data + "/conflicts/deals/README")
        let dealIDs = [newID(1), newID(2)].sorted()
        #expect(try store.conflicts.all().map(\.subject) == [
            .settings, .record(.influencer, newID(3)), .record(.deal, dealIDs[0]), .record(.deal, dealIDs[1]),
        ])
        let empty = TempFolder()
        #expect(try RecordStore(folder: empty.data).conflicts.all().isEmpty)
    }

    @Test func resolvingRemovesOneClashAndTheFileWithTheLast() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let subject = ConflictSubject.record(.influencer, newID(1))
        let first = clash("city", "a", "b"), second = clash("note", "c", "d")
        try store.conflicts.add([first, second], about: subject)
        #expect(try store.conflicts.resolve(first.id, of: subject))
        #expect(try store.conflicts.conflicts(for: subject)?.clashes == [second])
        #expect(try !store.conflicts.resolve(first.id, of: subject))
        #expect(try store.conflicts.resolve(second.id, of: subject))
        #expect(!exists(store.layout.conflictFile(subject)))
        #expect(try store.conflicts.conflicts(for: subject) == nil)
        #expect(try !store.conflicts.resolve(second.id, of: subject))
    }

    @Test func aRecordDeletedOnOneSideAndEditedOnTheOtherIsOneClash() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        try store.conflicts.recordDeletion(kind: .campaign, id: newID(1), deletedBy: "aiko", editedBy: "Ģirts", at: epoch)
        try store.conflicts.recordDeletion(kind: .campaign, id: newID(1), deletedBy: "aiko", editedBy: "Ģirts", at: epoch + 60)
        let file = try #require(try store.conflicts.conflicts(for: .record(.campaign, newID(1))))
        #expect(file.clashes.count == 1)
        let deletion = try #require(file.clashes.first)
        #expect(deletion.subject == .recordDeleted)
        #expect(deletion.authors == MergeAuthors(ours: "Ģirts", theirs: "aiko"))
        #expect(deletion.field == "(record)")
        let record: JSONValue = ["id": .string(newID(1).rawValue), "name": "Launch"]
        #expect(deletion.taking(.theirs, in: record) == .deleteRecord)
        #expect(deletion.taking(.ours, in: record) == .record(record))
    }

    @Test func aDamagedConflictFileIsReportedNotOverwritten() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        try FileManager.default.createDirectory(atPath: folder.data + "/conflicts", withIntermediateDirectories: true)
        writeText("{\"clashes\": [", to: folder.data + "/conflicts/settings.json")
        #expect(throws: StoreError.self) { try store.conflicts.conflicts(for: .settings) }
        #expect(throws: StoreError.self) { try store.conflicts.add([clash("a", 1, 2)], about: .settings) }
        #expect(readText(folder.data + "/conflicts/settings.json") == "{\"clashes\": [")
    }

    @Test func aSymlinkIsNotFollowed() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        try FileManager.default.createDirectory(atPath: folder.data + "/conflicts", withIntermediateDirectories: true)
        writeText("{}", to: folder.path + "/elsewhere.json")
        try FileManager.default.createSymbolicLink(atPath: folder.data + "/conflicts/settings.json", withDestinationPath: folder.path + "/elsewhere.json")
        #expect(throws: StoreError.self) { try store.conflicts.conflicts(for: .settings) }
    }

    @Test func aTempFileLeftByACrashedWriteIsRemovedOnOpen() throws {
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        try store.conflicts.add([clash("a", 1, 2)], about: .record(.deal, newID(1)))
        let stale = folder.data + "/conflicts/deals/.\(newID(1)).json.tmp-99999999-abc"
        writeText("{", to: stale)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: stale)
        _ = try RecordStore(folder: folder.data, clock: { Date() })
        #expect(!exists(stale))
    }
}
