import Foundation
import Testing

extension EndToEndTests {
    /// From Today, `N` on the most overdue item sets a new next step two days out: the row leaves the list (it is no
    /// longer due today), the header's overdue count drops, and the deal's file holds the new step.
    @Test("From Today, set the next step on an overdue deal and see it leave Overdue")
    func nextStepFromToday() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, environment: ["REACH_USER": "marta"])
        defer { app.close() }

        var screen = try app.tmux.waitFor(text: " · mine · ")
        let before = try #require(Self.overdueCount(screen), "Marta has overdue items on the demo:\n\(screen)")
        let selected = try #require(screen.components(separatedBy: "\n").first { $0.hasPrefix("› ") }, "\(screen)")
        #expect(selected.contains("overdue"), "the most overdue item is selected first: \(selected)")
        try app.tmux.type("N")
        try app.tmux.waitFor(text: "Next step · ")
        try app.tmux.press("C-u")
        try app.tmux.type("Send the revised brief")
        try app.tmux.press("Tab")
        try app.tmux.press("C-u")
        try app.tmux.type("+2d")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Saved ")
        screen = try app.tmux.settledScreen()
        // Due in two days, it is not for today: the item leaves the list, and the overdue count drops by one.
        #expect(!screen.contains(selected), "the overdue row is gone:\n\(screen)")
        #expect(Self.overdueCount(screen) == (before > 1 ? before - 1 : nil), "header: \(screen.components(separatedBy: "\n")[1])")

        let deal = try folder.waitForRecord("deals", "the new next step") {
            ($0["nextAction"] as? [String: Any])?["summary"] as? String == "Send the revised brief"
        }
        let next = deal["nextAction"] as? [String: Any]
        #expect(next?["due"] as? String == "\(Self.utcDay(Date().addingTimeInterval(2 * 86_400)))T23:59:00Z")
        #expect(next?["whoseMove"] as? String == (selected.contains("their move") ? "them" : "us"), "whose move kept as shown")
        try app.quit()
    }

    /// Two people on one folder (two panes, two `REACH_USER`s) each open on their own Today: every item row names
    /// one of their own campaigns, and the header says "mine".
    @Test("Two panes with different REACH_USER on one folder see their own Today")
    func twoUsersOwnToday() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let campaigns = try folder.records("campaigns")
        func campaignNames(owner: String) -> [String] {
            campaigns.filter { $0["owner"] as? String == owner }.compactMap { ($0["name"] as? String).map { String($0.prefix(10)) } }
        }
        let marta = campaignNames(owner: "Marta Kalniņa"), tom = campaignNames(owner: "Tom Becker")
        try #require(!marta.isEmpty && !tom.isEmpty)
        let martaApp = try ReachSession(folder: folder.url, environment: ["REACH_USER": "marta"])
        defer { martaApp.close() }
        let tomApp = try ReachSession(folder: folder.url, environment: ["REACH_USER": "Tom Becker"])
        defer { tomApp.close() }

        for (app, own, other) in [(martaApp, marta, tom), (tomApp, tom, marta)] {
            let screen = try app.tmux.waitFor(text: " · mine · ")
            let rows = screen.components(separatedBy: "\n").dropFirst(2).dropLast()
                .filter { row in (own + other).contains { row.contains($0) } }
            #expect(!rows.isEmpty, "no item rows:\n\(screen)")
            for row in rows {
                #expect(own.contains { row.contains($0) } && !other.contains { row.contains($0) }, "not theirs: \(row)")
            }
        }
        // `o` widens Marta's view to everyone's deals; the other pane is unaffected.
        try martaApp.tmux.type("o")
        try martaApp.tmux.waitFor(text: " · everyone · ")
        #expect(try tomApp.tmux.screen().contains(" · mine · "))
        try martaApp.quit()
        try tomApp.quit()
    }

    /// The "N overdue" of Today's header, nil when there is none.
    private static func overdueCount(_ screen: String) -> Int? {
        let header = screen.components(separatedBy: "\n").dropFirst().first ?? ""
        guard let range = header.range(of: #"\d+ overdue"#, options: .regularExpression) else { return nil }
        return Int(header[range].prefix { $0.isNumber })
    }
}
