import Foundation
import ReachCore
import Testing
@testable import ReachStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct QuarantineTests {
    @Test func damagedFilesAreQuarantinedWithPositionsAndTheRestLoads() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let good = try store.saveOK(person(1))
        let directory = folder.data + "/influencers"
        let truncatedID = newID(2), emptyID = newID(3), utf8ID = newID(4), typeID = newID(5), arrayID = newID(6)
        writeText("{\n  \"id\": \"\(truncatedID)\",\n  \"name\": \"Ai", to: directory + "/\(truncatedID).json")
        writeText("", to: directory + "/\(emptyID).json")
        writeBytes(Array("{\n  \"name\": \"".utf8) + [0xFF, 0xFE] + Array("\"\n}\n".utf8), to: directory + "/\(utf8ID).json")
        writeText("""
            {
              "createdAt": "2023-11-14T22:13:20Z",
              "followers": "many",
              "id": "\(typeID)",
              "name": "x",
              "revision": 1,
              "schemaVersion": 2,
              "updatedAt": "2023-11-14T22:13:20Z"
            }
            """, to: directory + "/\(typeID).json")
        writeText("[1, 2]\n", to: directory + "/\(arrayID).json")

        let loaded = store.loadAll(Person.self)
        #expect(loaded.records == [good])
        let problems = Dictionary(uniqueKeysWithValues: loaded.problems.map { ($0.recordID, $0) })
        #expect(loaded.problems.count == 5)
        #expect(loaded.problems.allSatisfy { $0.kind == .damaged && $0.movedTo != nil })

        let truncated = try #require(problems[truncatedID])
        #expect(truncated.position == TextPosition(line: 3, column: 11))
        #expect(truncated.reason.contains("never closed"))
        #expect(truncated.description.contains("influencers/\(truncatedID).json, line 3, column 11"))
        #expect(truncated.description.contains("Moved to quarantine/influencers/\(truncatedID).json.20231114T221320Z"))

        let empty = try #require(problems[emptyID])
        #expect(empty.reason == "the file is empty")
        #expect(empty.position == TextPosition(line: 1, column: 1))

        let badUTF8 = try #require(problems[utf8ID])
        #expect(badUTF8.reason.contains("UTF-8"))
        #expect(badUTF8.position == TextPosition(line: 2, column: 12))

        let wrongType = try #require(problems[typeID])
        #expect(wrongType.reason.contains("\"followers\""))
        #expect(wrongType.position == TextPosition(line: 3, column: 16))

        #expect(try #require(problems[arrayID]).reason.contains("not an object"))

        #expect(list(directory) == ["\(good.id).json"])
        #expect(list(folder.data + "/quarantine/influencers").count == 5)
        // The quarantined bytes are kept exactly.
        #expect(readText(folder.data + "/quarantine/influencers/\(emptyID).json.20231114T221320Z") == "")
        #expect(store.loadAll(Person.self).problems.isEmpty)
    }

    @Test func hugeAndDeeplyNestedFilesAreReportedWithoutCrashing() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, options: StoreOptions(maxFileSize: 4096), clock: { epoch })
        let directory = folder.data + "/influencers"
        let hugeID = newID(1), deepID = newID(2)
        writeText("{\"x\": \"" + String(repeating: "a", count: 10_000) + "\"}", to: directory + "/\(hugeID).json")
        writeText(String(repeating: "[", count: 600) + String(repeating: "]", count: 600), to: directory + "/\(deepID).json")
        let loaded = store.loadAll(Person.self)
        let kinds = Dictionary(uniqueKeysWithValues: loaded.problems.map { ($0.recordID, $0.kind) })
        #expect(kinds[hugeID] == .tooLarge)
        #expect(kinds[deepID] == .damaged)
        #expect(loaded.problems.first { $0.recordID == deepID }?.reason.contains("nested") == true)
        #expect(exists(directory + "/\(hugeID).json"))  // too large: reported, left in place
    }

    @Test func unreadableFilesAreReportedAndLeftInPlace() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let path = store.layout.recordFile(.influencer, saved.id)
        chmod(path, 0)
        defer { chmod(path, 0o600) }
        let loaded = store.loadAll(Person.self)
        #expect(loaded.records.isEmpty)
        #expect(loaded.problems.map(\.kind) == [.unreadable])
        #expect(exists(path))
    }

    @Test func symlinksOutOfTheFolderAreRefused() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let outside = folder.path + "/outside.json"
        try FileManager.default.moveItem(atPath: store.layout.recordFile(.influencer, saved.id), toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: store.layout.recordFile(.influencer, saved.id), withDestinationPath: outside)

        let loaded = store.loadAll(Person.self)
        #expect(loaded.records.isEmpty)
        #expect(loaded.problems.map(\.kind) == [.symlinkOutsideFolder])
        #expect(loaded.problems.first?.description.contains("outside the data folder") == true)
        #expect(exists(store.layout.recordFile(.influencer, saved.id)))  // not moved
        #expect(throws: StoreError.self) { try store.save(saved) }
    }

    @Test func symlinksInsideTheFolderAreFollowed() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let inside = folder.data + "/logs/kept.json"
        try FileManager.default.moveItem(atPath: store.layout.recordFile(.influencer, saved.id), toPath: inside)
        try FileManager.default.createSymbolicLink(atPath: store.layout.recordFile(.influencer, saved.id), withDestinationPath: inside)
        #expect(store.loadAll(Person.self).records == [saved])
    }

    @Test func anEditOfASymlinkedFilesTargetIsSeenByTheChangeScan() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let inside = folder.data + "/logs/kept.json"
        try FileManager.default.moveItem(atPath: store.layout.recordFile(.influencer, saved.id), toPath: inside)
        try FileManager.default.createSymbolicLink(atPath: store.layout.recordFile(.influencer, saved.id), withDestinationPath: inside)
        _ = store.loadAll(Person.self)
        // Edited in place through the target: the link itself does not change.
        let text = try String(contentsOfFile: inside, encoding: .utf8)
        try text.replacingOccurrences(of: "\"revision\": 1", with: "\"revision\": 7").write(toFile: inside, atomically: false, encoding: .utf8)
        let changes = store.scanChanges(Person.self)
        #expect(changes.changed.map(\.id) == [saved.id])
        #expect(changes.changed.first?.revision == 7)
        #expect(store.scanChanges(Person.self).changed.isEmpty, "seen once, not on every poll")
    }
}
