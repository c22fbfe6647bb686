import Foundation
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// The real loop on a real data folder: `FuzzWorld`'s records saved in a temp folder, an `AppRunner` on a
/// `TestTerminal`, a scripted `$EDITOR` and a clock the test moves. For checks that must go through the store.
final class StoreHarness {
    let folder: String
    let store: RecordStore
    let terminal: TestTerminal
    let runner: AppRunner
    let editor: ScriptedEditor
    private let clock = ClockBox(FuzzWorld.now)

    init(width: Int = 120, height: Int = 40, editor: ScriptedEditor = ScriptedEditor { $0 },
         options: StoreOptions = StoreOptions()) throws {
        folder = NSTemporaryDirectory() + "reach-reliability-" + UUID().uuidString
        store = try RecordStore(folder: folder, options: options)
        let workspace = FuzzWorld.workspace()
        for record in workspace.allRecords { try Self.save(record, in: store) }
        terminal = TestTerminal(width: width, height: height)
        self.editor = editor
        let loaded = WorkspaceLoader.load(from: store)
        let state = AppState(workspace: loaded.workspace, now: FuzzWorld.now, timeZone: FuzzWorld.utc, author: "tester")
        let clock = clock
        runner = AppRunner(terminal: terminal, store: store, state: state, clock: { clock.now }, editor: editor, theme: .monochrome)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Saves a record of any kind if the folder holds revision `expected` (0: a new record); false on a conflict.
    @discardableResult
    static func save(_ record: AnyRecord, in store: RecordStore, expected: Int = 0) throws -> Bool {
        func saved<R>(_ result: SaveResult<R>) -> Bool { if case .saved = result { true } else { false } }
        switch record {
        case .influencer(let r): return saved(try store.save(r, expectedRevision: expected))
        case .campaign(let r): return saved(try store.save(r, expectedRevision: expected))
        case .deal(let r): return saved(try store.save(r, expectedRevision: expected))
        case .template(let r): return saved(try store.save(r, expectedRevision: expected))
        }
    }

    /// Every record in the folder, read by `store`.
    static func records(in store: RecordStore) -> [RecordKey: AnyRecord] {
        var out: [RecordKey: AnyRecord] = [:]
        for r in store.loadAll(Influencer.self).records { out[RecordKey(.influencer, r.id)] = .influencer(r) }
        for r in store.loadAll(Campaign.self).records { out[RecordKey(.campaign, r.id)] = .campaign(r) }
        for r in store.loadAll(Deal.self).records { out[RecordKey(.deal, r.id)] = .deal(r) }
        for r in store.loadAll(Template.self).records { out[RecordKey(.template, r.id)] = .template(r) }
        return out
    }

    var state: AppState { runner.state }

    /// Sends events and runs until idle; returns the screen as text lines.
    @discardableResult
    func send(_ events: [InputEvent]) -> [String] {
        terminal.queuedEvents += events
        runner.runUntilIdle()
        return terminal.snapshot()
    }

    /// Types a `keys` script (see Fixtures) and runs until idle.
    @discardableResult
    func type(_ script: String) -> [String] { send(keys(script)) }

    func advance(seconds: TimeInterval) { clock.now = clock.now.addingTimeInterval(seconds) }

    /// A second session on the same folder.
    func otherStore() throws -> RecordStore { try RecordStore(folder: folder) }

    /// The record file's JSON as parsed by Foundation (independent of the store's own reader).
    func json(_ kind: RecordKind, _ id: RecordID) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: store.layout.recordFile(kind, id)))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
