import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension EndToEndTests {
    /// Scenario 6: shrinking to 60×20 and growing back redraws cleanly; the app keeps running.
    @Test("Resize 120×40 → 60×20 → 120×40")
    func resizeAndBack() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { app.close() }
        let pid = try app.pid()
        let creators = try Self.allCreators(folder)
        try app.go(to: "2", expecting: creators)
        let before = try app.tmux.settledScreen()

        try app.tmux.resize(width: 60, height: 20)
        // A whole frame: tab bar on top, hints at the bottom (the 60-column set), the table's header between.
        let small = try app.tmux.waitFor("a whole 60×20 frame") { screen in
            let rows = screen.components(separatedBy: "\n").dropLast()
            return rows.count == 20 && rows.first?.hasPrefix(ReachSession.tabBar) == true
                && rows.last?.hasPrefix("? Help") == true && rows.contains { $0.hasPrefix("Name") }
        }
        #expect(small.contains(creators))

        try app.tmux.resize(width: 120, height: 40)
        // Back at the old size the frame must be exactly the old one: no leftovers from the small layout.
        // The creator's local time ("their time 06:51") may tick over meanwhile; everything else must match.
        try app.tmux.waitFor("the 120×40 frame as before the resize") { Self.clockless($0) == Self.clockless(before) }
        #expect(kill(pid, 0) == 0)
        #expect(try app.tmux.foregroundPID(named: "reach") == pid)
    }

    /// `screen` with every "their time HH:MM" blanked, so two frames a minute apart compare equal.
    static func clockless(_ screen: String) -> String {
        screen.replacingOccurrences(of: #"their time \d{2}:\d{2}"#, with: "their time --:--", options: .regularExpression)
    }

    /// How scenario 7 ends the app.
    enum Ending: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case ctrlC = "Ctrl-C", hangUp = "SIGHUP", terminate = "SIGTERM"
        var testDescription: String { rawValue }
    }

    /// Scenario 7: however the app ends, the terminal is back in cooked mode with echo, off the alternate screen,
    /// with the prompt showing, and what was saved before is on disk.
    @Test("Terminal is restored", arguments: Ending.allCases)
    func terminalIsRestored(ending: Ending) throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, width: 100, height: 30, afterwards: Self.sttyAfterwards)
        defer { app.close() }
        let pid = try app.pid()

        let name = "Saved before \(ending.rawValue)"
        try app.go(to: "2", expecting: try Self.allCreators(folder))
        try app.tmux.type("n")
        try app.tmux.waitFor(text: "New creator")
        try app.tmux.type(name)
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Saved \(name)")

        switch ending {
        case .ctrlC: try app.tmux.press("C-c")
        case .hangUp: #expect(kill(pid, SIGHUP) == 0)
        case .terminate: #expect(kill(pid, SIGTERM) == 0)
        }
        let screen = try Self.expectTerminalRestored(app, after: ending.rawValue)
        #expect(kill(pid, 0) != 0)
        // Ctrl-C is a key in raw mode (a normal quit); a signal is re-raised after restoring, so the parent sees it.
        let expectedStatus: Int32 = switch ending {
        case .ctrlC: 0
        case .hangUp: 128 + SIGHUP
        case .terminate: 128 + SIGTERM
        }
        #expect(screen.contains("e2e-status=\(expectedStatus)\n"), "exit status after \(ending.rawValue):\n\(screen)")
        _ = try folder.waitForRecord("influencers", "displayName \(name)") { $0["displayName"] as? String == name }
    }

    /// Under `sh -c`, `stty -a` runs right after the app, before interactive bash could repair anything; this
    /// prints the app's exit status (`e2e-status=N`), the modes, and a marker. The markers are typed in quoted parts
    /// so only the echoes' output matches them.
    static let sttyAfterwards = "echo \"e2e-\"status=$?; stty -a; echo \"e2e-stty\"\"-done\""

    /// Waits for a session started with `sttyAfterwards` to end and checks what the app left: the prompt back, off
    /// the alternate screen, its screen gone, cooked mode with echo. Returns the pane (with the exit status).
    static func expectTerminalRestored(_ app: ReachSession, after ending: String) throws -> String {
        let screen = try app.tmux.waitFor(text: "e2e-stty-done")
        try app.tmux.waitForPrompt()
        #expect(try app.tmux.format("#{alternate_on}") == "0")
        #expect(!screen.contains(ReachSession.tabBar), "the app's screen is still showing:\n\(screen)")
        let modes = sttyFlags(screen)
        #expect(modes.contains("echo") && modes.contains("icanon") && modes.contains("icrnl") && modes.contains("isig"),
                "terminal modes after \(ending):\n\(screen)")
        #expect(!modes.contains("-echo") && !modes.contains("-icanon"))
        return screen
    }

    /// The words of `stty -a` output (`echo`, `-icanon`, …), for checking which modes are on.
    static func sttyFlags(_ output: String) -> Set<String> {
        Set(output.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    /// Scenario 9: control characters, C1 and bidi overrides in data are drawn as visible placeholders; none reaches the
    /// terminal (the title stays, the screen is not cleared).
    @Test("Hostile text in data is shown, not obeyed")
    func hostileTextIsShownNotObeyed() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let id = "01JE2E" + String(repeating: "0", count: 17) + "BAD"
        try folder.writeRaw(Self.hostileInfluencerJSON(id: id), kind: "influencers", name: "\(id).json")

        let app = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { app.close() }
        let titleBefore = try app.tmux.format("#{pane_title}")
        let creators = try Self.allCreators(folder)
        try app.go(to: "2", expecting: creators)
        // Sorted by name, "Aa…" comes first and is selected, so the detail pane shows its full name and city.
        try app.tmux.waitFor(text: "^[]0;pwned^G")
        let screen = try app.tmux.settledScreen()
        #expect(screen.contains("^[[2J"))
        #expect(screen.contains("<9B>"))
        #expect(screen.contains("\u{FFFD}"))
        #expect(!screen.contains("\u{202E}"))
        #expect(screen.hasPrefix(ReachSession.tabBar), "the screen was cleared or scrolled:\n\(screen)")
        #expect(screen.contains(creators) && screen.contains("? Help"))
        let title = try app.tmux.format("#{pane_title}")
        #expect(title == titleBefore && !title.contains("pwned"))

        // Control: the same bytes printed raw by the shell do change the title, so the check above can fail.
        try app.quit()
        _ = try app.tmux.runInShell("printf '\\033]0;pwned\\007'")
        try Wait.until("the raw OSC to set the title") { try app.tmux.format("#{pane_title}") == "pwned" }
    }

    /// A creator file as an attacker would write it: OSC title change, clear screen, C1 CSI, right-to-left override.
    static func hostileInfluencerJSON(id: String) -> String {
        """
        {
          "accounts": [], "archived": false, "contact": {}, "createdAt": "2024-01-01T00:00:00Z",
          "displayName": "Aa\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil",
          "city": "Rīga\\u001b[2J", "doNotContact": false, "id": "\(id)", "languages": [], "niches": [],
          "rateCard": {"entries": []}, "relationship": "prospect", "revision": 1, "schemaVersion": 1, "tags": [],
          "updatedAt": "2024-01-01T00:00:00Z", "vetting": {"checklist": [], "verdict": "pending"}
        }
        """
    }

    /// Scenario 10: without a terminal the app refuses with exit 1 and a message, and writes nothing to stdout.
    @Test("Not a TTY: exit 1 with a clear message")
    func notATerminal() throws {
        let folder = try DataFolder()
        defer { folder.remove() }
        let out = folder.url.appendingPathComponent("out.txt").path
        let reach = "\(TmuxSession.shellQuote(try ReachBinary.path())) --data-dir \(TmuxSession.shellQuote(folder.url.appendingPathComponent("data").path))"
        let tmux = try TmuxSession(width: 200, height: 12)
        defer { tmux.close() }
        for redirection in ["< /dev/null > \(TmuxSession.shellQuote(out))", "> \(TmuxSession.shellQuote(out))", "< /dev/null"] {
            let (screen, status) = try tmux.runInShell("\(reach) \(redirection)")
            #expect(status == 1, "\(redirection): \(screen)")
            #expect(screen.contains("reach: the app needs an interactive terminal"), "\(redirection): \(screen)")
            #expect(try isEmptyFile(out), "\(redirection) wrote to stdout")
        }
        // And with no terminal anywhere (stdin /dev/null, output to a file), as under cron or a pipe.
        let direct = try ReachBinary.run(["--data-dir", folder.url.appendingPathComponent("data").path])
        #expect(direct.status == 1)
        #expect(direct.output.contains("interactive terminal"))
        #expect(!direct.output.contains("\u{1b}"))
    }

    private func isEmptyFile(_ path: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return true }
        return try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty
    }
}
