import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct SaveLoadTests {
    @Test func saveSetsMetadataAndRoundTrips() throws {
        let folder = TempFolder()
        let clock = TestClock()
        let store = try RecordStore(folder: folder.data, clock: clock.function)
        var record = person(1)
        record.schemaVersion = 0
        clock.advance(60)
        let first = try store.saveOK(record)
        #expect(first.revision == 1)
        #expect(first.schemaVersion == Person.currentSchemaVersion)
        #expect(first.updatedAt == epoch + 60)
        #expect(first.createdAt == epoch)

        clock.advance(60)
        var edited = first
        edited.name = "Aiko Tanaka"
        edited.createdAt = epoch + 999  // createdAt is kept from disk, whatever the caller says
        let second = try store.saveOK(edited)
        #expect(second.revision == 2)
        #expect(second.updatedAt == epoch + 120)
        #expect(second.createdAt == epoch)

        let loaded = store.loadAll(Person.self)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records == [second])
        #expect(try store.load(Person.self, id: record.id) == second)
        #expect(try store.load(Person.self, id: newID(99)) == nil)
    }

    @Test func fileIsStablePrettyJSONWithTrailingNewline() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        var record = person(1, name: "Zoë / \"Z\"")
        record.contact = .init(email: "z@example.com")
        _ = try store.saveOK(record)
        let text = try #require(readText(store.layout.recordFile(.influencer, record.id)))
        let expected = """
            {
              "contact": {
                "email": "z@example.com"
              },
              "createdAt": "2023-11-14T22:13:20Z",
              "followers": 0,
              "id": "\(record.id)",
              "name": "Zoë / \\"Z\\"",
              "revision": 1,
              "schemaVersion": 2,
              "updatedAt": "2023-11-14T22:13:20Z"
            }

            """
        #expect(text == expected)
    }

    @Test func kindsLiveInTheirOwnFolders() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        _ = try store.saveOK(person(1))
        _ = try store.saveOK(Brief(id: newID(2), createdAt: epoch, updatedAt: epoch, body: "Hi {first_name}"))
        #expect(list(folder.data + "/influencers") == ["\(newID(1)).json"])
        #expect(list(folder.data + "/templates") == ["\(newID(2)).json"])
        #expect(store.loadAll(Brief.self).records.map(\.body) == ["Hi {first_name}"])
        for name in ["campaigns", "deals", "quarantine", "trash", "backups", "logs"] {
            #expect(exists(folder.data + "/" + name))
        }
        #expect(store.logsDirectory == folder.data + "/logs")
    }

    @Test func malformedIDIsRefused() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        var record = person(1)
        record = Person(id: RecordID(rawValue: "../../etc/passwd"), createdAt: epoch, updatedAt: epoch, name: "x")
        #expect(throws: StoreError.invalidRecordID("../../etc/passwd")) { try store.save(record) }
    }

    @Test func recordWhoseIDDoesNotMatchItsFileNameIsReported() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        try FileManager.default.copyItem(
            atPath: store.layout.recordFile(.influencer, saved.id), toPath: store.layout.recordFile(.influencer, newID(2)))
        let loaded = store.loadAll(Person.self)
        #expect(loaded.problems.map(\.kind) == [.idMismatch])
        #expect(loaded.problems.first?.description.contains("Rename the file") == true)
    }
}
