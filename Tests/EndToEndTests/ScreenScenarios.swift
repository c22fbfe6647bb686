import Foundation
import Testing

extension EndToEndTests {
    /// Scenario 1: on demo data the first screen is Today, and its group headers carry counts adding up to the title's.
    @Test("First start on demo data shows Today with counts", arguments: Profile.all)
    func firstStartShowsTodayWithCounts(profile: Profile) throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, term: profile.term, environment: profile.environment)
        defer { app.close() }

        try app.tmux.waitFor(text: " to do")
        let top = try app.tmux.settledScreen()
        let title = try #require(top.components(separatedBy: "\n").first { $0.hasPrefix("Today · ") })
        let total = try #require(Self.firstNumber(in: title, before: " to do"))
        #expect(total > 0)
        // The demo's list is taller than the window: read the group headers at the top, then at the end (G).
        var counts = Self.todayGroupCounts(top)
        try app.tmux.type("G")
        try app.tmux.waitFor("G to move the selection") { $0 != top }
        let bottom = try app.tmux.settledScreen()
        counts.merge(Self.todayGroupCounts(bottom)) { first, _ in first }
        #expect(!counts.isEmpty, "no group headers on Today:\n\(top)")
        #expect(counts.values.allSatisfy { $0 > 0 })
        #expect(counts.values.reduce(0, +) == total, "groups \(counts) against the title's \(total):\n\(top)\n\(bottom)")
        try app.tmux.type("gg")
        try app.tmux.waitFor("gg back to the top") { $0 == top }

        let styled = StyledScreen(try app.tmux.screenWithEscapes())
        #expect(styled.usesColour == profile.expectsColour)
        #expect(styled.reverseRuns.first == [" 1 Today "])
    }

    /// Scenario 2: `1`–`4` and Tab / Shift-Tab reach every screen, each with its own heading; the highlighted tab follows.
    @Test("Navigate every tab", arguments: Profile.all)
    func navigateEveryTab(profile: Profile) throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, term: profile.term, environment: profile.environment)
        defer { app.close() }

        let creators = try Self.allCreators(folder)
        let campaigns = try folder.records("campaigns").compactMap { $0["name"] as? String }
        let headings: [String: (String) -> Bool] = [
            // The demo has five owners and root is none of them: the headers say whose deals they show.
            " 1 Today ": { $0.contains(/Today · \d{4}-\d{2}-\d{2} · everyone · \d+ to do/) },
            " 2 Roster ": { $0.contains(creators + " · sort: Name") },
            " 3 Pipeline ": { $0.contains(/Pipeline · All campaigns · everyone · \d+ deals/) },
            // The campaign list has no title line: its column header and every campaign's name.
            " 4 Campaigns ": { screen in
                screen.contains(/\nCampaign +Brand +Status/) && !campaigns.isEmpty && campaigns.allSatisfy { screen.contains($0) }
            },
        ]
        func expectScreen(_ tab: String) throws {
            let heading = try #require(headings[tab])
            try app.tmux.waitFor("the \(tab) screen", heading)
            try expectActiveTab(tab, app)
        }
        for (key, tab) in [("2", " 2 Roster "), ("3", " 3 Pipeline "), ("4", " 4 Campaigns "), ("1", " 1 Today ")] {
            try app.tmux.type(key)
            try expectScreen(tab)
        }
        // Tab and Shift-Tab cycle through the screens, wrapping at both ends.
        for (key, tab) in [("Tab", " 2 Roster "), ("3", " 3 Pipeline "), ("Tab", " 4 Campaigns "), ("Tab", " 1 Today "),
                           ("BTab", " 4 Campaigns "), ("BTab", " 3 Pipeline ")] {
            if key.count == 1 { try app.tmux.type(key) } else { try app.tmux.press(key) }
            try expectScreen(tab)
        }
        // On the Roster, Tab belongs to the pane: it moves focus into the creator detail instead.
        try app.tmux.type("2")
        try expectScreen(" 2 Roster ")
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

    /// Today's group headers on `screen` ("Follow-ups (27)" → ["Follow-ups": 27]): a capitalised title, a count in
    /// parentheses, nothing after.
    static func todayGroupCounts(_ screen: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in screen.components(separatedBy: "\n") {
            if let match = row.firstMatch(of: /^([A-Z][A-Za-z -]+) \((\d+)\)\s*$/), let count = Int(match.2) {
                counts[String(match.1)] = count
            }
        }
        return counts
    }

    /// The integer just before `suffix` in `text` ("… · 3 to do" → 3).
    static func firstNumber(in text: String, before suffix: String) -> Int? {
        guard let range = text.range(of: suffix) else { return nil }
        return Int(text[..<range.lowerBound].split(separator: " ").last ?? "")
    }
}
