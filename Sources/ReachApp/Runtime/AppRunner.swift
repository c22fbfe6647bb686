import Foundation
import ReachCore
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
    /// When to look for other sessions' edits, and at which files.
    private var scans: ScanSchedule
    /// Scans of the data folder run off the loop in `run()` (a 100k folder takes a noticeable fraction of a second).
    private let poller = BackgroundJob<ScanResult>(label: "reach.poll")
    /// Another session's large change is applied to a copy of the workspace off the loop in `run()` (a 100k import
    /// held the loop for 2.8 s), then swapped in (`PreparedChanges`).
    private let preparer = BackgroundJob<PreparedChanges>(label: "reach.prepare")
    /// A campaign's dashboard whose deals must be read from their files is computed off the loop in `run()`.
    private let dashboards = BackgroundJob<(CampaignDashboard, generation: Int)>(label: "reach.dashboard")
    /// The folder index kept fresh for the commands and teammates, off the loop in `run()` (see `IndexKeeping`).
    private let indexKeeper = BackgroundJob<IndexKeeping.Outcome>(label: "reach.index")
    private var indexKeeping: IndexKeeping
    /// Saves and deletes, written in order off the loop in `run()` (see `WriteQueue`).
    private let writes = WriteQueue()
    /// The campaign and workspace generation the last dashboard job was started for.
    private var dashboardStarted: (RecordID, Int)?
    /// How often the data folder is checked for other sessions' edits (the files a watcher named; without one,
    /// the shortest gap between full scans).
    public var pollInterval: TimeInterval {
        get { scans.interval }
        set { scans.interval = newValue }
    }
    /// How long to wait for a key before the clock ticks.
    public var tickInterval: Duration = .milliseconds(250)

    /// `sync`: the folder's git repository when it is synced (`reach sync init`); the app then shows the sync
    /// state, syncs on `Y` and on the auto-sync clock, in the background.
    public init(terminal: any Terminal, store: RecordStore, state: AppState, clock: @escaping () -> Date,
                editor: any TextEditing, theme: Theme? = nil, sync: SyncContext? = nil) {
        self.terminal = terminal
        self.performer = EffectPerformer(store: store, terminal: terminal, editor: editor,
                                         sync: sync.map(BackgroundSync.init(context:)))
        self.clock = clock
        let layout = store.layout
        self.scans = ScanSchedule(watcher: { FolderWatcher(layout: layout) }, interval: 0.5, now: clock())
        self.indexKeeping = IndexKeeping(now: clock())
        self.theme = theme ?? Theme(mode: terminal.colorMode)
        var initial = state
        initial.size = terminal.size
        if let sync { initial.sync = SyncIndicator(state: SyncState.read(folder: sync.repository.folder), now: clock()) }
        self.state = initial
        for tab in Tab.allCases { tab.pane.resized(&self.state) }
        // The `≠` marks are there from the first frame.
        for action in performer.perform(.loadConflicts) { send(action) }
    }

    /// Runs until the user quits. Input is drained before each frame so a burst of keys costs one redraw.
    /// `typedAhead`: keys the loading screen kept, handled first, in order. `whenStarted` runs once the first frame
    /// and the work it deferred are done: housekeeping that would slow the start (on two cores, the sweep of
    /// leftovers listing 300,000 files took a core from it for a tenth of a second).
    public func run(typedAhead: [InputEvent] = [], whenStarted: () -> Void = {}) {
        computeOffTheLoop()
        present()
        // Keys typed while the folder loaded come first (a tab computes its rows when switched to), then what
        // the first frame skipped: at 100k creators that is a second the user need not wait for.
        for event in typedAhead where !state.shouldQuit { send(.input(event)) }
        if handleWaitingInput() + typedAhead.count > 0, !state.shouldQuit {
            send(.keysHandled)
            present()
        }
        if !state.shouldQuit { completeStart() }
        whenStarted()
        while !state.shouldQuit {
            var changed = false
            // While a job runs its result is looked for often, not only when the clock ticks.
            let busy = !dashboards.isIdle || !preparer.isIdle || !writes.isIdle
            if let event = terminal.nextEvent(timeout: busy ? .milliseconds(10) : tickInterval) {
                send(.input(event))
                changed = true
                // Coalesce: handle everything already typed (or pasted) before drawing again.
                _ = handleWaitingInput()
                send(.keysHandled)
            }
            changed = tick(background: true) || changed
            // A quit comes through `.quit`, which waits for the writes; should one come back unsaved after all, the
            // answer stops the quit and asks (see `StoreResults`).
            if state.shouldQuit {
                let answers = writes.finish()
                for answer in answers { send(answer) }
                changed = changed || !answers.isEmpty
            }
            if changed, !state.shouldQuit { present() }
        }
    }

    /// What the first frame skipped (the other panes, the Roster's search keys and name order), a piece at a time
    /// with the keys typed meanwhile handled and drawn between pieces, then the start's freed temporaries handed back
    /// to the system; `run` does it right after the first frame.
    public func completeStart() {
        while !state.shouldQuit, !state.leftovers.isEmpty {
            if handleWaitingInput() > 0 {
                guard !state.shouldQuit else { break }
                send(.keysHandled)
                present()
            }
            send(.computeLeftover)
        }
        FreedMemory.giveBack()
    }

    /// Waits until every save and delete asked for is on disk (or failed), and hands the answers to `update`: for a
    /// terminal about to be closed by a signal (a dropped SSH connection), and for the benchmarks.
    public func finishWrites() {
        for answer in writes.finish() { send(answer) }
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
        send(.keysHandled)
        _ = tick(background: false)
        present()
    }

    /// Dispatches an action and performs the effects it returns, feeding their results back in, until quiet.
    /// Saves and deletes go to the write queue when the real loop runs (`state.computesOffTheLoop`); an effect that
    /// needs them done (`Effect.waitsForWrites`: a restore after a delete, a quit, a sync) waits, and their results
    /// come first.
    public func send(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in App.update(&state, next) {
                if state.computesOffTheLoop, effect.write != nil {
                    writes.enqueue(effect, performer.writes.perform)
                    continue
                }
                if effect.waitsForWrites, !writes.isIdle { queue += writes.finish() }
                queue += performer.perform(effect)
            }
        }
    }

    /// Checks the whole data folder now for changes made by other sessions.
    public func pollExternalChanges() {
        let changes = EffectPerformer.scanChanges(performer.store)
        if !changes.isEmpty { send(.externalChanges(changes)) }
    }

    /// Advances the clock; looks for other sessions' edits when `scans` says so (in the background, or inline
    /// for tests). True when the screen may have changed.
    private func tick(background: Bool) -> Bool {
        let now = clock()
        let before = (state.status, Int(state.now.timeIntervalSince1970 / 60))
        send(.tick(now))
        var changed = before.0 != state.status || before.1 != Int(now.timeIntervalSince1970 / 60)
        let statusBefore = state.status
        scans.collect()
        // `reach.json` is one file outside the record folders the watcher covers: one stat a tick notices it.
        if let settings = performer.settingsChange() { send(settings) }
        let syncResults = performer.sync?.takeResults() ?? []
        for result in syncResults { send(result) }
        let written = writes.takeResults()
        for result in written { send(result) }
        changed = changed || !written.isEmpty
        if background {
            if let prepared = preparer.takeResult() {
                receive(prepared)
                changed = true
            }
            changed = collectDashboard() || changed
            if let result = poller.takeResult() { apply(result, inBackground: true) }
            // One change at a time: a scan's result applied before a prepared copy is swapped in would make the copy
            // stale, and its changes would be applied on the loop after all.
            if poller.isIdle, preparer.isIdle, let request = scans.next(now: now) {
                let store = performer.store
                poller.start { ScanResult.scan(store, request) }
            }
            if let outcome = indexKeeper.takeResult() { indexKept(outcome) }
            // Not beside a full scan of the app's own: each stats every file, and two at once would take both cores.
            if indexKeeper.isIdle, poller.isIdle, indexKeeping.isDue(now: now) {
                let store = performer.store
                indexKeeper.start { IndexKeeping.keep(store) }
            }
        } else {
            if let request = scans.next(now: now) { apply(ScanResult.scan(performer.store, request), inBackground: false) }
            if indexKeeping.isDue(now: now) { indexKept(IndexKeeping.keep(performer.store)) }
        }
        changed = changed || statusBefore != state.status || !syncResults.isEmpty
        return changed
    }

    /// What keeping the folder index fresh found to say (see `IndexKeeping.keep`), and when to look next.
    private func indexKept(_ outcome: IndexKeeping.Outcome) {
        indexKeeping.looked(outcome)
        if !outcome.problems.isEmpty { send(.indexKeptWithProblems(outcome.problems)) }
    }

    /// From now on, what needs files read is computed on background jobs and records are written on the write queue
    /// (see `AppState.computesOffTheLoop`), as `run()` does; for the benchmarks and tests that drive the runner themselves.
    /// (`false`: back to computing and writing on the loop, for a benchmark's comparison.)
    public func computeOffTheLoop(_ offTheLoop: Bool = true) {
        if !offTheLoop { finishWrites() }
        state.computesOffTheLoop = offTheLoop
    }

    /// Hands a dashboard computed off the loop to `update`, and starts the one it waits for now. True when a
    /// dashboard arrived.
    @discardableResult
    public func collectDashboard() -> Bool {
        let arrived = dashboards.takeResult()
        if let (dashboard, generation) = arrived { send(.dashboardComputed(dashboard, generation: generation)) }
        startDashboard()
        return arrived != nil
    }

    /// Starts computing the dashboard `update` left for the loop (`CampaignsState.dashboardReading`), unless it is
    /// already being computed from this workspace.
    private func startDashboard() {
        guard let id = state.campaigns.dashboardReading, let campaign = state.workspace.campaigns[id], dashboards.isIdle else { return }
        let generation = state.workspaceGeneration
        if let started = dashboardStarted, started == (id, generation) { return }
        dashboardStarted = (id, generation)
        let snapshot = state
        dashboards.start { (CampaignDashboard.make(campaign, snapshot), generation) }
    }

    /// Swaps in a workspace prepared off the loop (see `PreparedChanges`). The one it replaces is freed on another
    /// thread: at 100k creators, freeing its indexes was a third of what the swap cost the loop. (When the copy is
    /// stale, the changes are applied to the workspace in place, and nothing may hold on to it meanwhile.)
    public func receive(_ prepared: PreparedChanges) {
        guard prepared.isCurrent(for: state) else {
            performer.store.logger.info("applying \(prepared.count) changes made outside this session on the loop: the workspace changed while they were prepared")
            return send(.preparedChanges(prepared))
        }
        let replaced = state.workspace
        send(.preparedChanges(prepared))
        DispatchQueue.global(qos: .utility).async {
            withExtendedLifetime(replaced) {}
            FreedMemory.giveBack()
        }
    }

    /// A finished scan: its duration spaces the next full scans, its changes go to `update`, or, when they are many
    /// and `inBackground` allows, to a copy of the workspace on another thread first.
    private func apply(_ result: ScanResult, inBackground: Bool) {
        if let duration = result.fullScanDuration {
            scans.fullScanTook(duration)
            // A full scan lists and stats every file (300,000 names at 100k creators) and replaces the known stamps.
            FreedMemory.giveBack()
        }
        guard !result.changes.isEmpty else { return }
        guard inBackground, result.changes.count >= PreparedChanges.from else { return send(.externalChanges(result.changes)) }
        performer.store.logger.info("applying \(result.changes.count) changes made outside this session off the loop")
        let base = state
        preparer.start { PreparedChanges(result.changes, onto: base) }
    }

    /// Draws the current state into a fresh buffer and hands it to the terminal (which writes only the changes).
    public func present() {
        var buffer = Buffer(size: terminal.size)
        if state.size != terminal.size { send(.input(.resize(width: terminal.size.width, height: terminal.size.height))) }
        AppView.render(state, into: &buffer, theme: theme)
        terminal.present(buffer)
    }
}

/// One job at a time on a background queue (a folder scan, another session's large change applied to a copy of the
/// workspace, a dashboard whose deals are read from their files); the loop collects the result on a later tick. Unchecked-Sendable: its mutable fields are only touched
/// under `lock`.
final class BackgroundJob<Output: Sendable>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var running = false
    private var result: Output?

    init(label: String) { queue = DispatchQueue(label: label, qos: .utility) }

    /// No job is running or waiting to be collected.
    var isIdle: Bool { lock.withLock { !running && result == nil } }

    /// Starts `work`; the caller checked `isIdle`.
    func start(_ work: @escaping @Sendable () -> Output) {
        lock.withLock { running = true }
        queue.async { [self] in
            let output = work()
            lock.withLock {
                result = output
                running = false
            }
        }
    }

    /// The finished job's result, once.
    func takeResult() -> Output? {
        lock.withLock {
            defer { result = nil }
            return result
        }
    }
}

/// A folder scan's changes, and how long it took when it was a full one (which spaces the next full scans).
struct ScanResult: Sendable {
    var changes: ExternalChanges
    var fullScanDuration: TimeInterval?

    /// Scans what `request` names, timing it when it is the whole folder.
    static func scan(_ store: RecordStore, _ request: FolderChanges) -> ScanResult {
        let start = ContinuousClock.now
        let changes = EffectPerformer.scanChanges(store, only: request)
        guard case .everything = request else { return ScanResult(changes: changes) }
        let elapsed = ContinuousClock.now - start
        return ScanResult(changes: changes, fullScanDuration: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
