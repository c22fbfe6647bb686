import Foundation

/// Errors the harness raises with enough context to debug a failed run from the CI log alone.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// One detached tmux server running a shell of a fixed size; tests type into it and read its screen.
///
/// Each session has its own tmux socket, so tests never touch a user's tmux and can run side by side.
/// Waiting is always "poll the screen until the text appears or a deadline passes", never a fixed sleep.
final class TmuxSession {
    let socket: String
    let tmux: String
    private(set) var isClosed = false

    /// Starts `bash` in a `width`×`height` pane with `environment` exported (TERM, data folder, …).
    init(width: Int, height: Int, environment: [String: String] = [:]) throws {
        guard let tmux = Shell.which("tmux") else {
            throw HarnessError(description: "tmux is not installed (apt-get install -y tmux)")
        }
        self.tmux = tmux
        socket = "reach-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TERM"] = "xterm-256color"
        let result = try Shell.run(
            tmux,
            ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)",
             "env PS1='$ ' bash --norc --noprofile"],
            environment: env
        )
        guard result.status == 0 else {
            throw HarnessError(description: "tmux new-session failed: \(result.output)")
        }
        try tmuxCommand(["set-option", "-g", "status", "off"])
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            try typeLine("export \(key)=\(Self.shellQuote(value))")
        }
        try typeLine("clear")
    }

    deinit { close() }

    /// Kills the tmux server (and with it whatever runs in the pane). Safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? Shell.run(tmux, ["-L", socket, "kill-server"])
    }

    /// Types `text` literally (no key-name interpretation) and presses Enter.
    func typeLine(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "e2e", "-l", text])
        try tmuxCommand(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Types `text` literally, character by character as a user would paste-free.
    func type(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "e2e", "-l", text])
    }

    /// Presses named keys (`Enter`, `Escape`, `C-c`, `Down`, `Tab`, `BTab`, …) in order.
    func press(_ keys: String...) throws {
        for key in keys { try tmuxCommand(["send-keys", "-t", "e2e", key]) }
    }

    /// The visible screen as plain text, one string per row.
    func screen() throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-t", "e2e"]).output
    }

    /// The visible screen with colours and attributes as ANSI escape sequences (for screenshots).
    func screenWithEscapes() throws -> String {
        try tmuxCommand(["capture-pane", "-e", "-p", "-t", "e2e"]).output
    }

    /// Changes the window size, as a user dragging their terminal would.
    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the process in the foreground of the pane (the app, once started).
    func foregroundPID() throws -> Int32? {
        let tty = try tmuxCommand(["display-message", "-p", "-t", "e2e", "#{pane_tty}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let ps = try Shell.run("/bin/ps", ["-o", "pid=,stat=", "-t", tty])
        // The foreground process group carries a "+" in its state; the shell itself is not it while the app runs.
        let rows = ps.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let foreground = rows.filter { $0.count >= 2 && $0[1].contains("+") }.compactMap { Int32($0[0]) }
        return foreground.max()
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    func waitFor(
        _ description: String,
        timeout: TimeInterval = 10,
        _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HarnessError(description: "timed out after \(timeout)s waiting for \(description). Screen was:\n\(last)")
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `text` is no longer on screen.
    @discardableResult
    func waitForAbsence(of text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor("\"\(text)\" to disappear", timeout: timeout) { !$0.contains(text) }
    }

    @discardableResult
    private func tmuxCommand(_ arguments: [String]) throws -> Shell.Result {
        let result = try Shell.run(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw HarnessError(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.output)")
        }
        return result
    }

    static func shellQuote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
