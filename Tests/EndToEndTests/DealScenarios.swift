import Foundation
import Testing

extension EndToEndTests {
    /// Scenario 5: a deal created on the Pipeline (`n`), moved stage by stage to Contracted with `>` and given a follow-up
    /// for today with `f` is on Today after a restart; its file records the stage and every stage change.
    @Test("Create a deal, move it to Contracted, follow up today")
    func createDealMoveToContractedAndFollowUp() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let (creatorID, creator) = try creatorWithoutDeals(folder)
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }

        try app.go(to: "3", expecting: "Pipeline · All campaigns")
        try app.tmux.type("n")
        try app.tmux.waitFor(text: "New deal · choose the creator")
        try app.tmux.type(creator)
        try app.tmux.waitFor(text: "› \(creator)")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "New deal · \(creator)")
        try app.tmux.press("Enter")                // the defaults: first open campaign, Prospect
        try app.tmux.waitFor(text: "Saved \(creator)")
        try app.tmux.press("Enter")                // the new deal is selected on the board; open it
        try app.tmux.waitFor(text: "Stage: Prospect · ")
        for stage in ["Vetting", "Shortlisted", "Contacted", "Negotiating", "Contracted"] {
            try app.tmux.type(">")
            try app.tmux.waitFor(text: "Stage: \(stage) · ")
        }
        try app.tmux.type("f")
        try app.tmux.waitFor(text: "Next follow-up")
        try app.tmux.press("C-u")
        try app.tmux.type("today")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "(today)")
        try app.quit()

        try app.start()
        try app.tmux.waitFor(text: " to do")
        let row = try todayRow(creator, "Reach out", app) // the new deal's default next action
        #expect(row.contains("today") && !row.contains("overdue"), "Today row: \(row)")

        let deal = try folder.waitForRecord("deals", "influencerID \(creatorID)") { $0["influencerID"] as? String == creatorID }
        #expect(deal["stage"] as? String == "contracted")
        let history = (deal["stageHistory"] as? [[String: Any]] ?? []).map { $0["to"] as? String ?? "?" }
        #expect(history == ["prospect", "vetting", "shortlisted", "contacted", "negotiating", "contracted"])
        let next = deal["nextAction"] as? [String: Any]
        #expect(next?["due"] as? String == "\(Self.utcDay(Date()))T23:59:00Z")
    }

    /// An offer typed with a typo is corrected with `E` and then deleted with `d`, on the real binary: the deal file
    /// has the corrected amount and then none, and the timeline records both.
    @Test("Correct an offer with E, then delete it with d")
    func correctAndDeleteAnOffer() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }

        try app.tmux.press("Enter")                // Today's first row: its deal page
        try app.tmux.waitFor(text: "Stage: ")
        try app.tmux.type("o")
        try app.tmux.waitFor(text: "Record offer")
        try app.tmux.type("1234")
        try app.tmux.press("Enter")
        func offers(_ deal: [String: Any]) -> [Int] {
            (deal["offers"] as? [[String: Any]] ?? []).compactMap { ($0["amount"] as? [String: Any])?["minorUnits"] as? Int }
        }
        let typed = try folder.waitForRecord("deals", "an offer of 1,234") { offers($0).contains(123_400) }
        let dealID = try #require(typed["id"] as? String)

        try app.tmux.type("E")
        try app.tmux.waitFor(text: "Edit which line?")
        try app.tmux.type("1,234")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Correct offer")
        try app.tmux.press("C-u")
        try app.tmux.type("1250")
        try app.tmux.press("Enter")
        let corrected = try folder.waitForRecord("deals", "the offer corrected to 1,250") {
            $0["id"] as? String == dealID && offers($0).contains(125_000)
        }
        #expect(!offers(corrected).contains(123_400))
        let log = (corrected["activities"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
        #expect(log.contains { $0.contains("corrected") && $0.contains("1,234.00 → ") && $0.contains("1,250.00") }, "\(log)")

        try app.tmux.type("d")
        try app.tmux.waitFor(text: "Drop, cancel or delete which line?")
        try app.tmux.type("1,250")
        try app.tmux.press("Enter")
        let deleted = try folder.waitForRecord("deals", "the offer deleted") {
            $0["id"] as? String == dealID && !offers($0).contains(125_000)
        }
        let after = (deleted["activities"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
        #expect(after.contains { $0.hasPrefix("Deleted ") && $0.contains("offer of ") && $0.contains("1,250.00") }, "\(after)")
        try app.tmux.waitFor(text: "Saved")
    }

    /// A demo creator with no deal yet (so Today will have one row for them) and a plain ASCII name that is easy to
    /// type into the picker and unambiguous on screen.
    private func creatorWithoutDeals(_ folder: DataFolder) throws -> (id: String, name: String) {
        let withDeals = Set(try folder.records("deals").compactMap { $0["influencerID"] as? String })
        let candidates = try folder.records("influencers").compactMap { record -> (String, String)? in
            guard let id = record["id"] as? String, let name = record["displayName"] as? String, !withDeals.contains(id),
                  record["doNotContact"] as? Bool != true,
                  name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == " ") })
            else { return nil }
            return (id, name)
        }
        return try #require(candidates.min { $0.1 < $1.1 }, "the demo has no creator without a deal")
    }

    /// Pages down Today (Ctrl-D) until a row shows `creator` with `summary`; returns that row.
    private func todayRow(_ creator: String, _ summary: String, _ app: ReachSession) throws -> String {
        var screen = try app.tmux.settledScreen()
        func row() -> String? {
            screen.components(separatedBy: "\n").first { $0.contains(creator) && $0.contains(summary) }
        }
        for _ in 0..<10 where row() == nil {
            let before = screen
            try app.tmux.press("C-d")
            try app.tmux.waitFor("Ctrl-D to page down (no Today row for \(creator))", timeout: 5) { $0 != before }
            screen = try app.tmux.settledScreen()
        }
        return try #require(row(), "no Today row for \(creator):\n\(screen)")
    }

    /// `YYYY-MM-DD` of `date` in UTC (the zone the sessions run in).
    static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
