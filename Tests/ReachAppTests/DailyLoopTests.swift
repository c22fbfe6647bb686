import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Working deals day to day through the runner on a real folder: the log dialog settles the next step, Today's
/// "No next step" group, whose deals the lists show, and bulk actions with one undo. Each checks the files.
@Suite("Daily loop")
struct DailyLoopTests {
    /// The end of the fixture's today (2024-06-10) in UTC: what "due today" means.
    static let endOfToday = Fx.now.addingTimeInterval(12 * 3_600 - 60)

    private func deal(_ h: Harness, _ id: RecordID) throws -> Deal { try #require(try h.otherStore().load(Deal.self, id: id)) }

    @Test("a logs a reply and replaces the next step in the same dialog; the reply makes it our move, due today")
    func logReplyAndReplaceNextStep() throws {
        let h = try Harness()
        #expect(h.state.today.selectedDealID == Fx.dealLiga, "Līga's overdue follow-up is first")
        h.type("a")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no log dialog"); return }
        #expect(form.form[NextStepFields.summaryKey]?.value == "Send counter-offer", "the current next step is shown")
        // Direction: in (its first letter picks it); Alt-r replaces the next step and puts the cursor on it.
        h.type("<S-Tab>i<Tab>Likes the offer, wants two reels<M-r><C-u>Send the contract for two reels<Enter>")
        let saved = try deal(h, Fx.dealLiga)
        let reply = try #require(saved.activities.last)
        #expect(reply.direction == .inbound && reply.channel == .email && reply.author == "tester")
        #expect(reply.summary == "Likes the offer, wants two reels")
        #expect(saved.nextAction == NextAction(summary: "Send the contract for two reels", due: Self.endOfToday, whoseMove: .us))
        let row = h.screen.components(separatedBy: "\n").first { $0.contains("Līga Bērziņa") } ?? ""
        #expect(row.contains("today") && !row.contains("overdue") && row.contains("our move"), "Today row: \(row)")
    }

    @Test("a reply logged with the next step kept makes it our move, due today")
    func replyKeepsNextStepButMakesItOurs() throws {
        let h = try Harness()
        h.type("j")
        #expect(h.state.today.selectedDealID == Fx.dealNino)
        h.type("a<S-Tab>i<Tab>She answered: yes<Enter>")
        let saved = try deal(h, Fx.dealNino)
        #expect(saved.nextAction == NextAction(summary: "Chase reply", due: Self.endOfToday, whoseMove: .us))
        #expect(saved.activities.last?.direction == .inbound)
    }

    @Test("done leaves the deal under No next step on Today and flagged on the pipeline; N sets one and it leaves")
    func noNextStepGroup() throws {
        let h = try Harness()
        h.type("aCalled, all agreed<M-d><Enter>")
        #expect(try deal(h, Fx.dealLiga).nextAction == nil)
        var lines = h.type("")
        #expect(lines.contains { $0.hasPrefix("No next step (2)") }, "Līga joins Sakura:\n\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("Līga Bērziņa") && $0.contains("No next step · Neg") })
        #expect(h.state.today.selectedDealID == Fx.dealLiga, "the cursor stays on the deal")
        h.type("3")
        #expect(h.screen.contains("⚑ no next step (N)"))
        h.type("1N")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no next-step form"); return }
        #expect(form.title.hasPrefix("Next step · Līga Bērziņa"))
        lines = h.type("Send the contract<Tab>+2d<Enter>")
        #expect(lines.contains { $0.hasPrefix("No next step (1)") }, "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("Līga Bērziņa") && $0.contains("No next step") })
        let next = try #require(try deal(h, Fx.dealLiga).nextAction)
        #expect(next.summary == "Send the contract" && next.whoseMove == .us)
        #expect(next.due == Self.endOfToday.addingTimeInterval(2 * 86_400))
    }

    @Test("with two owners the lists open on mine; o cycles mine → everyone → the other owner → mine")
    func ownerScopeCycle() throws {
        let h = try Harness(user: UserIdentity(name: "Marta Kalniņa", login: "marta", isTeamMember: true)) { store in
            try store.saveWorkspace(AppSettings(workspace: WorkspaceSettings(teamMembers: [
                TeamMember(login: "marta", name: "Marta Kalniņa"), TeamMember(login: "tom", name: "Tom Becker"),
            ])))
            for (id, owner) in [(Fx.dealLiga, "marta"), (Fx.dealNino, "Marta Kalniņa"), (Fx.dealSakura, "Tom Becker"),
                                (Fx.dealOla, "Tom Becker")] {
                var deal = try #require(try store.load(Deal.self, id: id))
                deal.owner = owner
                _ = try store.save(deal, expectedRevision: 1)
            }
        }
        func todayDeals() -> Set<RecordID> { Set(h.state.today.items.map(\.dealID)) }
        h.type("")
        #expect(h.state.ownerScope == .mine)
        #expect(todayDeals() == [Fx.dealLiga, Fx.dealNino], "her login and her name both count as hers")
        #expect(h.screen.contains("Today · 2024-06-10 · mine · 2 to do"))
        h.type("o")
        #expect(h.state.ownerScope == .everyone && todayDeals() == [Fx.dealLiga, Fx.dealNino, Fx.dealSakura, Fx.dealOla])
        #expect(h.screen.contains("Today · 2024-06-10 · everyone ·"))
        h.type("o")
        #expect(h.state.ownerScope == .owner("Tom Becker") && todayDeals() == [Fx.dealSakura, Fx.dealOla])
        h.type("3")
        #expect(h.screen.contains("Pipeline · All campaigns · Tom Becker · 2 deals"))
        h.type("o")
        #expect(h.state.ownerScope == .mine && h.state.pipeline.dealCount == 2)
        #expect(h.screen.contains("Pipeline · All campaigns · mine · 2 deals"))
    }

    @Test("O assigns the deal to a team member; a deal created here is owned by the current user")
    func assignOwner() throws {
        let h = try Harness { store in
            try store.saveWorkspace(AppSettings(workspace: WorkspaceSettings(teamMembers: [TeamMember(login: "tom", name: "Tom Becker")])))
        }
        h.type("OTom<Enter>")
        #expect(try deal(h, Fx.dealLiga).owner == "Tom Becker")
        h.type("u")
        #expect(try deal(h, Fx.dealLiga).owner == nil)
    }

    /// Twenty creators nobody has a deal with, saved before the app opens.
    private static func twentyCreators(_ store: RecordStore) throws {
        for n in 1...20 {
            let creator = Influencer(id: Fx.id(500 + n), createdAt: Fx.days(-3), displayName: String(format: "Micro creator %02d", n),
                                     accounts: [Fx.account(.instagram, String(format: "micro%02d", n), 5_000 + n)])
            _ = try store.save(creator, expectedRevision: 0)
        }
    }

    @Test("mark 20 creators and add them to a campaign as Prospect deals; one u takes all 20 back")
    func markTwentyAndAddToCampaign() throws {
        let h = try Harness(prepare: Self.twentyCreators)
        h.type("2/Micro creator<Enter>")
        #expect(h.state.roster.rows.count == 20)
        for _ in 0..<19 { h.type("<Space>") }
        #expect(h.state.marks.creators.count == 19)
        h.type("V")
        #expect(h.state.marks.creators.count == 20, "V marks from the last mark to the cursor")
        #expect(h.screen.contains("20 marked"))
        #expect(h.screen.contains("* Micro creator 01") && h.screen.contains("* Micro creator 19"), "marked rows show their sign")
        h.type("b")
        guard case .custom(let menu)? = h.state.overlays.last, let picker = menu as? Picker else { Issue.record("no bulk menu"); return }
        #expect(picker.title == "20 marked creators")
        h.type("<Enter>Japan<Enter>")
        guard case .confirm(let confirm)? = h.state.overlays.last else { Issue.record("no confirmation"); return }
        #expect(confirm.message == "Add 20 creators as Prospect deals to Japan launch · Bento Go?")
        h.type("<Enter>")
        let added = try h.otherStore().loadAll(Deal.self).records.filter { $0.campaignID == Fx.japan && $0.id != Fx.dealSakura }
        #expect(added.count == 20)
        #expect(added.allSatisfy { $0.stage == .prospect && $0.owner == "tester" && $0.influencerID.rawValue >= Fx.id(501).rawValue })
        #expect(h.screen.contains("Added 20 Prospect deals"))
        h.type("u")
        let left = try h.otherStore().loadAll(Deal.self).records
        #expect(left.count == 4, "undo moves all 20 to the trash: \(left.count) deals left")
        #expect(try h.otherStore().loadTrash(Deal.self).records.count == 20)
    }

    @Test("adding marked creators skips those already in the campaign and says how many")
    func addSkipsExistingPairs() throws {
        let h = try Harness(prepare: Self.twentyCreators)
        h.type("2*")  // all 25 shown: Līga, Nino and Ola are in Serum launch already
        #expect(h.state.marks.creators.count == 25)
        h.type("b<Enter>Serum<Enter>")
        guard case .confirm(let confirm)? = h.state.overlays.last else { Issue.record("no confirmation"); return }
        #expect(confirm.message.contains("Add 22 creators") && confirm.message.contains("(3 already in it, skipped)"))
        h.type("<Enter>")
        #expect(try h.otherStore().loadAll(Deal.self).records.filter { $0.campaignID == Fx.serum }.count == 25)
        h.type("2M")
        #expect(h.state.marks.creators.isEmpty)
    }

    @Test("a bulk move saves every deal it can; the one another session changed shows its conflict, the rest are saved")
    func bulkMoveWithOneConflict() throws {
        let h = try Harness()
        h.type("3v*")
        #expect(h.state.marks.deals.count == 4)
        // Another session edits Ola's deal after this one loaded it.
        let other = try h.otherStore()
        var theirs = try #require(try other.load(Deal.self, id: Fx.dealOla))
        theirs.notes = "Changed by Tom"
        _ = try other.save(theirs, expectedRevision: 1)
        h.type("b<Down><Enter>Reporting<Enter>")
        guard case .confirm(let confirm)? = h.state.overlays.last else { Issue.record("no confirmation"); return }
        #expect(confirm.message == "Move 4 deals to Reporting?")
        h.type("<Enter>")
        for id in [Fx.dealLiga, Fx.dealNino, Fx.dealSakura] { #expect(try deal(h, id).stage == .reporting) }
        #expect(try deal(h, Fx.dealOla).stage == .contracted && deal(h, Fx.dealOla).notes == "Changed by Tom")
        guard case .conflict(let conflict)? = h.state.overlays.last else { Issue.record("the conflict is not shown"); return }
        #expect(conflict.mine?.id == Fx.dealOla)
        h.type("m")
        let ola = try deal(h, Fx.dealOla)
        #expect(ola.stage == .reporting, "keeping mine saves the move over theirs")
    }

    @Test("a bulk side exit asks once for the reason all the deals share; u puts every deal back")
    func bulkSideExitAndUndo() throws {
        let h = try Harness()
        h.type("3v<Space><Space>")
        let marked = h.state.marks.deals
        #expect(marked.count == 2)
        h.type("b<Down><Enter>Declined<Enter>Budget cut<Enter>")
        for id in marked {
            let saved = try deal(h, id)
            #expect(saved.stage == .declined && saved.exitReason == "Budget cut")
        }
        h.type("u")
        for id in marked { #expect(try deal(h, id).stage != .declined) }
    }

    @Test("a template filled for each marked deal: the preview steps through them and each copy is logged")
    func templateForEach() throws {
        let h = try Harness { store in for template in DealFx.templates { _ = try store.save(template, expectedRevision: 0) } }
        h.type("3v<Space><Space>")
        let marked = h.state.marks.deals
        h.type("b<Down><Down><Down><Enter>")
        #expect(h.screen.contains("Template for each of 2 deals"))
        h.type("<Down><Enter>")  // Gentle nudge: every placeholder fills from the records
        #expect(h.screen.contains("Gentle nudge → ") && h.screen.contains("(1 of 2)"))
        h.type("y")
        #expect(h.screen.contains("(2 of 2)"))
        h.type("y")
        #expect(h.state.overlays.isEmpty, "the walk closes after the last deal")
        for id in marked {
            let logged = try deal(h, id).activities.last
            #expect(logged?.summary.hasPrefix("Follow-up sent (template “Gentle nudge”)") == true && logged?.direction == .outbound)
        }
        #expect(try deal(h, Fx.dealSakura).activities.allSatisfy { !$0.summary.contains("Gentle nudge") }, "unmarked deals untouched")
    }

    @Test("bulk archive asks with the count, archives every marked creator, and one u brings them all back")
    func bulkArchiveAndUndo() throws {
        let h = try Harness(prepare: Self.twentyCreators)
        h.type("2/Micro creator<Enter><Space><Space><Space>b")
        h.type("Archive<Enter>")
        guard case .confirm(let confirm)? = h.state.overlays.last else { Issue.record("no confirmation"); return }
        #expect(confirm.message == "Archive 3 creators?")
        h.type("<Enter>")
        let marked = h.state.marks.creators
        for id in marked { #expect(try h.otherStore().load(Influencer.self, id: id)?.archived == true) }
        h.type("u")
        for id in marked { #expect(try h.otherStore().load(Influencer.self, id: id)?.archived == false) }
        h.type("b")
        h.type("Clear<Enter>")
        #expect(h.state.marks.creators.isEmpty && !h.screen.contains("marked"))
    }
}
