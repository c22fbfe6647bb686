import Foundation
import ReachCore
import Testing

extension EndToEndTests {
    /// Scenario 5: a deal moved stage by stage to Contracted with `>`, given a follow-up for today with `f`, is on
    /// Today after a restart, and its file records the stage and every stage change.
    @Test("Move a deal to Contracted and follow up today")
    func moveDealToContractedAndFollowUp() throws {
        let folder = try Self.seededFolder()
        defer { folder.remove() }
        // The deal starts as a fresh prospect with an overdue intro call, which puts it on Today.
        let now = Date()
        let (creatorID, campaignID) = try dealParties(folder)
        var deal = Deal(id: RecordID.generate(at: now), createdAt: now.addingTimeInterval(-2 * 86_400),
                        influencerID: creatorID, campaignID: campaignID)
        deal.setFollowUp("Intro call", due: now.addingTimeInterval(-86_400))
        try folder.insert(deals: [deal])

        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.tmux.waitFor(text: "Ola Nordmann")
        try selectTodayRow(containing: "Ola Nordmann", app)
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Stage: Prospect")
        for stage in ["Vetting", "Shortlisted", "Contacted", "Negotiating", "Contracted"] {
            try app.tmux.type(">")
            try app.tmux.waitFor(text: "Stage: \(stage) ")
        }
        try app.tmux.type("f")
        try app.tmux.waitFor(text: "Next follow-up")
        try app.tmux.press("C-u")
        try app.tmux.type("today")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Next: Intro call · ")
        try app.tmux.waitFor(text: "(today)")
        try app.quit()

        try app.start()
        try app.tmux.waitFor(text: "Ola Nordmann")
        let rows = try app.tmux.settledScreen().components(separatedBy: "\n")
        let row = try #require(rows.first { $0.contains("Ola Nordmann") })
        #expect(row.contains("today") && row.contains("Intro call") && !row.contains("overdue"), "Today row: \(row)")

        let saved = try folder.waitForRecord("deals", "id \(deal.id)") { $0["id"] as? String == deal.id.rawValue }
        #expect(saved["stage"] as? String == "contracted")
        let history = (saved["stageHistory"] as? [[String: Any]] ?? []).map { $0["to"] as? String ?? "?" }
        #expect(history == ["prospect", "vetting", "shortlisted", "contacted", "negotiating", "contracted"])
        let next = saved["nextAction"] as? [String: Any]
        #expect(next?["due"] as? String == "\(Self.utcDay(Date()))T23:59:00Z")
    }

    /// Ola (no deal yet in `SmallWorkspace`) and the campaign, read from the seeded files.
    private func dealParties(_ folder: DataFolder) throws -> (RecordID, RecordID) {
        let creator = try #require(try folder.records("influencers").first { $0["displayName"] as? String == "Ola Nordmann" })
        let campaign = try #require(try folder.records("campaigns").first)
        return (RecordID(rawValue: try #require(creator["id"] as? String)),
                RecordID(rawValue: try #require(campaign["id"] as? String)))
    }

    /// Moves Today's selection down until the selected (reverse-video) row mentions `text`.
    private func selectTodayRow(containing text: String, _ app: ReachSession) throws {
        var screen = try app.tmux.settledScreen(withEscapes: true)
        func selected() -> Bool {
            StyledScreen(screen).reverseRuns.dropFirst().joined().contains { $0.contains(text) }
        }
        for _ in 0..<20 where !selected() {
            let before = screen
            try app.tmux.type("j")
            try Wait.until("the selection to move", timeout: 5) { try app.tmux.screenWithEscapes() != before }
            screen = try app.tmux.settledScreen(withEscapes: true)
        }
        #expect(selected(), "no Today row with \(text) could be selected")
    }

    /// `YYYY-MM-DD` of `date` in UTC (the zone the sessions run in).
    static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
