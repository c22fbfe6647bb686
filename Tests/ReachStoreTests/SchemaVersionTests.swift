import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct SchemaVersionTests {
    @Test func newerSchemaLoadsReadOnlyAndIsNeverMoved() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let id = newID(1)
        let path = store.layout.recordFile(.influencer, id)
        let text = """
            {"createdAt": "2023-11-14T22:13:20Z", "followers": 5, "id": "\(id)", "name": "From the future", "revision": 4,
             "schemaVersion": 7, "updatedAt": "2023-11-14T22:13:20Z", "hologram": true}
            """
        writeText(text, to: path)
        let loaded = store.loadAll(Person.self)
        #expect(loaded.records.map(\.name) == ["From the future"])
        #expect(loaded.problems.map(\.kind) == [.newerSchema])
        #expect(loaded.problems.first?.description.contains("newer Reach") == true)
        #expect(loaded.problems.first?.description.contains("Upgrade") == true)

        var record = try #require(loaded.records.first)
        record.name = "edited"
        #expect(throws: StoreError.writtenByNewerVersion(path: "influencers/\(id).json", found: 7, supported: 2)) {
            try store.save(record)
        }
        #expect(throws: StoreError.self) { try store.delete(Person.self, id: id, expectedRevision: 4) }
        #expect(readText(path) == text)
        #expect(list(folder.data + "/quarantine/influencers").isEmpty)
    }

    @Test func newerSchemaThatDoesNotDecodeIsStillNotQuarantined() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let id = newID(1)
        writeText("{\"id\": \"\(id)\", \"schemaVersion\": 9, \"profile\": {}}", to: store.layout.recordFile(.influencer, id))
        let loaded = store.loadAll(Person.self)
        #expect(loaded.records.isEmpty)
        #expect(loaded.problems.map(\.kind) == [.newerSchema])
        #expect(exists(store.layout.recordFile(.influencer, id)))
    }

    @Test func olderSchemaIsMigratedWithABackup() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch + 100 })
        let id = newID(1)
        let path = store.layout.recordFile(.influencer, id)
        let original = """
            {"createdAt": "2023-11-14T22:13:20Z", "followers": 5, "fullName": "Old Name", "id": "\(id)", "revision": 3,
             "schemaVersion": 1, "updatedAt": "2023-11-14T22:13:20Z"}
            """
        writeText(original, to: path)
        let loaded = store.loadAll(Person.self)
        #expect(loaded.problems.isEmpty)
        let record = try #require(loaded.records.first)
        #expect(record.name == "Old Name")
        #expect(record.revision == 3)
        #expect(readText(folder.data + "/backups/influencers/\(id).v1.json") == original)
        #expect(readText(path) == original)  // loading alone does not rewrite the record

        let saved = try store.saveOK(record)
        #expect(saved.revision == 4 && saved.schemaVersion == 2)
        let json = try parseFile(path)
        #expect(json["fullName"] == nil)
        #expect(json["name"] == "Old Name")
        #expect(json["schemaVersion"] == 2)
    }
}
