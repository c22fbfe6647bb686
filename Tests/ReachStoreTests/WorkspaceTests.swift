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

    @Test func checkedSaveRefusesAnotherSessionsRevisionAndKeepsTheirs() throws {
        let folder = TempFolder()
        let mine = try RecordStore(folder: folder.data, clock: { epoch })
        let theirs = try RecordStore(folder: folder.data, clock: { epoch })
        guard case .saved(let first) = try mine.saveWorkspace(Settings(reportingCurrency: "EUR"), expectedRevision: 0) else {
            Issue.record("the first save of a missing reach.json must not conflict")
            return
        }
        #expect(first == 1)
        let loaded = try theirs.loadWorkspaceVersion(Settings.self)
        #expect(loaded.revision == 1 && loaded.settings == Settings(reportingCurrency: "EUR"))
        guard case .saved(2) = try theirs.saveWorkspace(Settings(reportingCurrency: "USD"), expectedRevision: 1) else {
            Issue.record("their save at the loaded revision must land")
            return
        }
        guard case .conflict(let found, let revision) = try mine.saveWorkspace(Settings(reportingCurrency: "JPY"), expectedRevision: 1) else {
            Issue.record("a save at an old revision must conflict")
            return
        }
        #expect(found == Settings(reportingCurrency: "USD") && revision == 2)
        #expect(try mine.loadWorkspace(Settings.self) == Settings(reportingCurrency: "USD"))
    }

    @Test func aFileWithoutRevisionLoadsAsRevisionZeroAndGetsOne() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        writeText(#"{"schemaVersion": 1, "settings": {"reportingCurrency": "GBP", "extra": [1]}}"#, to: store.layout.workspaceFile)
        let loaded = try store.loadWorkspaceVersion(Settings.self)
        #expect(loaded.revision == 0 && loaded.settings == Settings(reportingCurrency: "GBP"))
        guard case .saved(1) = try store.saveWorkspace(Settings(reportingCurrency: "NOK"), expectedRevision: 0) else {
            Issue.record("a file without a revision is revision 0")
            return
        }
        let after = try parseFile(store.layout.workspaceFile)
        #expect(after["revision"] == 1 && after["settings"]?["extra"] == [1] && after["settings"]?["reportingCurrency"] == "NOK")
    }

    @Test func changesByOthersAreReportedOnceAndOwnSavesNot() throws {
        let folder = TempFolder()
        let mine = try RecordStore(folder: folder.data, clock: { epoch })
        let theirs = try RecordStore(folder: folder.data, clock: { epoch })
        #expect(mine.workspaceChange(Settings.self) == nil)
        _ = try mine.saveWorkspace(Settings(reportingCurrency: "EUR"), expectedRevision: 0)
        #expect(mine.workspaceChange(Settings.self) == nil)
        _ = try theirs.saveWorkspace(Settings(reportingCurrency: "USD"), expectedRevision: 1)
        let change = try #require(mine.workspaceChange(Settings.self))
        #expect(change.settings == Settings(reportingCurrency: "USD") && change.revision == 2)
        #expect(mine.workspaceChange(Settings.self) == nil)
    }
}
