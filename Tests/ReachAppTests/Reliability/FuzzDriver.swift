import Foundation
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Drives `App.update` and `AppView` with random input from one seed: keys from the live keymaps and popups,
/// text in many scripts, hostile pastes, resizes, clock ticks, other sessions and a disk that fills up. Effects run
/// against a `FakeDisk` (records) and the real `EffectPerformer` (settings, clipboard, `$EDITOR`), and their
/// results are fed back like the runner does. `run` stops at the first broken invariant and reports it.
final class FuzzDriver {
    /// The terminal sizes runs start at and resize between.
    static let sizes = [Size(width: 1, height: 1), Size(width: 20, height: 5), Size(width: 40, height: 12),
                        Size(width: 80, height: 24), Size(width: 200, height: 60), Size(width: 39, height: 10),
                        Size(width: 40, height: 10), Size(width: 120, height: 40), Size(width: 100, height: 30),
                        Size(width: 2, height: 1), Size(width: 0, height: 0)]

    let seed: UInt64
    private(set) var state: AppState
    private(set) var size: Size
    let startSize: Size
    private(set) var step = 0
    private var rng: SeededRandom
    private let disk: any FuzzBackend
    /// Performs what the backend leaves alone (settings, clipboard, `$EDITOR`) on a scratch folder.
    private let performer: EffectPerformer
    private let folder: String
    private var now: Date
    /// Keys of a chosen sequence (a binding like `gg`, typed text) still to send.
    private var script: [InputEvent] = []
    /// The last inputs, printed with a failure.
    private var recent: [String] = []
    /// Bindings and palette commands that were on offer (with the step they first were), and those the fuzzer used.
    private(set) var seenBindings: [String: Int] = [:]
    /// How many steps each binding was on offer: one briefly on screen may fairly go unpressed.
    private var offeredSteps: [String: Int] = [:]
    private(set) var usedBindings: Set<String> = []
    private(set) var seenCommands: [String: Int] = [:]
    /// How many times each command kind was on offer in a palette with an empty query, the only time the fuzzer
    /// picks one from the list; a palette step with a query typed is no chance to pick, so it does not count.
    private var offeredCommandSteps: [String: Int] = [:]
    private(set) var usedCommands: Set<String> = []
    /// How often each kind of action reached `update`, for the report.
    private(set) var actionCounts: [String: Int] = [:]
    /// Draw and check the screen every `screenEvery` steps; check the costly invariants (roster order, money,
    /// memory against disk) every `thoroughEvery` steps. The cheap ones run every step.
    var screenEvery = 2
    var thoroughEvery = 4

    /// `realFolder`: effects go to a real data folder (`RealFolder`) instead of the in-memory `FakeDisk`.
    init(seed: UInt64, size: Size, realFolder: Bool = false) throws {
        self.seed = seed
        self.size = size
        startSize = size
        rng = SeededRandom(seed: seed)
        now = FuzzWorld.now
        folder = NSTemporaryDirectory() + "reach-fuzz-\(seed)-" + UUID().uuidString
        let terminal = TestTerminal(width: size.width, height: size.height, clipboardSupported: seed % 2 == 0)
        let editor = FuzzEditor(seed: seed)
        performer = EffectPerformer(store: try RecordStore(folder: folder), terminal: terminal, editor: editor)
        var workspace = FuzzWorld.workspace()
        if realFolder {
            let real = try RealFolder(workspace, terminal: terminal, editor: editor)
            workspace = real.workspace
            disk = real
        } else {
            disk = FakeDisk(workspace)
        }
        state = AppState(workspace: workspace, now: now, timeZone: FuzzWorld.utc, size: size, author: "fuzz \u{1b}[31m")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `steps` steps; returns nil when every invariant held, else a report naming seed, step and recent inputs.
    func run(steps: Int) -> String? {
        for _ in 0..<steps {
            step += 1
            CrashReport.note(seed: seed, step: step)
            if let failure = advance() {
                return "seed \(seed) (from \(FuzzWorld.describe(startSize)), now \(FuzzWorld.describe(size))) failed at step \(step): \(failure)\n"
                    + "last inputs, oldest first:\n  " + recent.joined(separator: "\n  ")
            }
        }
        return nil
    }

    /// One random step and its checks.
    private func advance() -> String? {
        let before = state.overlays.last.map(FuzzDriver.title)
        // Mostly input; now and then the clock, a resize, another session, a poll, or the disk filling up (it
        // empties again quickly, so saves mostly work).
        let kind = rng.weighted([(174, 0), (16, 1), (3, 2), (4, 3), (2, 4), (disk.isFull ? 10 : 1, 5)])
        switch kind {
        case 0:
            let event = nextInput()
            log(describe(event))
            send(.input(event))
            send(.keysHandled) // as the runner does before it draws
        case 1:
            let delta: TimeInterval = rng.weighted([(10, 0.25), (3, 5), (2, 120), (1, 86_400), (1, -3)])
            now = now.addingTimeInterval(delta)
            log("tick \(delta)s")
            send(.tick(now))
        case 2:
            let next = rng.chance(0.8) ? rng.pick(Self.sizes)
                : Size(width: Int.random(in: 1...220, using: &rng), height: Int.random(in: 1...70, using: &rng))
            log("resize \(FuzzWorld.describe(next))")
            size = next
            send(.input(.resize(width: next.width, height: next.height)))
        case 3:
            if rng.chance(0.2) {
                log("another session changes the settings")
                otherSessionSettings()
            } else {
                log("another session edits the folder")
                disk.otherSession(&rng, now: now)
            }
        case 4:
            let changes = disk.poll()
            log("poll: \(changes.upserted.count) changed, \(changes.removed.count) removed")
            if !changes.isEmpty { send(.externalChanges(changes)) }
            if let settings = performer.settingsChange() { send(settings) }
        default:
            disk.isFull.toggle()
            log(disk.isFull ? "disk full" : "disk has space again")
        }
        if state.shouldQuit {
            // Quitting with unsaved edits must have been confirmed in the "Unsaved changes" dialog.
            if !state.pendingSaves.isEmpty, before != "Unsaved changes" {
                return "quit with \(state.pendingSaves.count) unsaved edits without asking"
            }
            state.shouldQuit = false
        }
        // Staggered so every step checks something costly: the screen on even steps, the rest on odd ones.
        let thorough = (step - 1) % thoroughEvery == 0
        var problems = AppInvariants.check(state, thorough: thorough)
        if thorough { problems += disk.divergences(from: state).map { "memory and disk differ: " + $0 } }
        if step % screenEvery == 0 {
            var buffer = Buffer(size: size)
            AppView.render(state, into: &buffer, theme: .monochrome)
            problems += AppInvariants.screenProblems(state, buffer, size: size)
        }
        return problems.isEmpty ? nil : problems.prefix(8).joined(separator: "\n")
    }

    /// Another session saves `reach.json` (where the performer keeps the settings): a tier threshold, a stage's name,
    /// or a team member, so Settings-screen saves meet conflicts and the panes meet settings they did not make.
    private func otherSessionSettings() {
        guard let other = try? RecordStore(folder: folder), let current = try? other.loadWorkspaceVersion(AppSettings.self) else { return }
        var settings = current.settings ?? AppSettings()
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: settings.workspace.tierThresholds.mega = rng.pick([1_000_000, 2_000_000, 500_000])
        case 1:
            if !settings.workspace.pipeline.stages.isEmpty {
                let i = Int.random(in: 0..<settings.workspace.pipeline.stages.count, using: &rng)
                settings.workspace.pipeline.stages[i].name = HostileText.random(&rng)
            }
        default: settings.workspace.teamMembers.append(TeamMember(login: "other\(step)", name: HostileText.random(&rng)))
        }
        _ = try? other.saveWorkspace(settings, expectedRevision: current.revision)
    }

    /// Like `AppRunner.send`: update, perform the effects, feed their results back, until quiet.
    private func send(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            actionCounts[FuzzDriver.name(of: next), default: 0] += 1
            for effect in App.update(&state, next) {
                queue += disk.perform(effect) ?? performer.perform(effect)
            }
        }
    }

    private func log(_ line: String) {
        recent.append("\(step): \(line)")
        if recent.count > 40 { recent.removeFirst() }
    }

    // MARK: Choosing input

    private func nextInput() -> InputEvent {
        if !script.isEmpty { return script.removeFirst() }
        guard let top = state.overlays.last else { return screenInput() }
        if case .palette(let palette) = top { return paletteInput(palette) }
        if case .form = top { return formInput() }
        if case .confirm(let dialog) = top { return confirmInput(dialog) }
        if case .conflict = top { return pick([(2, .char("m")), (2, .char("t")), (2, KeyEvent(.enter)), (1, KeyEvent(.escape)),
                                               (1, KeyEvent(.left)), (1, KeyEvent(.tab)), (1, randomKey())]) }
        if case .prompt = top { return promptInput() }
        return pick([(3, KeyEvent(.escape)), (1, .char("?")), (4, rng.pick([.char("j"), .char("k"), KeyEvent(.down), KeyEvent(.up)])),
                     (3, rng.pick([KeyEvent(.pageDown), KeyEvent(.pageUp), .char(" "), .char("g"), .char("G"), KeyEvent(.end)])),
                     (1, KeyEvent(.enter)), (2, randomKey())])
    }

    private func pick(_ choices: [(Int, KeyEvent)]) -> InputEvent { .key(rng.weighted(choices)) }

    /// No popup: a binding of the live keymap (preferring ones not used yet), else any key, text or a paste.
    private func screenInput() -> InputEvent {
        let pane = String(describing: state.activePane)
        var offered: [(name: String, sequence: [KeyEvent])] = []
        for section in KeyDispatch.activeSections(state) {
            for binding in section.bindings {
                let name = "\(pane) · \(section.title) · \(binding.help)"
                if seenBindings[name] == nil { seenBindings[name] = step }
                offeredSteps[name, default: 0] += 1
                for sequence in binding.sequences { offered.append((name, sequence)) }
            }
        }
        // The palette also gets a share of its own: with every new key on a screen, reaching it as one binding among
        // fifty left some runs too few palette visits for the command coverage to mean anything.
        switch rng.weighted([(50, 0), (20, 1), (10, 2), (5, 3), (3, 4), (2, 5)]) {
        case 5: return .key(.char(":"))
        case 0 where !offered.isEmpty:
            let fresh = offered.filter { !usedBindings.contains($0.name) }
            let chosen = !fresh.isEmpty && rng.chance(0.7) ? rng.pick(fresh) : rng.pick(offered)
            usedBindings.insert(chosen.name)
            return queue(chosen.sequence.map(InputEvent.key))
        case 1: return .key(randomKey())
        case 2: return queue(typed(HostileText.random(&rng, maxPieces: 2)))
        case 3: return .paste(paste())
        default: return .key(rng.pick([KeyEvent(.escape), .char("1"), .char("2"), .char("3"), .char("4")]))
        }
    }

    /// Commands made from data ("Roster filter: Līga's picks") count once per kind, by the text before the colon.
    static func commandKind(_ title: String) -> String { String(title.prefix { $0 != ":" }) }

    private func paletteInput(_ palette: PaletteState) -> InputEvent {
        let commands = CommandRegistry.matches("", state).map(\.title)
        for kind in Set(commands.map(FuzzDriver.commandKind)) {
            if seenCommands[kind] == nil { seenCommands[kind] = step }
            if palette.query.text.isEmpty { offeredCommandSteps[kind, default: 0] += 1 }
        }
        let fresh = commands.indices.filter { !usedCommands.contains(FuzzDriver.commandKind(commands[$0])) }
        if palette.query.text.isEmpty {
            // The fresh one on offer longest, so coverage does not hang on how many palette visits a run happens to
            // make; ties go to the first ("Roster filter: x" before "Forget roster filter: x", which would take it away).
            let offered = { (index: Int) in self.offeredCommandSteps[FuzzDriver.commandKind(commands[index]), default: 0] }
            var longest: Int?
            for index in fresh where longest.map({ offered(index) > offered($0) }) ?? true { longest = index }
            var index: Int?
            if let longest, rng.chance(0.95) { index = longest } else if rng.chance(0.3) { index = Int.random(in: 0..<commands.count, using: &rng) }
            if let index {
                usedCommands.insert(FuzzDriver.commandKind(commands[index]))
                return queue(Array(repeating: .key(KeyEvent(.down)), count: index) + [.key(KeyEvent(.enter))])
            }
        }
        switch rng.weighted([(4, 0), (2, 1), (2, 2), (1, 3), (1, 4)]) {
        case 0: return queue(typed(String(rng.pick(commands + HostileText.words).prefix(Int.random(in: 1...6, using: &rng)))))
        case 1: return pick([(1, KeyEvent(.down)), (1, KeyEvent(.up)), (1, .ctrl("n")), (1, .ctrl("p")), (1, KeyEvent(.tab)),
                             (1, KeyEvent(.backTab)), (1, KeyEvent(.backspace))])
        case 2: return .key(KeyEvent(.enter))
        case 3: return .key(KeyEvent(.escape))
        default: return rng.chance(0.5) ? .paste(paste()) : .key(randomKey())
        }
    }

    private func formInput() -> InputEvent {
        switch rng.weighted([(5, 0), (3, 1), (2, 2), (2, 3), (2, 4), (1, 5), (1, 6), (2, 7), (1, 8)]) {
        case 0: return queue(typed(HostileText.random(&rng, maxPieces: 2)))
        case 1: return pick([(1, KeyEvent(.tab)), (1, KeyEvent(.down))])
        case 2: return pick([(1, KeyEvent(.backTab)), (1, KeyEvent(.up)), (1, KeyEvent(.tab, .shift))])
        case 3: return pick([(1, .char(" ")), (1, KeyEvent(.left)), (1, KeyEvent(.right))])
        case 4: return .key(KeyEvent(.enter))
        case 5: return .key(KeyEvent(.escape))
        case 6: return .key(.ctrl("o"))
        case 7: return .key(editingKey())
        default: return .paste(paste())
        }
    }

    private func confirmInput(_ dialog: ConfirmDialog) -> InputEvent {
        let letters = dialog.buttons.compactMap { $0.lowercased().first }.map(KeyEvent.char)
        return pick([(3, KeyEvent(.enter)), (2, KeyEvent(.escape)),
                     (2, rng.pick([KeyEvent(.left), KeyEvent(.right), KeyEvent(.tab), KeyEvent(.backTab), .char("h"), .char("l")])),
                     (2, letters.isEmpty ? KeyEvent(.enter) : rng.pick(letters)), (1, randomKey())])
    }

    private func promptInput() -> InputEvent {
        switch rng.weighted([(3, 0), (1, 1), (3, 2), (1, 3), (2, 4), (1, 5)]) {
        case 0:
            let amount = rng.pick([9_999, 10_000, Int.max, Int.max / 7 + 1, 1 << 40]), unit = rng.pick(["d", "w", "m"])
            let text = rng.pick(["+3d", "tomorrow", "today", "mon", "2024-07-01", "2024-02-30", "1d", "next week", "fri", "-2d",
                                 "+\(amount)\(unit)", "9999-12-31", "0000-01-01", "+-1d", "++2w"])
            return queue([.key(.ctrl("u"))] + typed(text))
        case 1: return .key(.ctrl("u"))
        case 2: return .key(KeyEvent(.enter))
        case 3: return .key(KeyEvent(.escape))
        case 4: return queue(typed(HostileText.random(&rng, maxPieces: 2)))
        default: return rng.chance(0.5) ? .paste(paste()) : .key(editingKey())
        }
    }

    /// Queues events and returns the first.
    private func queue(_ events: [InputEvent]) -> InputEvent {
        guard let first = events.first else { return .key(KeyEvent(.escape)) }
        script = Array(events.dropFirst()) + script
        return first
    }

    /// Text as the key events a terminal would send, one per character (control characters arrive only by paste).
    private func typed(_ text: String) -> [InputEvent] {
        text.filter { !$0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
            .prefix(12).map { InputEvent.key(.char($0)) }
    }

    private func paste() -> String {
        rng.chance(0.05) ? String(repeating: HostileText.random(&rng), count: 40) : HostileText.random(&rng, maxPieces: 8)
    }

    private func editingKey() -> KeyEvent {
        rng.pick([KeyEvent(.backspace), KeyEvent(.delete), KeyEvent(.home), KeyEvent(.end), KeyEvent(.left), KeyEvent(.right),
                  .ctrl("a"), .ctrl("e"), .ctrl("k"), .ctrl("u"), .ctrl("w"), .ctrl("b"), .ctrl("f"), .ctrl("d"), .ctrl("h"),
                  .alt("b"), .alt("f"), .alt("d"), KeyEvent(.backspace, .alt), KeyEvent(.left, .ctrl), KeyEvent(.right, .ctrl)])
    }

    /// Any key a terminal can send, with any modifiers.
    private func randomKey() -> KeyEvent {
        let modifiers: Modifiers = rng.weighted([(6, []), (2, .ctrl), (1, .alt), (1, .shift), (1, [.ctrl, .alt])])
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<4:
            let keys: [Key] = [.enter, .tab, .backTab, .backspace, .escape, .up, .down, .left, .right, .home, .end, .pageUp,
                               .pageDown, .insert, .delete, .function(1), .function(5), .function(12)]
            return KeyEvent(rng.pick(keys), modifiers)
        case 4..<8:
            let ascii = Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
            return KeyEvent(.character(ascii), rng.chance(0.7) ? [] : modifiers)
        default:
            return KeyEvent(.character(HostileText.randomCharacter(&rng)), rng.chance(0.9) ? [] : modifiers)
        }
    }

    /// How many bindings and command kinds were on offer long enough for `unused` to hold the fuzzer to them.
    var heldToCoverage: (bindings: Int, commands: Int) {
        (offeredSteps.values.filter { $0 >= 200 }.count, offeredCommandSteps.values.filter { $0 >= 30 }.count)
    }

    /// Bindings and commands offered before the last tenth of the run that were never used: bindings on offer for
    /// 200 steps or more, commands offered in an empty palette 30 times or more (a run makes about 45). The fuzzer
    /// picks an unused binding about every third step and the unused command offered longest 19 times in 20 (about
    /// 22 kinds are cleared in 23 chances; missing one in 30 is a 1-in-100,000 run), so a screen or
    /// palette seen that long has had everything used, while a short visit depends on the hash order of the run's
    /// data, which changes between processes.
    var unused: (bindings: [String], commands: [String]) {
        let cutoff = step * 9 / 10
        return (seenBindings.filter { $0.value < cutoff && (offeredSteps[$0.key] ?? 0) >= 200 && !usedBindings.contains($0.key) }
                    .keys.sorted(),
                seenCommands.filter { $0.value < cutoff && (offeredCommandSteps[$0.key] ?? 0) >= 30 && !usedCommands.contains($0.key) }
                    .keys.sorted())
    }

    // MARK: Naming, for logs and reports

    private func describe(_ event: InputEvent) -> String {
        switch event {
        case .key(let key): "key \(KeyLabel.text(key)) \(key.key)"
        case .paste(let text): "paste \(text.utf8.count) bytes \(String(text.prefix(40)).debugDescription)"
        case .resize(let w, let h): "resize \(w)x\(h)"
        }
    }

    /// A popup's name; a dialog's title. (Spelled out: describing a popup would print its whole form.)
    static func title(_ overlay: Overlay) -> String {
        if case .confirm(let dialog) = overlay { return dialog.title }
        if case .form(let form) = overlay { return "form " + form.title }
        if case .prompt(let prompt) = overlay { return "prompt " + prompt.title }
        if case .palette = overlay { return "palette" }
        if case .help = overlay { return "help" }
        if case .conflict = overlay { return "conflict" }
        if case .text(let text) = overlay { return "text " + text.title }
        return "popup"
    }

    static func name(of action: Action) -> String {
        if case .input(let event) = action {
            if case .key = event { return "key" }
            if case .paste = event { return "paste" }
            return "resize"
        }
        let names: [(String, (Action) -> Bool)] = [
            ("tick", { if case .tick = $0 { true } else { false } }),
            ("saved", { if case .saved = $0 { true } else { false } }),
            ("saveFailed", { if case .saveFailed = $0 { true } else { false } }),
            ("conflict", { if case .conflict = $0 { true } else { false } }),
            ("deleted", { if case .deleted = $0 { true } else { false } }),
            ("deleteFailed", { if case .deleteFailed = $0 { true } else { false } }),
            ("restored", { if case .restored = $0 { true } else { false } }),
            ("restoreFailed", { if case .restoreFailed = $0 { true } else { false } }),
            ("externalChanges", { if case .externalChanges = $0 { true } else { false } }),
            ("editorFinished", { if case .editorFinished = $0 { true } else { false } }),
            ("copied", { if case .copied = $0 { true } else { false } }),
            ("settingsSaved", { if case .settingsSaved = $0 { true } else { false } }),
            ("settingsNotSaved", { if case .settingsNotSaved = $0 { true } else { false } }),
            ("settingsConflict", { if case .settingsConflict = $0 { true } else { false } }),
        ]
        return names.first { $0.1(action) }?.0 ?? "other"
    }
}

/// `$EDITOR` for the fuzzer: returns hostile text, appends to the original, or fails, by its own seed.
final class FuzzEditor: TextEditing {
    private var rng: SeededRandom
    init(seed: UInt64) { rng = SeededRandom(seed: seed ^ 0xED17) }

    func edit(_ text: String, on terminal: any Terminal) -> Result<String, EditorFailure> {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: .failure(EditorFailure("The editor (fuzz) exited with status 1; nothing changed."))
        case 1: .success(text)
        case 2: .success(text + "\n" + HostileText.random(&rng) + "\n")
        default: .success(HostileText.random(&rng, maxPieces: 10))
        }
    }
}
