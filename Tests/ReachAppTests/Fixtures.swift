import Foundation
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// A small fixed workspace (fixed ids, fixed `now`, UTC) shared by the app tests.
enum Fx {
    /// 2024-06-10T12:00:00Z, a Monday.
    static let now = Date(timeIntervalSince1970: 1_718_020_800)
    static let utc = TimeZone(identifier: "UTC") ?? .current
    static func days(_ n: Double) -> Date { now.addingTimeInterval(n * 86_400) }
    static func id(_ n: Int) -> RecordID { RecordID(rawValue: String(format: "01J0000000000000000000%04d", n)) }

    static let liga = id(1), nino = id(2), sakura = id(3), dilnoza = id(4), ola = id(5)
    static let serum = id(100), japan = id(101)
    static let dealLiga = id(200), dealNino = id(201), dealSakura = id(202), dealOla = id(203)

    static func account(_ platform: Platform, _ handle: String, _ followers: Int, er: Double? = nil, age: Double = 10,
                        source: MetricSource = .manual) -> PlatformAccount {
        PlatformAccount(platform: platform, handle: handle, isMain: true,
                        snapshots: [MetricSnapshot(asOf: days(-age), source: source, followers: followers, engagementRate: er)])
    }

    static var influencers: [Influencer] {
        [
            Influencer(id: liga, createdAt: days(-30), displayName: "Līga Bērziņa", realName: "Līga Bērziņa",
                       contact: ContactInfo(email: "liga@example.lv"), country: "LV", city: "Rīga", languages: ["lv", "en"],
                       timeZone: "Europe/Riga", tags: ["serum"], niches: ["skincare"], notes: "Prefers email.",
                       relationship: .activePartner, accounts: [account(.instagram, "liga.skin", 42_000, er: 3.5)]),
            Influencer(id: nino, createdAt: days(-30), displayName: "Nino Beridze", country: "GE", languages: ["ka", "en"],
                       niches: ["food & drink"], accounts: [account(.tiktok, "nino.eats", 1_250_000, er: 6.1, age: 45)]),
            Influencer(id: sakura, createdAt: days(-30), displayName: "田中さくら", realName: "Tanaka Sakura", country: "JP",
                       languages: ["ja"], niches: ["travel"], accounts: [account(.youtube, "sakura.travel", 312_000, er: 2.2)]),
            Influencer(id: dilnoza, createdAt: days(-30), displayName: "Dilnoza Karimova", country: "UZ", languages: ["uz", "ru"],
                       niches: ["fashion & beauty"], doNotContact: true, doNotContactReason: "Asked not to be contacted",
                       accounts: [account(.instagram, "dilnoza.style", 8_400, er: 4.0)]),
            Influencer(id: ola, createdAt: days(-30), displayName: "Ola Nordmann", country: "NO", languages: ["no", "en"],
                       niches: ["business & finance"], accounts: [account(.linkedin, "ola-b2b", 950, source: .estimate)],
                       vetting: Vetting(verdict: .approved, score: 80)),
        ]
    }

    static var campaigns: [Campaign] {
        [
            Campaign(id: serum, createdAt: days(-20), name: "Serum launch", brand: "Glow Lab", status: .active,
                     budget: Money(major: 10_000, currency: .eur)),
            Campaign(id: japan, createdAt: days(-20), name: "Japan launch", brand: "Bento Go", status: .active,
                     budget: Money(major: 2_000_000, currency: .jpy)),
        ]
    }

    static var deals: [Deal] {
        var liga = Deal(id: dealLiga, createdAt: days(-5), influencerID: Fx.liga, campaignID: serum, stage: .negotiating)
        liga.setFollowUp("Send counter-offer", due: days(-3), whoseMove: .us)
        liga.logActivity(at: days(-4), channel: .email, direction: .outbound, summary: "Sent brief")
        var nino = Deal(id: dealNino, createdAt: days(-5), influencerID: Fx.nino, campaignID: serum, stage: .contacted)
        nino.setFollowUp("Chase reply", due: days(0.25), whoseMove: .them)
        var sakura = Deal(id: dealSakura, createdAt: days(-5), influencerID: Fx.sakura, campaignID: japan, stage: .contentReview)
        sakura.deliverables = [Deliverable(platform: .youtube, contentType: .video, dueDate: days(2), status: .inReview)]
        sakura.payments = [Payment(kind: .deposit, amount: Money(major: 150_000, currency: .jpy), dueDate: days(-1), status: .due)]
        var ola = Deal(id: dealOla, createdAt: days(-5), influencerID: Fx.ola, campaignID: serum, stage: .contracted)
        ola.contract.usageRights = UsageRights(paidAds: true, endsAt: days(5))
        ola.setFollowUp("Send contract copy", due: days(7))
        return [liga, nino, sakura, ola]
    }

    static var workspace: Workspace { Workspace(influencers: influencers, campaigns: campaigns, deals: deals) }

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(workspace: workspace, now: now, timeZone: utc, size: Size(width: width, height: height), author: "tester")
    }

    /// The screen for `state` as text lines.
    static func render(_ state: AppState, width: Int? = nil, height: Int? = nil) -> [String] {
        var buffer = Buffer(width: width ?? state.size.width, height: height ?? state.size.height)
        AppView.render(state, into: &buffer, theme: .monochrome)
        return buffer.lines()
    }
}

/// Turns a string into key events: each character a key, with `<Enter>`, `<Esc>`, `<Tab>`, `<Up>`, `<Down>`,
/// `<Left>`, `<Right>`, `<BS>`, `<C-x>` (Ctrl), `<M-x>` (Alt) for special keys.
func keys(_ script: String) -> [InputEvent] {
    var out: [InputEvent] = []
    var rest = Substring(script)
    let named: [String: KeyEvent] = [
        "Enter": KeyEvent(.enter), "Esc": KeyEvent(.escape), "Tab": KeyEvent(.tab), "S-Tab": KeyEvent(.backTab),
        "Up": KeyEvent(.up), "Down": KeyEvent(.down), "Left": KeyEvent(.left), "Right": KeyEvent(.right),
        "BS": KeyEvent(.backspace), "PgDn": KeyEvent(.pageDown), "PgUp": KeyEvent(.pageUp), "Space": .char(" "),
    ]
    while let first = rest.first {
        if first == "<", let close = rest.firstIndex(of: ">") {
            let name = String(rest[rest.index(after: rest.startIndex)..<close])
            if let key = named[name] {
                out.append(.key(key))
            } else if name.hasPrefix("C-"), let c = name.last {
                out.append(.key(.ctrl(c)))
            } else if name.hasPrefix("M-"), let c = name.last {
                out.append(.key(.alt(c)))
            } else {
                out += name.map { .key(.char($0)) }
            }
            rest = rest[rest.index(after: close)...]
        } else {
            out.append(.key(.char(first)))
            rest = rest.dropFirst()
        }
    }
    return out
}

/// A scripted `$EDITOR`: returns `result(text)` and counts calls.
final class ScriptedEditor: TextEditing {
    var result: (String) -> String
    private(set) var calls: [String] = []

    init(_ result: @escaping (String) -> String) { self.result = result }

    func edit(_ text: String, on terminal: any Terminal) -> Result<String, EditorFailure> {
        calls.append(text)
        return .success(result(text))
    }
}

/// A temp data folder with the fixture saved in it, a runner on a `TestTerminal`, and a settable clock.
final class Harness {
    let folder: String
    let store: RecordStore
    let terminal: TestTerminal
    let runner: AppRunner
    let editor: ScriptedEditor
    var now: Date

    /// `prepare` adds records or settings to the folder before the app loads it; `user` is who runs the app.
    init(width: Int = 80, height: Int = 24, seed: Bool = true, editor: ScriptedEditor = ScriptedEditor { $0 },
         user: UserIdentity = UserIdentity(name: "tester", login: "tester"),
         prepare: (RecordStore) throws -> Void = { _ in }) throws {
        folder = NSTemporaryDirectory() + "reach-app-tests-" + UUID().uuidString
        let diskFull = self.diskFull, busy = self.busy, slowDisk = self.slowDisk
        // As the app opens the folder: a save or delete waits at most 0.15 s for another session's lock.
        let options = StoreOptions(lockTimeout: .milliseconds(150), writeHook: { step, target in
            if step == .writeTemp { slowDisk.pass() }
            if diskFull.isOn, step == .writeTemp { throw StoreError.io(operation: "write", path: target, errno: ENOSPC) }
            if busy.isOn, step == .writeTemp { throw StoreError.lockTimeout(path: target, seconds: 0.15) }
        })
        store = try RecordStore(folder: folder, options: options)
        if seed {
            for r in Fx.influencers { _ = try store.save(r, expectedRevision: 0) }
            for r in Fx.campaigns { _ = try store.save(r, expectedRevision: 0) }
            for r in Fx.deals { _ = try store.save(r, expectedRevision: 0) }
        }
        try prepare(store)
        now = Fx.now
        terminal = TestTerminal(width: width, height: height)
        self.editor = editor
        let loaded = WorkspaceLoader.load(from: store)
        let state = AppState(workspace: loaded.workspace, now: Fx.now, timeZone: Fx.utc, user: user)
        let clockBox = ClockBox(Fx.now)
        self.clock = clockBox
        runner = AppRunner(terminal: terminal, store: store, state: state, clock: { clockBox.now }, editor: editor,
                           theme: .monochrome)
    }

    private let clock: ClockBox
    /// While on, every write fails as if the disk were full.
    let diskFull = FailSwitch()
    /// While on, every write fails as if another session held the folder's lock.
    let busy = FailSwitch()
    /// While closed, every write waits (as on a slow disk) until it opens.
    let slowDisk = WriteGate()

    /// Moves the injected clock.
    func advance(seconds: TimeInterval) { clock.now = clock.now.addingTimeInterval(seconds) }

    /// Types `script` (see `keys`) and runs until idle; returns the screen.
    @discardableResult
    func type(_ script: String) -> [String] {
        terminal.queuedEvents += keys(script)
        runner.runUntilIdle()
        return terminal.snapshot()
    }

    var screen: String { terminal.snapshot().joined(separator: "\n") }
    var state: AppState { runner.state }

    /// A second session on the same folder.
    func otherStore() throws -> RecordStore { try RecordStore(folder: folder) }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// A flag shared with the store's write hook.
final class FailSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isOn: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// A gate in the store's write hook: while closed, a write waits at it (holding the folder's lock, as a slow disk
/// would), and the test can wait until one does.
final class WriteGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var closed = false
    private var waiting = 0
    private var allowed = 0

    func close() { condition.withLock { closed = true } }

    func open() {
        condition.withLock {
            closed = false
            condition.broadcast()
        }
    }

    /// Lets `count` writes through, then stays closed.
    func letThrough(_ count: Int) {
        condition.withLock {
            allowed += count
            condition.broadcast()
        }
    }

    /// Called by the write hook: waits while the gate is closed.
    func pass() {
        condition.withLock {
            waiting += 1
            condition.broadcast()
            while closed, allowed == 0 { condition.wait() }
            if closed { allowed -= 1 }
            waiting -= 1
        }
    }

    /// Waits (up to 10 s) until a write is waiting at the closed gate; true when one is.
    func waitForAWrite() -> Bool {
        condition.withLock {
            let deadline = Date().addingTimeInterval(10)
            while waiting == 0, condition.wait(until: deadline) {}
            return waiting > 0
        }
    }
}

/// A mutable clock the runner reads.
final class ClockBox: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}

extension Workspace {
    /// Every creator's followers as their full record gives them: what a report is checked against, made without the
    /// workspace's roster facts.
    var followersFromFullCreators: [RecordID: Int] {
        Dictionary(allInfluencers.compactMap { creator in creator.followers.map { (creator.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
