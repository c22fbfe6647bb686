import Foundation
import ReachStore
import TerminalUI

/// The app loop: draws the state, waits for input, runs `update`, performs effects, and polls the data folder
/// for other sessions' edits. Works the same on the real terminal and on `TestTerminal` (see `runUntilIdle`).
public final class AppRunner {
    public private(set) var state: AppState
    public let terminal: any Terminal
    public let theme: Theme
    private let performer: EffectPerformer
    private let clock: () -> Date
    private var lastPoll: Date
    /// Scans of the data folder run off the loop in `run()` (a 100k folder takes a noticeable fraction of a second).
    private let poller: BackgroundPoller
    /// How often the data folder is checked for other sessions' edits.
    public var pollInterval: TimeInterval = 1
    /// How long to wait for a key before the clock ticks.
    public var tickInterval: Duration = .milliseconds(250)

    public init(terminal: any Terminal, store: RecordStore, state: AppState, clock: @escaping () -> Date,
                editor: any TextEditing, theme: Theme? = nil) {
        self.terminal = terminal
        self.performer = EffectPerformer(store: store, terminal: terminal, editor: editor)
        self.clock = clock
        self.poller = BackgroundPoller(store: store)
        self.theme = theme ?? Theme(mode: terminal.colorMode)
        var initial = state
        initial.size = terminal.size
        self.state = initial
        lastPoll = clock()
        for tab in Tab.allCases { tab.pane.resized(&self.state) }
    }

    /// Runs until the user quits. Input is drained before each frame so a burst of keys costs one redraw.
    public func run() {
        present()
        // Keys typed while the folder loaded come first (a tab computes its rows when switched to), then what
        // the first frame skipped: at 100k creators that is a second the user need not wait for.
        if handleWaitingInput() > 0, !state.shouldQuit { present() }
        if !state.shouldQuit { send(.computeHiddenPanes) }
        while !state.shouldQuit {
            var changed = false
            if let event = terminal.nextEvent(timeout: tickInterval) {
                send(.input(event))
                changed = true
                // Coalesce: handle everything already typed (or pasted) before drawing again.
                _ = handleWaitingInput()
            }
            changed = tick(background: true) || changed
            if changed, !state.shouldQuit { present() }
        }
    }

    /// Handles the events already waiting (typed or pasted), at most 256 so a flood still gets drawn; returns how many.
    private func handleWaitingInput() -> Int {
        var handled = 0
        while handled < 256, !state.shouldQuit, let event = terminal.nextEvent(timeout: .zero) {
            send(.input(event))
            handled += 1
        }
        return handled
    }

    /// For tests: handles every queued event, polls when the clock says so, and draws one frame.
    public func runUntilIdle() {
        while !state.shouldQuit, let event = terminal.nextEvent(timeout: .zero) {
            send(.input(event))
        }
        _ = tick(background: false)
        present()
    }

    /// Dispatches an action and performs the effects it returns, feeding their results back in, until quiet.
    public func send(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in App.update(&state, next) {
                queue += performer.perform(effect)
            }
        }
    }

    /// Checks the data folder now for changes made by other sessions.
    public func pollExternalChanges() {
        lastPoll = clock()
        let changes = EffectPerformer.scanChanges(performer.store)
        if !changes.isEmpty { send(.externalChanges(changes)) }
    }

    /// Advances the clock; polls the folder once per `pollInterval` (in the background, or inline for tests).
    /// True when the screen may have changed.
    private func tick(background: Bool) -> Bool {
        let now = clock()
        let before = (state.status, Int(state.now.timeIntervalSince1970 / 60))
        send(.tick(now))
        var changed = before.0 != state.status || before.1 != Int(now.timeIntervalSince1970 / 60)
        let statusBefore = state.status
        if background {
            if let changes = poller.takeResult(), !changes.isEmpty { send(.externalChanges(changes)) }
            if now.timeIntervalSince(lastPoll) >= pollInterval, poller.start() { lastPoll = now }
        } else if now.timeIntervalSince(lastPoll) >= pollInterval {
            pollExternalChanges()
        }
        changed = changed || statusBefore != state.status
        return changed
    }

    /// Draws the current state into a fresh buffer and hands it to the terminal (which writes only the changes).
    public func present() {
        var buffer = Buffer(size: terminal.size)
        if state.size != terminal.size { send(.input(.resize(width: terminal.size.width, height: terminal.size.height))) }
        AppView.render(state, into: &buffer, theme: theme)
        terminal.present(buffer)
    }
}

/// Runs `scanChanges` on a background queue, one scan at a time; the loop collects the result on a later tick.
/// Unchecked-Sendable: its mutable fields are only touched under `lock`.
final class BackgroundPoller: @unchecked Sendable {
    private let store: RecordStore
    private let queue = DispatchQueue(label: "reach.poll", qos: .utility)
    private let lock = NSLock()
    private var running = false
    private var result: ExternalChanges?

    init(store: RecordStore) { self.store = store }

    /// Starts a scan unless one is running; true when started.
    func start() -> Bool {
        let canStart = lock.withLock { () -> Bool in
            guard !running else { return false }
            running = true
            return true
        }
        guard canStart else { return false }
        queue.async { [self] in
            let changes = EffectPerformer.scanChanges(store)
            lock.withLock {
                result = changes
                running = false
            }
        }
        return true
    }

    /// The finished scan's changes, once.
    func takeResult() -> ExternalChanges? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
