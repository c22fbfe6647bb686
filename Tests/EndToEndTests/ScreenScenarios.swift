import Foundation
import Testing

extension EndToEndTests {
    /// Scenario 1: the first screen is Today, and its group headers carry real counts that add up to the title's.
    @Test("First start shows Today with counts", arguments: Profile.all)
    func firstStartShowsTodayWithCounts(profile: Profile) throws {
        let folder = try Self.seededFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, term: profile.term, environment: profile.environment)
        defer { app.close() }

        try app.tmux.waitFor(text: " to do")
        let rows = try app.tmux.settledScreen().components(separatedBy: "\n")
        let title = try #require(rows.first { $0.hasPrefix("Today · ") })
        let total = try #require(Self.firstNumber(in: title, before: " to do"))
        #expect(total > 0)
        // Group headers look like "Follow-ups (2)": a capitalised title, a count in parentheses, nothing after.
        let headerCounts = rows.compactMap { row -> Int? in
            guard let match = row.firstMatch(of: /^([A-Z][A-Za-z -]+) \((\d+)\)\s*$/) else { return nil }
            return Int(match.2)
        }
        #expect(!headerCounts.isEmpty, "no group headers on Today:\n\(rows.joined(separator: "\n"))")
        #expect(headerCounts.allSatisfy { $0 > 0 })
        #expect(headerCounts.reduce(0, +) == total)

        let styled = StyledScreen(try app.tmux.screenWithEscapes())
        #expect(styled.usesColour == profile.expectsColour)
        #expect(styled.reverseRuns.first == [" 1 Today "])
    }

    /// Scenario 2: `1`–`4` and Tab / Shift-Tab reach every screen; the highlighted tab follows.
    @Test("Navigate every tab", arguments: Profile.all)
    func navigateEveryTab(profile: Profile) throws {
        let folder = try Self.seededFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, term: profile.term, environment: profile.environment)
        defer { app.close() }

        let expected: [(key: String, tab: String, text: String)] = [
            ("2", " 2 Roster ", "4 of 4 creators"),
            ("3", " 3 Pipeline ", "Pipeline: 3 deals"),
            ("4", " 4 Campaigns ", "Campaigns: 1 in this data folder"),
            ("1", " 1 Today ", "3 to do"),
        ]
        for step in expected {
            try app.go(to: step.key, expecting: step.text)
            try expectActiveTab(step.tab, app)
        }
        // Tab and Shift-Tab cycle through the screens, wrapping at both ends.
        let cycle: [(key: String, tab: String, text: String)] = [
            ("Tab", " 2 Roster ", "4 of 4 creators"),
            ("3", " 3 Pipeline ", "Pipeline: 3 deals"),
            ("Tab", " 4 Campaigns ", "Campaigns: 1 in"),
            ("Tab", " 1 Today ", "3 to do"),
            ("BTab", " 4 Campaigns ", "Campaigns: 1 in"),
        ]
        for step in cycle {
            if step.key.count == 1 { try app.tmux.type(step.key) } else { try app.tmux.press(step.key) }
            try app.tmux.waitFor(text: step.text)
            try expectActiveTab(step.tab, app)
        }
        // On the Roster, Tab belongs to the pane: it moves focus into the creator detail instead.
        try app.go(to: "2", expecting: "4 of 4 creators")
        try app.tmux.press("Tab")
        try app.tmux.waitFor(text: "Esc Back to table")
        try expectActiveTab(" 2 Roster ", app)
    }

    /// Waits until `tab` is the tab bar's only reverse-video text (the frame with the new pane text may be captured
    /// a moment before the tab bar's repaint).
    private func expectActiveTab(_ tab: String, _ app: ReachSession) throws {
        try Wait.until("\(tab) highlighted", timeout: 5, lastSeen: app.tmux.screenWithEscapes) {
            StyledScreen(try app.tmux.screenWithEscapes()).reverseRuns.first == [tab]
        }
    }

    /// The integer just before `suffix` in `text` ("… · 3 to do" → 3).
    static func firstNumber(in text: String, before suffix: String) -> Int? {
        guard let range = text.range(of: suffix) else { return nil }
        return Int(text[..<range.lowerBound].split(separator: " ").last ?? "")
    }
}
