import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct RecordsImportTests {
    static let day = DataFolderFixture.now - 86_400

    static func deal(_ n: Int, influencer: Int = 1, campaign: Int = 10, code: String? = nil) -> Deal {
        Deal(id: newID(n), createdAt: day, influencerID: newID(influencer), campaignID: newID(campaign), tracking: Tracking(discountCode: code))
    }

    @Test func dealsAreValidatedAgainstTheFolderAndEachOther() throws {
        let ws = try DataFolderFixture()
        try ws.add(Influencer(id: newID(1), createdAt: Self.day, displayName: "Anna"))
        try ws.add(Campaign(id: newID(10), createdAt: Self.day, name: "Glow", brand: "B", budget: Money(major: 1, currency: .eur)))
        let existing = try ws.add(Self.deal(20, code: "TAKEN"))
        var changed = existing
        changed.notes = "edited elsewhere"
        var sideExit = Self.deal(25)
        sideExit.stage = .declined

        let records = [existing, changed, Self.deal(21, code: "anna15"), Self.deal(22, code: "ANNA15"), Self.deal(23, influencer: 99),
                       Self.deal(24, campaign: 98, code: "taken"), sideExit, Self.deal(21)]
        let path = ws.folder.path + "/deals.json"
        try OutputFile.write(try Export.json(records), to: path)
        let lines = JSONRecordFile.elementOffsets([UInt8](try #require(FileManager.default.contents(atPath: path))))
        #expect(lines.count == records.count)

        let before = ws.snapshot()
        let dry = try RecordsImport.deals(file: path, store: ws.store, dryRun: true)
        #expect(ws.snapshot() == before)
        let report = try RecordsImport.deals(file: path, store: ws.store, dryRun: false)
        #expect(report.rows.map(\.line) == dry.rows.map(\.line))
        let actions = report.rows.map(\.action)
        #expect(actions[0].isUnchanged)
        #expect(actions[1].rejection?.contains("already exists with different content") == true)
        #expect(actions[2].isCreated)
        #expect(actions[3].rejection?.contains("ANNA15 is already used by deal \(newID(21))") == true)
        #expect(actions[4].rejection?.contains("creator \(newID(99)) is not in this data folder") == true)
        #expect(actions[5].rejection?.contains("campaign \(newID(98)) is not in this data folder") == true)
        #expect(actions[5].rejection?.contains("TAKEN is already used by deal \(newID(20))") == true)
        #expect(actions[6].rejection?.contains("without a reason") == true)
        #expect(actions[7].rejection?.contains("the same id as the record on line") == true)
        #expect(report.rows[0].name == "Anna in Glow")
        #expect(report.written == [newID(21)])
        #expect(ws.store.loadAll(Deal.self).records.count == 2)
        #expect(try ws.store.load(Deal.self, id: newID(20))?.notes == nil)
    }

    @Test func campaignsAndBrokenFiles() throws {
        let ws = try DataFolderFixture()
        let good = Campaign(id: newID(10), createdAt: Self.day, name: "Glow", brand: "B", budget: Money(major: 1, currency: .eur))
        let bad = Campaign(id: newID(11), createdAt: Self.day, name: "", brand: "B", budget: Money(major: 1, currency: .eur))
        let path = ws.folder.path + "/c.json"
        try OutputFile.write(try Export.json([good, bad]), to: path)
        let report = try RecordsImport.campaigns(file: path, store: ws.store, dryRun: false)
        #expect(report.created == 1)
        #expect(report.rejected == 1)
        #expect(report.rows.last?.action.rejection?.contains("Campaign name is empty") == true)
        #expect(report.lines().last == report.summary)
        #expect(report.lines(everyRow: false).count == report.lines().count - 1)

        writeText("[\n  {\"id\": 1,\n  ]\n", to: path)
        guard case let .invalidJSON(_, position, _)? = caught({ _ = try RecordsImport.campaigns(file: path, store: ws.store, dryRun: true) }) else {
            Issue.record("expected invalid JSON")
            return
        }
        #expect(position?.line == 3)
        writeText("{\"id\": 1}", to: path)
        #expect(caught { _ = try RecordsImport.campaigns(file: path, store: ws.store, dryRun: true) } == .notAnArray(file: path))
        #expect(caught { _ = try RecordsImport.campaigns(file: path + ".missing", store: ws.store, dryRun: true) }?.description
            .contains("no such file") == true)
    }

    @Test func elementOffsetsSkipStringsAndNesting() {
        let text = "[ {\"a\": \"[,]\", \"b\": [1, {\"c\": \"\\\"\"}]},\n 2 ,\n\"x,y\" ]"
        let offsets = JSONRecordFile.elementOffsets(Array(text.utf8))
        let bytes = Array(text.utf8)
        #expect(offsets.map { Character(UnicodeScalar(bytes[$0])) } == ["{", "2", "\""])
    }
}
