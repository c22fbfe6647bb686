import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Escape sequences, controls, bidi overrides and invisible characters in names, notes and timelines: drawn as
/// visible placeholders on every screen, never shifting other rows, stored byte for byte, and a 100 KB paste
/// kept whole.
@Suite("Hostile text")
struct HostileTextTests {
    static let sizes = [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    /// The state after `events` (through `update`, no store).
    func state(_ events: [InputEvent], size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = FuzzWorld.state(width: size.width, height: size.height)
        for event in events { _ = App.update(&state, .input(event)) }
        return state
    }

    func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(size: state.size)
        AppView.render(state, into: &buffer, theme: .monochrome)
        return buffer
    }

    /// Every screen that shows user text: lists, details of every creator and deal, popups quoting names.
    func screens(size: Size) -> [(String, AppState)] {
        var out: [(String, AppState)] = [("today", state([], size: size)), ("roster", state(keys("2"), size: size)),
                                         ("help", state(keys("2?"), size: size)), ("palette", state(keys(":evil"), size: size)),
                                         ("search", state(keys("2/") + [.paste("\u{1b}[2J\u{202e}x")], size: size))]
        for influencer in FuzzWorld.influencers() {
            var detail = state([], size: size)
            RosterPane.open(influencer.id, &detail)
            out.append(("creator \(influencer.displayName.debugDescription)", detail))
            var edit = detail
            _ = App.update(&edit, .input(.key(KeyEvent(.escape))))
            _ = App.update(&edit, .input(.key(.char("e"))))
            out.append(("edit form of \(influencer.displayName.debugDescription)", edit))
            var delete = detail
            _ = App.update(&delete, .input(.key(KeyEvent(.escape))))
            _ = App.update(&delete, .input(.key(.char("d"))))
            out.append(("delete dialog of \(influencer.displayName.debugDescription)", delete))
        }
        for deal in FuzzWorld.deals() {
            var page = state([], size: size)
            DealDetailPane.open(deal.id, &page)
            out.append(("deal \(deal.id)", page))
        }
        var conflict = state([], size: size)
        var mine = FuzzWorld.influencers()[13], theirs = mine
        mine.notes = "mine \u{1b}]0;pwned\u{7}"
        theirs.displayName = "theirs \u{202e}gnp.exe"
        _ = App.update(&conflict, .conflict(mine: .influencer(mine), theirs: .influencer(theirs), theirsRevision: 2))
        out.append(("conflict", conflict))
        var problems = state([], size: size)
        problems.loadProblems = ["deals/x.json: \u{1b}[2J damaged \u{9b}6n at line 1"]
        problems.show("Saved \u{1b}]0;pwned\u{7} \u{202e}olleh", .error)
        for event in keys(":load<Enter>") { _ = App.update(&problems, .input(event)) }
        out.append(("load problems and a status message", problems))
        return out
    }

    @Test("no escape, control, bidi or invisible character reaches a cell, on any screen or size", arguments: sizes)
    func safeEverywhere(_ size: Size) {
        for (name, state) in screens(size: size) {
            let problems = AppInvariants.screenProblems(state, render(state), size: size)
            #expect(problems.isEmpty, "\(name) at \(FuzzWorld.describe(size)): \(problems.prefix(3))")
        }
    }

    @Test("hostile text shows as visible placeholders")
    func placeholders() {
        let lines = render(state(keys("2"), size: Size(width: 200, height: 60))).lines()
        #expect(lines.contains { $0.hasPrefix("Evil ^[]0;pwned^GTitle ") })
        #expect(lines.contains { $0.hasPrefix("Clear ^[[2J Screen ") })
        #expect(lines.contains { $0.hasPrefix("Red ^[[31mText ") })
        #expect(lines.contains { $0.hasPrefix("C1 <9B>31m Control ") })
        #expect(lines.contains { $0.hasPrefix("Bell^G^H^@ Nul ") })
        #expect(lines.contains { $0.hasPrefix("\u{FFFD}desrever\u{FFFD} Name ") }, "bidi overrides are visible")
        #expect(lines.contains { $0.hasPrefix("ZeroWidth\u{200d}Joiner ") }, "zero-width spaces are dropped; a joiner stays joined")
    }

    @Test("a row with a hostile name does not shift the columns of any row", arguments: sizes.dropFirst())
    func columnsStayAligned(_ size: Size) throws {
        let buffer = render(state(keys("2"), size: size))
        let columns = try MixedScriptTests.handleColumns(buffer, rows: FuzzWorld.names.count)
        #expect(Set(columns.values).count == 1, "handle column per row: \(columns)")
    }

    @Test("Today's columns stay aligned when creators, campaigns and tasks carry hostile text", arguments: sizes.dropFirst())
    func todayColumnsStayAligned(_ size: Size) {
        let buffer = render(state([], size: size))
        var columns: [Int] = []
        for y in 0..<buffer.height {
            guard let x = ScreenInspection.column(of: "our move", inRow: y, of: buffer)
                ?? ScreenInspection.column(of: "their move", inRow: y, of: buffer) else { continue }
            columns.append(MixedScriptTests.terminalColumn(x: x, y: y, buffer))
        }
        #expect(columns.count >= min(10, size.height - 6), "rows with whose move: \(columns.count)")
        #expect(Set(columns).count == 1, "the Whose move column starts at \(Set(columns).sorted())")
    }

    /// About 100 KB of one kind of hostile text, no line breaks.
    static let bigPastes: [(String, String)] = [
        ("mixed", HostileText.big(bytes: 100_000)),
        ("escape sequences", String(repeating: "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m", count: 5_300)),
        ("CJK", String(repeating: "田中さくら", count: 6_700)),
        ("emoji sequences", String(repeating: "👩‍💻🇱🇻👍🏽", count: 4_000)),
        ("one combining cluster", "Z" + String(repeating: "\u{301}", count: 50_000)),
        ("right-to-left with overrides", String(repeating: "\u{202e}שלום مرحبا\u{202c} ", count: 3_900)),
    ]

    /// How fast this stays is `reach-bench`'s `app.paste-100kb` case; here, what must hold.
    @Test("a 100 KB paste into a form field is taken whole, edited and saved", arguments: bigPastes.map(\.0))
    func bigPasteIntoForm(_ kind: String) throws {
        let text = try #require(Self.bigPastes.first { $0.0 == kind }?.1)
        #expect(text.utf8.count >= 95_000)
        var state = state(keys("2n"), size: Size(width: 120, height: 40))
        _ = App.update(&state, .input(.paste(text)))
        guard case .form(let form)? = state.overlays.last else { Issue.record("no form"); return }
        #expect(Array(form.form.fields[0].value.utf8) == Array(text.utf8), "the pasted text is kept verbatim")
        for key in [KeyEvent.char("x"), KeyEvent(.left), KeyEvent(.home), .char("y"), .ctrl("e")] {
            _ = App.update(&state, .input(.key(key)))
            let buffer = render(state)
            #expect(ScreenInspection.problems(buffer, expected: buffer.size).isEmpty, "after \(KeyLabel.text(key))")
        }
        guard case .form(let edited)? = state.overlays.last else { Issue.record("the form closed"); return }
        #expect(Array(edited.form.fields[0].value.utf8) == Array(("y" + text + "x").utf8), "x typed at the end, y at the start")
        _ = App.update(&state, .input(.key(KeyEvent(.enter))))
        #expect(state.workspace.allInfluencers.contains { $0.displayName.utf8.count > 95_000 })
        let roster = render(state)
        #expect(ScreenInspection.problems(roster, expected: roster.size).isEmpty)
    }

    /// How fast this stays is `reach-bench`'s `app.paste-100kb` case; here, what must hold.
    @Test("a 100 KB paste into the roster search is kept whole and can be edited", arguments: bigPastes.map(\.0))
    func bigPasteIntoSearch(_ kind: String) throws {
        let text = try #require(Self.bigPastes.first { $0.0 == kind }?.1)
        var state = state(keys("2/"), size: Size(width: 120, height: 40))
        _ = App.update(&state, .input(.paste(text)))
        #expect(Array(state.roster.search.text.utf8) == Array(text.utf8))
        for key in [KeyEvent(.backspace), .char("a"), .ctrl("w"), KeyEvent(.enter)] {
            _ = App.update(&state, .input(.key(key)))
            let buffer = render(state)
            #expect(ScreenInspection.problems(buffer, expected: buffer.size).isEmpty, "after \(KeyLabel.text(key))")
        }
        #expect(!state.roster.isSearching, "Enter keeps the results and leaves the field")
    }

    @Test("names, notes and activity summaries are saved byte for byte, whatever they contain")
    func storedVerbatim() throws {
        let name = "Evil \u{1b}]0;pwned\u{7} \u{1b}[2J\u{1b}[31m\u{0}\u{1}\u{7f}\u{80}\u{9b}\u{202e}txet\u{200b}\u{200d}\u{feff}e\u{301} 田中 👩‍💻"
        let notes = "Line one \u{1b}[2J\u{9b}31m\nLine two \u{202e}\u{2066}\u{200b}\n\n\u{7}end"
        let summary = "Replied \u{1b}]0;pwned\u{7}\u{202e}olleh\u{200b}\u{0}\u{9f}"
        let editor = ScriptedEditor { _ in notes + "\n" }
        let h = try StoreHarness(editor: editor)
        // Create a creator with the hostile name (pasted), then edit its notes in $EDITOR.
        h.type("2n")
        h.send([.paste(name), .key(KeyEvent(.enter))])
        // It looks like "Evil …Title" already on the roster: add it anyway.
        if case .confirm(let dialog)? = h.state.overlays.last, dialog.title == "Possible duplicate" { h.type("a") }
        let created = try #require(h.state.workspace.allInfluencers.first { $0.displayName.hasPrefix("Evil \u{1b}]0;pwned\u{7} ") })
        #expect(h.state.overlays.isEmpty && h.state.pendingSaves.isEmpty)
        h.type("E")
        #expect(editor.calls.count == 1)
        // Log an activity with a hostile summary on the first deal of Today.
        h.type("1gga")
        h.send([.paste(summary), .key(KeyEvent(.enter))])
        let dealID = try #require(h.state.today.selectedDealID)

        let fresh = try h.otherStore()
        let savedCreator = try #require(try fresh.load(Influencer.self, id: created.id))
        #expect(Array(savedCreator.displayName.utf8) == Array(name.utf8))
        #expect(Array((savedCreator.notes ?? "").utf8) == Array(notes.utf8))
        let creatorJSON = try h.json(.influencer, created.id)
        #expect(((creatorJSON["displayName"] as? String) ?? "").utf8.elementsEqual(name.utf8), "the file itself holds the name")
        #expect(((creatorJSON["notes"] as? String) ?? "").utf8.elementsEqual(notes.utf8))
        let savedDeal = try #require(try fresh.load(Deal.self, id: dealID))
        #expect(savedDeal.activities.contains { Array($0.summary.utf8) == Array(summary.utf8) })
        let dealJSON = try h.json(.deal, dealID)
        let summaries = (dealJSON["activities"] as? [[String: Any]] ?? []).compactMap { $0["summary"] as? String }
        #expect(summaries.contains { $0.utf8.elementsEqual(summary.utf8) })
        // And on screen it is all placeholders.
        let screen = h.type("2")
        #expect(ScreenInspection.problems(h.terminal.frames.last ?? Buffer(width: 0, height: 0), expected: h.terminal.size).isEmpty)
        #expect(screen.contains { $0.contains("│ Evil ^[]0;pwned^G ") }, "the creator's detail shows the name")
        #expect(screen.contains { $0.contains("^[[2J^[[31m^@^A^?<80><9B>\u{FFFD}txet") })
        #expect(screen.contains { $0.contains("Line one ^[[2J<9B>31m") })
    }
}
