import Foundation
import Testing

extension EndToEndTests {
    /// Scenario 3: Georgian typed through the terminal reaches the search field intact and finds the creator.
    @Test("Search the roster in Georgian")
    func searchRosterInGeorgian() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        let count = try folder.records("influencers").count

        try app.go(to: "2", expecting: try Self.allCreators(folder))
        try app.tmux.type("/")
        try app.tmux.waitFor(text: "Search:")
        let query = "ნინო" // her first name
        try app.tmux.type(query)
        try app.tmux.waitFor(text: "1 match")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "1 of \(count) creators · search “\(query)”")
        let screen = try app.tmux.settledScreen()

        // Only she is listed, she is the selected row, and the detail beside the table is hers.
        let others = try folder.records("influencers").compactMap { $0["displayName"] as? String }.filter { $0 != Self.georgianName }
        #expect(others.filter { screen.contains($0) }.isEmpty, "other creators still listed:\n\(screen)")
        let styled = StyledScreen(try app.tmux.screenWithEscapes())
        #expect(styled.reverseRuns.joined().contains { $0.contains(Self.georgianName) })
        #expect(screen.contains("\(Self.georgianCity), GE"))
    }

    /// Scenario 4: a creator typed into the form is saved as `influencers/<id>.json` with exactly what was typed.
    @Test("Add a creator through the form")
    func addCreatorThroughForm() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        let count = try folder.records("influencers").count

        let name = "Tamar Kvaratskhelia", handle = "tamar.cooks"
        try app.go(to: "2", expecting: try Self.allCreators(folder))
        try app.tmux.type("n")
        try app.tmux.waitFor(text: "New creator")
        try app.tmux.type(name)
        try app.tmux.press("Tab", "Tab")           // Platform (Instagram), then Handle
        try app.tmux.type("@" + handle)
        try app.tmux.press("Tab")                  // Followers
        try app.tmux.type("48200")
        try app.tmux.waitFor(text: "48200")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Saved \(name)")
        try app.tmux.waitFor(text: "\(count + 1) of \(count + 1) creators")

        let record = try folder.waitForRecord("influencers", "displayName \(name)") { $0["displayName"] as? String == name }
        let id = try #require(record["id"] as? String)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("influencers/\(id).json").path))
        let accounts = try #require(record["accounts"] as? [[String: Any]])
        #expect(accounts.count == 1)
        #expect(accounts.first?["handle"] as? String == handle)
        #expect(accounts.first?["platform"] as? String == "instagram")
        let snapshots = accounts.first?["snapshots"] as? [[String: Any]]
        #expect(snapshots?.first?["followers"] as? Int == 48200)
    }
}

extension EndToEndTests {
    /// A second platform account added from its profile URL, and a vetting verdict, reach the creator's file.
    @Test("Add an account and vet a creator")
    func addAccountAndVet() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }

        try Self.findOne("ნინო", in: app, folder: folder)
        let before = try #require(try folder.records("influencers").first { $0["displayName"] as? String == Self.georgianName })
        let accountsBefore = (before["accounts"] as? [[String: Any]])?.count ?? 0

        try app.tmux.type("A")
        try app.tmux.waitFor(text: "Add an account")
        try app.tmux.type("add")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Add account ·")
        try app.tmux.press("Tab")                   // Handle or URL
        try app.tmux.type("https://www.twitch.tv/NinoCooks")
        try app.tmux.press("Tab")                   // Followers
        try app.tmux.type("15000")
        try app.tmux.waitFor(text: "15000")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Saved \(Self.georgianName)")
        let withAccount = try folder.waitForRecord("influencers", "her Twitch account") { record in
            record["displayName"] as? String == Self.georgianName
                && (record["accounts"] as? [[String: Any]])?.contains { $0["handle"] as? String == "ninocooks" } == true
        }
        let accounts = try #require(withAccount["accounts"] as? [[String: Any]])
        #expect(accounts.count == accountsBefore + 1)
        let twitch = try #require(accounts.first { $0["handle"] as? String == "ninocooks" })
        #expect(twitch["platform"] as? String == "twitch")
        #expect(twitch["isMain"] as? Bool == false)
        let snapshot = try #require((twitch["snapshots"] as? [[String: Any]])?.first)
        #expect(snapshot["followers"] as? Int == 15_000)
        #expect(snapshot["source"] as? String == "manual")

        try app.tmux.type("v")
        try app.tmux.waitFor(text: "Vetting ·")
        try app.tmux.press("Tab")                   // Score
        try app.tmux.press("C-u")
        try app.tmux.type("77")
        try app.tmux.waitFor(text: "77")
        try app.tmux.press("Enter")
        let vetted = try folder.waitForRecord("influencers", "her vetting score 77") { record in
            record["displayName"] as? String == Self.georgianName && (record["vetting"] as? [String: Any])?["score"] as? Int == 77
        }
        #expect((vetted["vetting"] as? [String: Any])?["vettedAt"] is String)
    }
}
