import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// Whole-screen snapshots of the Roster and the popups, and drawing at tiny sizes.
@Suite("Screens")
struct ScreenTests {
    /// The fixture state after `script` (keys through `update`, no store).
    func state(_ script: String, width: Int = 80, height: Int = 24) -> AppState {
        var state = Fx.state(width: width, height: height)
        for event in keys(script) { _ = App.update(&state, .input(event)) }
        return state
    }

    @Test("roster at 80x24: columns that fit, stale and estimate marks, do-not-contact mark")
    func roster80() {
        let lines = Fx.render(state("2"))
        expectSnapshot(lines, "roster-80x24")
        #expect(lines[1] == "5 of 5 creators · sort: Name ▲" + String(repeating: " ", count: 50))
        #expect(lines[2].hasPrefix("Name ▲"))
        #expect(lines.contains { $0.hasPrefix("Nino Beridze") && $0.contains("TT @nino.eats") && $0.contains("1.2M!") && $0.contains("Mega") })
        #expect(lines.contains { $0.hasPrefix("Ola Nordmann") && $0.contains("950~") && $0.contains("Nano") })
        #expect(lines.contains { $0.hasPrefix("⊘ Dilnoza Karimova") })
    }

    @Test("roster at 120x40 shows the detail beside the table")
    func roster120() {
        let lines = Fx.render(state("2j", width: 120, height: 40))
        expectSnapshot(lines, "roster-120x40")
        #expect(lines[2].contains("┌ Creator"))
        #expect(lines[3].hasPrefix("⊘ Dilnoza Karimova") && lines[3].contains("│ Līga Bērziņa "))
        #expect(lines.contains { $0.contains("│   Instagram @liga.skin · 42k followers") })
        #expect(lines.contains { $0.contains("│   2024-06-06 email → Sent brief ·") })
    }

    @Test("roster at 100x40 shows the detail below the table")
    func rosterStacked() {
        let lines = Fx.render(state("2", width: 100, height: 40))
        #expect(lines.contains { $0.hasPrefix("┌ Creator") })
    }

    @Test("detail at 80x24 opens full screen with Enter and scrolls")
    func detail80() {
        var s = state("2jj<Enter>")
        expectSnapshot(Fx.render(s), "roster-detail-80x24")
        #expect(Fx.render(s).contains { $0.contains("TikTok @nino.eats · 1.2M followers · 45d old · stale · ER 6.1%") })
        for _ in 0..<2 { _ = App.update(&s, .input(.key(.char("j")))) }
        #expect(Fx.render(s)[3] == "│ GE · ka, en" + String(repeating: " ", count: 66) + "│", "scrolled two lines")
        _ = App.update(&s, .input(.key(KeyEvent(.escape))))
        #expect(s.roster.focus == .table)
    }

    @Test("new-creator form at 80x24 and 120x40, with validation messages")
    func form() {
        expectSnapshot(Fx.render(state("2n")), "form-new-80x24")
        let invalid = Fx.render(state("2n<Tab><Tab><Tab><Tab>bad@<Enter>", width: 120, height: 40))
        expectSnapshot(invalid, "form-invalid-120x40")
        #expect(invalid.contains { $0.contains("⚠ Required: enter a value.") })
        #expect(invalid.contains { $0.contains("⚠ \"bad@\" is not a valid email address") }, "all problems show at once")
    }

    @Test("help lists every key of the current screen and closes with Esc")
    func help() {
        let s = state("2?")
        expectSnapshot(Fx.render(s), "help-roster-80x24")
        expectSnapshot(Fx.render(state("?", width: 120, height: 40)), "help-today-120x40")
        let today = Fx.render(state("?", width: 120, height: 40)).joined(separator: "\n")
        for label in ["Log activity", "Next step (what, due, whose move)", "Set follow-up date", "Next stage", "Open deal"] {
            #expect(today.contains(label))
        }
        #expect(!today.contains("Switch table"), "roster keys are not listed on Today")
        // The rest of Today's keys are further down the (scrollable) overlay: the daily loop's are all listed.
        let listed = KeyDispatch.helpSections(state("")).flatMap(\.bindings).map(\.help)
        for label in ["Assign owner…", "Whose deals: mine → everyone → one owner", "Mark / unmark and move down",
                      "Mark from the last mark to here", "Bulk actions on the marked rows…", "Undo", "Commands"] {
            #expect(listed.contains(label))
        }
    }

    @Test("every key listed in help does what update does (help comes from the dispatch keymap)")
    func helpMatchesDispatch() {
        for tab in Tab.allCases {
            var s = Fx.state()
            s.tab = tab
            for section in KeyDispatch.helpSections(s) {
                for binding in section.bindings {
                    for sequence in binding.sequences {
                        guard case .run(let resolved) = KeyDispatch.resolve(sequence, in: KeyDispatch.activeSections(s)) else {
                            Issue.record("\(binding.keyLabel) listed but not dispatched on \(tab)")
                            continue
                        }
                        #expect(resolved.help == binding.help, "\(binding.keyLabel) on \(tab)")
                    }
                }
            }
        }
    }

    @Test("palette: fuzzy commands and creators by name")
    func palette() {
        let s = state(":new")
        expectSnapshot(Fx.render(s), "palette-80x24")
        expectSnapshot(Fx.render(state(":", width: 120, height: 40)), "palette-120x40")
        var jump = state(":nino")
        let matches = CommandRegistry.matches("nino", jump)
        #expect(matches.first?.title == "Open creator: Nino Beridze")
        _ = App.update(&jump, .input(.key(KeyEvent(.enter))))
        #expect(jump.tab == .roster && jump.roster.selectedID == Fx.nino && jump.overlays.isEmpty)
        var quit = state(":quit<Enter>")
        #expect(quit.shouldQuit)
        _ = App.update(&quit, .tick(Fx.now))
    }

    @Test("tiny terminals never crash; below 40x10 a notice is shown", arguments: [
        (1, 1), (2, 1), (20, 5), (39, 10), (40, 9), (40, 10), (40, 12), (200, 60),
    ])
    func tiny(width: Int, height: Int) {
        for script in ["", "2", "2<Enter>", "2n", "?", ":", "<Enter>", "X", "f"] {
            let lines = Fx.render(state(script, width: width, height: height))
            #expect(lines.count == height)
            if width < 40 || height < 10, width >= 20, height >= 3 {
                #expect(lines.joined().contains("Terminal too small"))
            }
        }
    }

    @Test("the runner survives resizing down to 1x1 and back")
    func resizeThroughRunner() throws {
        let h = try Harness()
        h.type("2n")
        h.terminal.resize(width: 1, height: 1)
        h.type("abc<Tab>")
        h.terminal.resize(width: 20, height: 5)
        h.type("<Esc>j")
        h.terminal.resize(width: 80, height: 24)
        let screen = h.type("")
        #expect(screen.count == 24)
        #expect(screen[1].hasPrefix("5 of 5 creators"))
    }

    @Test("F1 in a popup lists that popup's keys, from the keymap that handles them; ? does too where nothing is typed")
    func popupHelp() {
        var s = state("a")
        let hints = AppView.statusHints(s).map(\.key)
        #expect(hints.contains("Alt-d") && hints.contains("F1"), "the log dialog's shortcuts are hinted: \(hints)")
        for event in keys("?") { _ = App.update(&s, .input(event)) }
        guard case .form(let form)? = s.overlays.last else { Issue.record("? is typed into the form"); return }
        #expect(form.form.fields[form.form.focus].value == "?")
        _ = App.update(&s, .input(.key(KeyEvent(.function(1)))))
        let help = Fx.render(s, width: 120, height: 40).joined(separator: "\n")
        #expect(help.contains("Keys · Log activity · Līga Bērziņa · Serum launch"))
        for line in ["keep next step", "done", "replace", "next field", "Choose an option (or type its first letter)"] {
            #expect(help.contains(line), "missing \(line)")
        }
        _ = App.update(&s, .input(.key(KeyEvent(.escape))))
        guard case .form? = s.overlays.last else { Issue.record("Esc closes the help, not the form"); return }
        // A confirmation takes no typing: `?` shows its keys.
        var confirm = state("x")
        _ = App.update(&confirm, .input(.key(KeyEvent(.escape))))
        confirm.overlays.append(.confirm(ConfirmDialog(title: "Leave?", message: "Sure?", buttons: ["Leave", "Stay"]) { _, _ in [] }))
        _ = App.update(&confirm, .input(.key(.char("?"))))
        let dialogHelp = Fx.render(confirm, width: 120, height: 40).joined(separator: "\n")
        #expect(dialogHelp.contains("Keys · Leave?") && dialogHelp.contains("A button's first letter chooses it"))
    }
}
