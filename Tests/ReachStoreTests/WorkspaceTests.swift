import Foundation
import ReachCore
import Testing
@testable import ReachStore

struct Settings: Codable, Sendable, Equatable {
    var reportingCurrency: String
    var staleDays: Int?
}

@Suite struct WorkspaceTests {
    @Test func missingThenRoundTripWithUnknownFieldsKept() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        #expect(try store.loadWorkspace(Settings.self) == nil)
        try store.saveWorkspace(Settings(reportingCurrency: "EUR", staleDays: 30))
        #expect(try store.loadWorkspace(Settings.self) == Settings(reportingCurrency: "EUR", staleDays: 30))

        var json = try #require(try parseFile(store.layout.workspaceFile).objectValue)
        json["stages"] = ["Prospect", "Vetting"]
        if case .object(var settings) = json["settings"] {
            settings["tierThresholds"] = [1000, 100_000]
            json["settings"] = .object(settings)
        }
        writeBytes(JSONWriter.bytes(of: .object(json)), to: store.layout.workspaceFile)

        try store.saveWorkspace(Settings(reportingCurrency: "JPY", staleDays: nil))
        let after = try parseFile(store.layout.workspaceFile)
        #expect(after["schemaVersion"] == 1)
        #expect(after["stages"] == ["Prospect", "Vetting"])
        #expect(after["settings"]?["tierThresholds"] == [1000, 100_000])
        #expect(after["settings"]?["reportingCurrency"] == "JPY")
        #expect(after["settings"]?["staleDays"] == nil)
    }

    @Test func damagedWorkspaceIsReportedAndQuarantinedBeforeBeingReplaced() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        writeText("{\n  \"settings\": {,\n}", to: store.layout.workspaceFile)
        #expect(throws: StoreError.workspaceDamaged(
            path: "reach.json", position: TextPosition(line: 2, column: 16), reason: "expected a member name in double quotes but found ','")) {
            try store.loadWorkspace(Settings.self)
        }
        try store.saveWorkspace(Settings(reportingCurrency: "USD"))
        #expect(list(folder.data + "/quarantine").contains("reach.json.20231114T221320Z"))
        #expect(try store.loadWorkspace(Settings.self) == Settings(reportingCurrency: "USD"))
    }
}
