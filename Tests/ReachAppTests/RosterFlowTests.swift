import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Keystroke scripts through the real runner, a `TestTerminal` and a temp-folder store.
@Suite("Roster flows")
struct RosterFlowTests {
    /// The JSON of a record file as a dictionary.
    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("n opens the form; a new creator is saved as a JSON file with the typed fields")
    func addCreator() throws {
        let h = try Harness()
        h.type("2n")
        h.type("Zane Ozola<Tab><Tab>@Zane.Makeup<Tab>15400<Tab>zane@example.lv<Tab>lv<Tab>Liepāja<Tab>lv, en<Tab><Tab>beauty<Tab>skincare")
        let screen = h.type("<Enter>")
        let id = try #require(h.state.workspace.allInfluencers.first { $0.displayName == "Zane Ozola" }?.id)
        let object = try json(h.store.layout.recordFile(.influencer, id))
        #expect(object["displayName"] as? String == "Zane Ozola")
        #expect(object["country"] as? String == "LV")
        #expect(object["city"] as? String == "Liepāja")
        #expect(object["languages"] as? [String] == ["lv", "en"])
        #expect(object["niches"] as? [String] == ["skincare"])
        #expect((object["contact"] as? [String: Any])?["email"] as? String == "zane@example.lv")
        let account = try #require((object["accounts"] as? [[String: Any]])?.first)
        #expect(account["handle"] as? String == "zane.makeup")
        #expect(account["platform"] as? String == "instagram")
        let snapshot = try #require((account["snapshots"] as? [[String: Any]])?.first)
        #expect(snapshot["followers"] as? Int == 15_400)
        #expect(screen.contains { $0.contains("Saved Zane Ozola") })
        #expect(h.state.roster.selectedID == id)
    }

    @Test("validation: a bad email and a bad country keep the form open with ReachCore's messages")
    func validation() throws {
        let h = try Harness()
        h.type("2n")
        h.type("Bad Data<Tab><Tab><Tab><Tab>not-an-email<Tab>Latvia<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("form closed"); return }
        #expect(form.form[InfluencerForm.Key.email]?.error?.contains("not a valid email address") == true)
        #expect(form.form[InfluencerForm.Key.country]?.error?.contains("two-letter ISO country code") == true)
        #expect(!h.state.workspace.allInfluencers.contains { $0.displayName == "Bad Data" })
        let screen = h.screen
        #expect(screen.contains("⚠ \"not-an-email\" is not a valid email address"))
    }

    @Test("an empty name is refused")
    func requiredName() throws {
        let h = try Harness()
        h.type("2n<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("form closed"); return }
        #expect(form.form.fields[0].error != nil)
    }

    @Test("creating a duplicate (same handle) warns and can open the existing creator")
    func duplicate() throws {
        let h = try Harness()
        h.type("2n")
        h.type("Liga B<Tab><Tab>https://www.instagram.com/Liga.Skin/<Enter>")
        guard case .confirm(let dialog)? = h.state.overlays.last else { Issue.record("no duplicate warning"); return }
        #expect(dialog.message.contains("Līga Bērziņa is already on the roster (same Instagram handle @liga.skin)"))
        h.type("o")
        #expect(h.state.overlays.isEmpty)
        #expect(h.state.roster.selectedID == Fx.liga)
        #expect(h.state.roster.focus == .detail)
        #expect(h.state.workspace.creatorCount == 5)
    }

    @Test("a duplicate can still be added on purpose")
    func duplicateAddAnyway() throws {
        let h = try Harness()
        h.type("2n")
        h.type("Liga Second<Tab><Tab>@liga.skin<Enter>a")
        #expect(h.state.workspace.creatorCount == 6)
    }

    @Test("/ searches as you type; Esc clears; Enter keeps the results")
    func search() throws {
        let h = try Harness()
        h.type("2/")
        #expect(h.state.roster.isSearching)
        h.type("nino")
        #expect(h.state.roster.rows.first == Fx.nino, "best match first")
        h.type(" ber")
        #expect(h.state.roster.rows == [Fx.nino], "every term must match")
        h.type("<Esc>")
        #expect(h.state.roster.rows.count == 5)
        #expect(h.state.roster.search.text.isEmpty)
        h.type("/tanaka<Enter>")
        #expect(!h.state.roster.isSearching)
        #expect(h.state.roster.rows == [Fx.sakura])
        let screen = h.type("q")
        #expect(h.state.shouldQuit, "q quits once the search is no longer taking keys")
        #expect(screen[1].contains("search “tanaka”"))
    }

    @Test("typing q in the search field types a q")
    func searchTakesGlobalKeys() throws {
        let h = try Harness()
        h.type("2/q")
        #expect(!h.state.shouldQuit)
        #expect(h.state.roster.search.text == "q")
        h.type("<C-c>")
        #expect(h.state.shouldQuit, "Ctrl-C quits even while typing")
    }

    @Test("edit changes the file and u undoes the edit on disk")
    func editAndUndo() throws {
        let h = try Harness()
        h.type("2")
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.ola))
        h.type(String(repeating: "j", count: row))
        h.type("e<C-u>Ola N.<Enter>")
        let path = h.store.layout.recordFile(.influencer, Fx.ola)
        #expect(try json(path)["displayName"] as? String == "Ola N.")
        #expect(try json(path)["revision"] as? Int == 2)
        h.type("u")
        #expect(try json(path)["displayName"] as? String == "Ola Nordmann")
        #expect(h.state.workspace.influencer(Fx.ola)?.displayName == "Ola Nordmann")
    }

    @Test("d asks, moves the file to the trash, and u restores it")
    func deleteAndRestore() throws {
        let h = try Harness()
        h.type("2")
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.dilnoza))
        h.type(String(repeating: "j", count: row) + "d")
        guard case .confirm? = h.state.overlays.last else { Issue.record("no confirmation"); return }
        h.type("<Enter>")
        let live = h.store.layout.recordFile(.influencer, Fx.dilnoza)
        let trash = h.store.layout.trashFile(.influencer, Fx.dilnoza)
        #expect(!FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: trash))
        #expect(h.state.workspace.influencer(Fx.dilnoza) == nil)
        h.type("u")
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(h.state.workspace.influencer(Fx.dilnoza)?.displayName == "Dilnoza Karimova")
    }

    @Test("Esc in the delete dialog cancels")
    func deleteCancelled() throws {
        let h = try Harness()
        h.type("2d<Esc>")
        #expect(h.state.workspace.creatorCount == 5)
        #expect(h.state.overlays.isEmpty)
    }

    @Test("s cycles the sort column, S flips it; the header shows the indicator")
    func sort() throws {
        let h = try Harness()
        var screen = h.type("2ss")
        #expect(h.state.roster.sortColumn == .followers)
        #expect(h.state.roster.rows.first == Fx.nino, "figures start biggest first")
        #expect(screen[2].contains("Followers ▼"))
        screen = h.type("S")
        #expect(h.state.roster.rows.first == Fx.ola)
        #expect(screen[2].contains("Followers ▲"))
        screen = h.type("s")
        #expect(screen[2].contains("Tier ▼"))
    }

    @Test("E edits notes in $EDITOR and saves them")
    func notesInEditor() throws {
        let h = try Harness(editor: ScriptedEditor { $0 + "\nLikes long briefs.\n" })
        h.type("2")
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.liga))
        h.type(String(repeating: "j", count: row) + "E")
        #expect(h.editor.calls == ["Prefers email."])
        let object = try json(h.store.layout.recordFile(.influencer, Fx.liga))
        #expect(object["notes"] as? String == "Prefers email.\nLikes long briefs.")
    }
}
