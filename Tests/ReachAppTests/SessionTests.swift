import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Deals worked from Today, reloads, other sessions and conflicts, through the runner and a real data folder.
@Suite("Sessions")
struct SessionTests {
    func selectToday(_ h: Harness, deal: RecordID) throws {
        let index = try #require(h.state.today.items.firstIndex { $0.dealID == deal })
        h.type("gg" + String(repeating: "j", count: index))
        #expect(h.state.today.selectedDealID == deal)
    }

    @Test("f sets the next follow-up; it is saved and shows on Today")
    func followUp() throws {
        let h = try Harness()
        #expect(!h.state.today.items.contains { $0.dealID == Fx.dealOla && $0.kind == .followUpDue })
        try selectToday(h, deal: Fx.dealOla)
        h.type("f")
        guard case .prompt(let prompt)? = h.state.overlays.last else { Issue.record("no date prompt"); return }
        #expect(prompt.field.text == "2024-06-17")
        h.type("<C-u>someday<Enter>")
        guard case .prompt(let refused)? = h.state.overlays.last else { Issue.record("a bad date closed the prompt"); return }
        #expect(refused.error?.contains("is not a date") == true)
        let screen = h.type("<C-u>today<Enter>")
        let deal = try #require(try h.store.load(Deal.self, id: Fx.dealOla))
        #expect(deal.nextAction?.summary == "Send contract copy")
        #expect(deal.nextAction.map { Humanize.day($0.due, timeZone: Fx.utc) } == "2024-06-10")
        #expect(h.state.today.rows.first == .header(.followUps, count: 3))
        #expect(screen.contains { $0.contains("today") && $0.contains("Ola Nordmann") && $0.contains("Send contract copy") })
    }

    @Test("a logs an activity on the deal")
    func logActivity() throws {
        let h = try Harness()
        try selectToday(h, deal: Fx.dealLiga)
        h.type("a")
        guard case .form? = h.state.overlays.last else { Issue.record("no activity form"); return }
        h.type("<S-Tab><Right><Tab>Replied with rates<Enter>")
        let deal = try #require(try h.store.load(Deal.self, id: Fx.dealLiga))
        let activity = try #require(deal.activities.last)
        #expect(activity.summary == "Replied with rates")
        #expect(activity.channel == .email)
        #expect(activity.direction == .inbound)
        #expect(activity.author == "tester")
        #expect(activity.at == Fx.now)
    }

    @Test("changes survive a reload from disk (a new store instance)")
    func reload() throws {
        let h = try Harness()
        h.type(">")
        h.type("2n")
        h.type("Reloaded Creator<Enter>")
        let fresh = WorkspaceLoader.load(from: try h.otherStore())
        #expect(fresh.problems.isEmpty)
        #expect(fresh.workspace.deal(Fx.dealLiga)?.stage == .contracted)
        #expect(fresh.workspace.allInfluencers.contains { $0.displayName == "Reloaded Creator" })
    }

    @Test("an edit by another session appears after the next poll")
    func externalEdit() throws {
        let h = try Harness()
        h.type("2")
        let other = try h.otherStore()
        var nino = try #require(try other.load(Influencer.self, id: Fx.nino))
        nino.displayName = "Nino B. (edited elsewhere)"
        _ = try other.save(nino)
        var screen = h.type("")
        #expect(!screen.joined().contains("edited elsewhere"), "no poll before the interval")
        h.advance(seconds: 1.5)
        screen = h.type("")
        #expect(h.state.workspace.influencer(Fx.nino)?.displayName == "Nino B. (edited elsewhere)")
        #expect(screen.contains { $0.contains("Nino B. (edited") })
        #expect(screen.last?.contains("1 change made outside this session") == true)
    }

    @Test("a record deleted elsewhere disappears; one added elsewhere appears")
    func externalAddAndDelete() throws {
        let h = try Harness()
        let other = try h.otherStore()
        _ = try other.delete(Influencer.self, id: Fx.ola, expectedRevision: 1)
        _ = try other.save(Influencer(id: Fx.id(9), createdAt: Fx.now, displayName: "New From Elsewhere"), expectedRevision: 0)
        h.advance(seconds: 2)
        h.type("2")
        #expect(h.state.workspace.influencer(Fx.ola) == nil)
        #expect(h.state.roster.rows.contains(Fx.id(9)))
    }

    /// Edits Ola's name here while another session changes Ola's country, then saves.
    func conflict() throws -> Harness {
        let h = try Harness()
        h.type("2")
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.ola))
        h.type(String(repeating: "j", count: row) + "e<C-u>Ola (mine)")
        let other = try h.otherStore()
        var theirs = try #require(try other.load(Influencer.self, id: Fx.ola))
        theirs.country = "SE"
        _ = try other.save(theirs)
        h.type("<Enter>")
        guard case .conflict(let dialog)? = h.state.overlays.last else {
            Issue.record("no conflict dialog")
            return h
        }
        #expect(dialog.differences.contains { $0.hasPrefix("country: theirs “SE” · mine “NO”") })
        #expect(dialog.differences.contains { $0.hasPrefix("displayName: theirs “Ola Nordmann” · mine “Ola (mine)”") })
        #expect(h.screen.contains("Someone else saved Ola (mine) while you were editing it."))
        return h
    }

    @Test("conflict: keep mine saves mine; u brings theirs back")
    func conflictKeepMine() throws {
        let h = try conflict()
        h.type("m")
        var disk = try #require(try h.store.load(Influencer.self, id: Fx.ola))
        #expect(disk.displayName == "Ola (mine)")
        #expect(disk.revision == 3)
        #expect(h.state.pendingSaves.isEmpty)
        h.type("u")
        disk = try #require(try h.store.load(Influencer.self, id: Fx.ola))
        #expect(disk.displayName == "Ola Nordmann" && disk.country == "SE")
    }

    @Test("conflict: take theirs keeps theirs; u saves mine over it")
    func conflictTakeTheirs() throws {
        let h = try conflict()
        h.type("t")
        var disk = try #require(try h.store.load(Influencer.self, id: Fx.ola))
        #expect(disk.country == "SE" && disk.displayName == "Ola Nordmann")
        #expect(h.state.workspace.influencer(Fx.ola)?.country == "SE")
        #expect(h.state.pendingSaves.isEmpty)
        h.type("u")
        disk = try #require(try h.store.load(Influencer.self, id: Fx.ola))
        #expect(disk.displayName == "Ola (mine)")
    }

    @Test("a change polled in while the edit form is open still raises the conflict (the form saves against its own version)")
    func conflictAfterPoll() throws {
        let h = try Harness()
        h.type("2")
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.ola))
        h.type(String(repeating: "j", count: row) + "e<C-u>Ola (mine)")
        let other = try h.otherStore()
        var theirs = try #require(try other.load(Influencer.self, id: Fx.ola))
        theirs.country = "SE"
        _ = try other.save(theirs)
        h.advance(seconds: 2)
        h.type("")
        #expect(h.state.workspace.influencer(Fx.ola)?.country == "SE", "the poll brought their change in")
        h.type("<Enter>")
        guard case .conflict? = h.state.overlays.last else { Issue.record("their change would be overwritten silently"); return }
        #expect(try h.store.load(Influencer.self, id: Fx.ola)?.country == "SE")
    }

    @Test("conflict dialog cannot be dismissed with Esc")
    func conflictNeedsChoice() throws {
        let h = try conflict()
        h.type("<Esc>")
        guard case .conflict? = h.state.overlays.last else { Issue.record("dialog closed without a choice"); return }
    }

    @Test("a failed save (disk full) keeps the edit, warns on quit, and R retries")
    func failedSave() throws {
        let h = try Harness()
        h.diskFull.isOn = true
        var screen = h.type(">")
        #expect(h.state.pendingSaves.count == 1)
        #expect(h.state.workspace.deal(Fx.dealLiga)?.stage == .contracted, "the edit stays in memory")
        #expect(screen.last?.contains("Not saved") == true)
        #expect(screen[0].contains("1 unsaved"))
        #expect(try h.store.load(Deal.self, id: Fx.dealLiga)?.stage == .negotiating)
        h.type("q")
        #expect(!h.state.shouldQuit)
        guard case .confirm(let dialog)? = h.state.overlays.last else { Issue.record("no quit warning"); return }
        #expect(dialog.message.contains("1 edit is not saved"))
        h.type("<Esc>")
        h.diskFull.isOn = false
        screen = h.type("R")
        #expect(h.state.pendingSaves.isEmpty)
        #expect(try h.store.load(Deal.self, id: Fx.dealLiga)?.stage == .contracted)
        h.type("q")
        #expect(h.state.shouldQuit)
    }

    @Test("a save that meets a busy folder waits, keys still work, and it lands by itself once the folder is free")
    func busyFolder() throws {
        let h = try Harness()
        h.busy.isOn = true
        var screen = h.type(">")
        #expect(h.state.pendingSaves.count == 1 && screen[0].contains("1 unsaved"))
        #expect(screen.last?.contains("Folder busy") == true, "\(screen.last ?? "")")
        #expect(try h.store.load(Deal.self, id: Fx.dealLiga)?.stage == .negotiating)

        h.advance(seconds: 1)
        h.type("j")
        #expect(h.state.pendingSaves.count == 1, "still busy: tried again, kept again")
        h.busy.isOn = false
        h.type("k")
        #expect(h.state.pendingSaves.count == 1, "not before the retry delay")
        h.advance(seconds: 1)
        screen = h.type("")
        #expect(h.state.pendingSaves.isEmpty && !screen[0].contains("unsaved"))
        #expect(try h.store.load(Deal.self, id: Fx.dealLiga)?.stage == .contracted)
    }

    @Test("a delete that meets another session's lock waits, and goes to the trash by itself once the folder is free")
    func busyFolderDelete() throws {
        let h = try Harness()
        // Another session holds the folder's lock (flock belongs to an open file, so this fd competes with the store).
        let other = open(h.store.layout.lockFile, O_RDWR | O_CLOEXEC)
        #expect(other >= 0 && flock(other, LOCK_EX) == 0)
        h.type("2")
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.dilnoza))
        var screen = h.type(String(repeating: "j", count: row) + "d<Enter>")
        let live = h.store.layout.recordFile(.influencer, Fx.dilnoza)
        #expect(FileManager.default.fileExists(atPath: live), "not deleted while the folder is busy")
        #expect(h.state.pendingDeletes[Fx.dilnoza] != nil && screen[0].contains("1 unsaved"))
        #expect(screen.last?.contains("Folder busy") == true, "\(screen.last ?? "")")
        #expect(h.state.workspace.influencer(Fx.dilnoza) != nil, "still shown until it is really in the trash")

        flock(other, LOCK_UN)
        close(other)
        h.advance(seconds: 1)
        screen = h.type("")
        #expect(!FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: h.store.layout.trashFile(.influencer, Fx.dilnoza)))
        #expect(h.state.pendingDeletes.isEmpty && !screen[0].contains("unsaved"))
        #expect(h.state.workspace.influencer(Fx.dilnoza) == nil)
    }

    @Test("a failed create is retried as a create")
    func failedCreate() throws {
        let h = try Harness()
        h.diskFull.isOn = true
        h.type("2nLate Saver<Enter>")
        #expect(h.state.pendingSaves.count == 1)
        h.diskFull.isOn = false
        h.type("R")
        #expect(h.state.pendingSaves.isEmpty)
        let fresh = WorkspaceLoader.load(from: try h.otherStore())
        #expect(fresh.workspace.allInfluencers.contains { $0.displayName == "Late Saver" })
    }

    @Test("q quits at once when everything is saved")
    func quit() throws {
        let h = try Harness()
        h.type("q")
        #expect(h.state.shouldQuit)
    }

    @Test("y copies through the terminal (OSC 52); without support the text is shown")
    func copy() throws {
        let h = try Harness()
        h.type("2gg")
        h.type("y")
        #expect(h.terminal.clipboard.count == 1)
        h.terminal.clipboardSupported = false
        h.type("y")
        guard case .text(let overlay)? = h.state.overlays.last else { Issue.record("no fallback"); return }
        #expect(overlay.text == h.terminal.clipboard.first)
    }
}
