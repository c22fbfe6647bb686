import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct UnknownFieldTests {
    @Test func unknownFieldsSurviveAnEditAndClearedFieldsDisappear() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        var record = person(1)
        record.note = "likes cats"
        record.contact = .init(email: "a@example.com")
        let saved = try store.saveOK(record)
        let path = store.layout.recordFile(.influencer, saved.id)

        // A newer Reach (or a person) adds fields, top level and nested.
        var json = try #require(try parseFile(path).objectValue)
        json["futureField"] = ["x": [1, 2]]
        json["bigNumber"] = .number("12345678901234567890123")
        if case .object(var contact) = json["contact"] {
            contact["phone"] = "+81 90"
            json["contact"] = .object(contact)
        }
        writeBytes(JSONWriter.bytes(of: .object(json)), to: path)

        var loaded = try #require(store.loadAll(Person.self).records.first)
        loaded.name = "edited"
        loaded.note = nil
        _ = try store.saveOK(loaded)

        let after = try parseFile(path)
        #expect(after["futureField"] == ["x": [1, 2]])
        #expect(after["bigNumber"] == .number("12345678901234567890123"))
        #expect(after["contact"]?["phone"] == "+81 90")
        #expect(after["contact"]?["email"] == "a@example.com")
        #expect(after["name"] == "edited")
        #expect(after["note"] == nil)
        #expect(after["revision"] == 2)
    }

    @Test func mergeRules() {
        let disk: JSONValue = ["a": 1, "gone": 2, "extra": "keep", "nested": ["k": 1, "x": true], "list": [["k": 1, "u": 0]]]
        let diskEncoded: JSONValue = ["a": 1, "gone": 2, "nested": ["k": 1], "list": [["k": 1]]]
        let newEncoded: JSONValue = ["a": 5, "nested": ["k": 2], "list": [["k": 3]], "added": true]
        let merged = JSONMerge.merge(disk: disk, diskEncoded: diskEncoded, newEncoded: newEncoded)
        #expect(merged == ["a": 5, "extra": "keep", "nested": ["k": 2, "x": true], "list": [["k": 3, "u": 0]], "added": true])

        // Arrays that changed length take the new value whole.
        let grown = JSONMerge.merge(disk: ["l": [["u": 1]]], diskEncoded: ["l": [[:]]], newEncoded: ["l": [[:], [:]]])
        #expect(grown == ["l": [[:], [:]]])
    }
}
