import Foundation
import Testing

extension EndToEndTests {
    /// The Settings screen on the real binary: `,` opens it, a day default is changed through its form, and after
    /// quitting `reach.json` holds the new value at the next revision, with the demo's rates still there.
    @Test("Settings: change the follow-up days, quit, reach.json has them")
    func settingsChangeLandsInReachJSON() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let before = try Self.reachJSON(folder)
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }

        try app.tmux.type(",")
        try app.tmux.waitFor(text: "Currency rates (")
        try app.tmux.type("]]")
        try app.tmux.waitFor(text: "Follow-up after (days)")
        try app.tmux.type("jjj")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "┌ Tiers & defaults")
        try app.tmux.press("C-u")
        try app.tmux.type("9")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Settings saved")
        try app.quit()

        let after = try Self.reachJSON(folder)
        let settings = try #require(after["settings"] as? [String: Any])
        #expect(settings["followUpAfterDays"] as? Int == 9)
        #expect(after["revision"] as? Int == (before["revision"] as? Int ?? 0) + 1)
        let rates = (settings["currencyRates"] as? [String: Any])?["rates"] as? [Any]
        let beforeRates = ((before["settings"] as? [String: Any])?["currencyRates"] as? [String: Any])?["rates"] as? [Any]
        #expect(rates?.count == beforeRates?.count && (rates?.count ?? 0) > 0)
    }

    /// `reach.json` parsed as plain JSON, without the app's decoder.
    static func reachJSON(_ folder: DataFolder) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.url.appendingPathComponent("reach.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
