import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// The pane's HOME and XDG_CACHE_HOME, kept for the session's life (an app restarted in the pane finds its cache)
    /// and removed by `close()`.
    let home: ScratchHome
    private(set) var isClosed = false

    /// The shell's prompt; `waitForPrompt` looks for it alone on the last non-empty line.
    static let prompt = "$ "

    /// Starts `bash` in a `width`×`height` pane whose environment is only `TERM=term`, a UTF-8 locale, PATH, USER,
    /// the scratch `home`'s HOME and XDG_CACHE_HOME, and `environment`.
    init(width: Int, height: Int, term: String = "xterm-256color", environment: [String: String] = [:]) throws {
        guard let tmux = Shell.which("tmux") else {
            throw HarnessError(description: "tmux is not installed (apt-get install -y tmux)")
        }
        self.tmux = tmux
        home = try ScratchHome()
        socket = "reach-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        var serverEnvironment = ProcessInfo.processInfo.environment
        serverEnvironment["TMUX"] = nil
        serverEnvironment["TERM"] = "xterm-256color"
        serverEnvironment["LANG"] = "C.UTF-8"
        // The pane starts from an empty environment (`env -i`): nothing of the test runner's (NO_COLOR, TERM, a
        // user's REACH_DATA_DIR) leaks in, and tmux cannot impose its own TERM.
        let inherited = ProcessInfo.processInfo.environment
        var paneEnvironment = ["PS1": Self.prompt, "TERM": term, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                               "PATH": inherited["PATH"] ?? "/usr/bin:/bin"]
        paneEnvironment["USER"] = inherited["USER"]
        paneEnvironment.merge(home.environment) { _, scratch in scratch }
        paneEnvironment.merge(environment) { _, given in given }
        let assignments = paneEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuote($0.value))" }
        let shell = "env -i \(assignments.joined(separator: " ")) bash --norc --noprofile"
        // -u: UTF-8 regardless of how the server guesses it, so `send-keys -l` with Georgian text arrives intact.
        do {
            let result = try Shell.run(
                tmux,
                ["-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", shell],
                environment: serverEnvironment
            )
            guard result.status == 0 else {
                throw HarnessError(description: "tmux new-session failed: \(result.output)")
            }
            try tmuxCommand(["set-option", "-g", "status", "off"])
            try waitForPrompt()
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Kills the tmux server (and with it whatever runs in the pane), then removes `home` once the pane's processes
    /// are gone: an app still running could otherwise recreate the cache folder it was writing to. Safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        let processes = (try? paneProcesses()) ?? []
        _ = try? Shell.run(tmux, ["-L", socket, "kill-server"])
        // Hang-up ends them within milliseconds; the deadline only bounds a test's teardown if one ignores it.
        try? Wait.until("the pane's processes to exit", timeout: 5) { processes.allSatisfy { !Self.isRunning($0) } }
        home.remove()
    }

    /// Every process whose controlling terminal is the pane's.
    private func paneProcesses() throws -> [pid_t] {
        let ps = try Shell.run("/bin/ps", ["-o", "pid=", "-t", try format("#{pane_tty}")])
        return ps.output.split(separator: "\n").compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Whether `pid` still runs; a zombie (exited, not yet reaped by its new parent) does not.
    private static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // The state follows the command name, which is in parentheses and may itself hold spaces or parentheses.
        guard let nameEnd = stat.lastIndex(of: ")") else { return false }
        return !stat[nameEnd...].hasPrefix(") Z")
    }

    /// Types `text` literally (no key-name interpretation) and presses Enter.
    func typeLine(_ text: String) throws {
        try type(text)
        try press("Enter")
    }

    /// Types `text` literally (`send-keys -l`), so any Unicode reaches the program as UTF-8 bytes.
    func type(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", "e2e", "-l", "--", text])
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

    /// A tmux format (`#{pane_title}`, `#{alternate_on}`, …) evaluated for the pane.
    func format(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", "e2e", format]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the process called `name` in the pane's foreground process group (the app, once started; also when
    /// a wrapper shell leads the group).
    func foregroundPID(named name: String) throws -> Int32? {
        let tty = try format("#{pane_tty}")
        let ps = try Shell.run("/bin/ps", ["-o", "pid=,stat=,comm=", "-t", tty])
        // The foreground process group carries a "+" in its state.
        let rows = ps.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        return rows.first { $0.count >= 3 && $0[1].contains("+") && $0[2] == name }.flatMap { Int32($0[0]) }
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    func waitFor(
        _ description: String,
        timeout: TimeInterval = 10,
        _ predicate: (String) -> Bool
    ) throws -> String {
        try Wait.value(description, timeout: timeout, lastSeen: screen) {
            let screen = try screen()
            return predicate(screen) ? screen : nil
        }
    }

    /// The screen once it has stopped changing (the same for `quiet` seconds): a whole frame, for assertions about more
    /// than the text waited for. A frame reaches tmux in several writes, so the first capture showing one part of it
    /// may lack the rest.
    func settledScreen(withEscapes: Bool = false, quiet: TimeInterval = 0.15, timeout: TimeInterval = 10) throws -> String {
        let capture = withEscapes ? screenWithEscapes : screen
        var last = try capture()
        var since = Date()
        return try Wait.value("the screen to settle", timeout: timeout, lastSeen: capture) {
            let current = try capture()
            if current != last {
                last = current
                since = Date()
                return nil
            }
            return Date().timeIntervalSince(since) >= quiet ? current : nil
        }
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

    /// Waits until the shell owns the pane again and its prompt is the last line shown.
    @discardableResult
    func waitForPrompt(timeout: TimeInterval = 10) throws -> String {
        try waitFor("the shell prompt", timeout: timeout) { screen in
            let last = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            // capture-pane drops trailing spaces, so the prompt "$ " reads as "$".
            return last?.trimmingCharacters(in: .whitespaces) == Self.prompt.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Runs `command` in the pane's shell and returns what it printed (the screen after a clear) and its exit status.
    func runInShell(_ command: String, timeout: TimeInterval = 10) throws -> (output: String, status: Int32) {
        // Quoted in two parts so the typed command line itself never contains the marker.
        let marker = "e2e-exit="
        try typeLine("clear; \(command); echo \"e2e-\"\"exit=$?\"")
        let screen = try waitFor("\(command) to finish", timeout: timeout) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix(marker) }
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let statusLine = lines.last(where: { $0.hasPrefix(marker) }),
              let status = Int32(statusLine.dropFirst(marker.count).trimmingCharacters(in: .whitespaces))
        else { throw HarnessError(description: "no exit status from \(command). Screen was:\n\(screen)") }
        return (screen, status)
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
