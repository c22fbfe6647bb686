import Foundation

/// The real `reach` app running in a tmux pane on one data folder.
///
/// It is started from the pane's shell (not in place of it), so after it exits the test can check what the
/// user would see: the prompt back, the terminal modes restored.
final class ReachSession {
    let tmux: TmuxSession
    let folder: URL

    /// The tab bar's first cells; on screen means the app has drawn its first frame and reads keys in raw mode.
    static let tabBar = " 1 Today │ 2 Roster │ 3 Pipeline │ 4 Campaigns"

    /// Opens a `width`×`height` pane with `TERM=term` (plus `environment`) and starts `reach` on `folder` (see `start`).
    init(folder: URL, width: Int = 120, height: Int = 40, term: String = "xterm-256color",
         environment: [String: String] = [:], afterwards: String? = nil, waitingFor text: String = tabBar) throws {
        self.folder = folder
        var environment = environment
        // A fixed zone: the test and the app must agree which day "today" is.
        environment["TZ"] = environment["TZ"] ?? "UTC"
        tmux = try TmuxSession(width: width, height: height, term: term, environment: environment)
        do {
            try start(afterwards: afterwards, waitingFor: text)
        } catch {
            tmux.close()
            throw error
        }
    }

    /// Starts `reach` in the shell and waits for its first frame, or for `text` (again after a quit, for restart
    /// scenarios).
    ///
    /// With `afterwards`, the app runs under `sh -c 'reach …; afterwards'`: that shell, unlike interactive bash,
    /// never resets the terminal when a program dies from a signal, so `afterwards` sees what the app left behind.
    func start(afterwards: String? = nil, waitingFor text: String = tabBar) throws {
        let reach = "\(TmuxSession.shellQuote(try ReachBinary.path())) --data-dir \(TmuxSession.shellQuote(folder.path))"
        try tmux.typeLine(afterwards.map { "sh -c \(TmuxSession.shellQuote("\(reach); \($0)"))" } ?? reach)
        try tmux.waitFor(text: text)
    }

    /// The running app's pid.
    func pid() throws -> Int32 {
        try Wait.value("reach in the pane's foreground", lastSeen: tmux.screen) { try tmux.foregroundPID(named: "reach") }
    }

    /// Presses `q` and waits for the shell to be back.
    func quit() throws {
        try tmux.press("q")
        try tmux.waitForPrompt()
    }

    /// Presses `key` (a `1`–`4` tab key) and waits until `text` shows.
    func go(to key: String, expecting text: String) throws {
        try tmux.type(key)
        try tmux.waitFor(text: text)
    }

    /// Ends the pane and everything running in it (the app too, if a test failed before quitting it).
    func close() { tmux.close() }
}
