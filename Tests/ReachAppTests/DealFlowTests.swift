import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Keystroke scripts through the real runner, a `TestTerminal` and a temp-folder store: deals created, moved,
/// negotiated, delivered, paid and messaged, checked in the JSON files and after loading the folder again.
@Suite("Deal flows")
struct DealFlowTests {
    /// A record file as a dictionary.
    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func dealFile(_ h: Harness, _ id: RecordID) throws -> [String: Any] { try json(h.store.layout.recordFile(.deal, id)) }

    /// The deal as saved, read back by a fresh store.
    func reloaded(_ h: Harness, _ id: RecordID) throws -> Deal {
        try #require(WorkspaceLoader.load(from: try h.otherStore()).workspace.deal(id))
    }

    /// A new session on the same folder, showing `dealID`'s page.
    func reopen(_ h: Harness, _ dealID: RecordID, width: Int = 100, height: Int = 60) throws -> [String] {
        let loaded = WorkspaceLoader.load(from: try h.otherStore())
        var state = AppState(workspace: loaded.workspace, now: h.state.now, timeZone: Fx.utc, size: Size(width: width, height: height))
        DealDetailPane.open(dealID, &state)
        return Fx.render(state)
    }

    /// The end (23:59 UTC) of the day `days` after the fixture's today, 2024-06-10: how due days are saved.
    static func endOfDay(_ days: Double) -> Date { Fx.days(days).addingTimeInterval(12 * 3_600 - 60) }

    /// The deal the runner created most recently (ids are sortable by creation).
    func newest(_ h: Harness) throws -> Deal {
        try #require(h.state.workspace.allDeals.filter { !Fx.deals.map(\.id).contains($0.id) }.max { $0.id < $1.id })
    }

    @Test("a deal created from the roster (palette: New deal) is saved and opened")
    func createFromRoster() throws {
        let h = try Harness()
        h.type("2/liga<Enter>")
        #expect(h.state.roster.selectedID == Fx.liga)
        h.type(":new deal<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no deal form"); return }
        #expect(form.title == "New deal · Līga Bērziņa")
        let screen = h.type("<Right><Enter>")
        let deal = try newest(h)
        let file = try dealFile(h, deal.id)
        #expect(file["influencerID"] as? String == Fx.liga.rawValue)
        #expect(file["campaignID"] as? String == Fx.serum.rawValue)
        #expect(file["stage"] as? String == "prospect")
        #expect(file["owner"] as? String == "tester")
        #expect((file["stageHistory"] as? [[String: Any]])?.first?["to"] as? String == "prospect")
        #expect(try reloaded(h, deal.id).nextAction == NextAction(summary: "Reach out", due: Self.endOfDay(4), whoseMove: .us),
                "the next step left as offered: reach out, on the usual follow-up day (4 days on), our move")
        #expect(screen[1].hasPrefix("Līga Bērziņa · Serum launch"), "the new deal's page opens")
        #expect(screen.contains { $0.contains("Saved Līga Bērziņa · Serum launch") })
    }

    @Test("in the new-deal form a day without a next step plans \"Follow up\" on that day; clearing both plans none")
    func newDealNextStepWithoutText() throws {
        let cases: [(keys: String, expected: NextAction?)] = [
            ("<C-u><Down>+2d", NextAction(summary: "Follow up", due: Self.endOfDay(2), whoseMove: .us)),
            ("<C-u>", nil),
        ]
        for (keys, expected) in cases {
            let h = try Harness()
            // Campaign (Right: Serum launch), stage, source, fee, then the next step.
            h.type("2/liga<Enter>:new deal<Enter><Right><Down><Down><Down><Down>\(keys)<Enter>")
            #expect(try reloaded(h, newest(h).id).nextAction == expected, "typed \(keys)")
        }
    }

    @Test("a deal created in the pipeline moves through every stage to Paid; the file keeps the stage history")
    func throughAllStages() throws {
        let h = try Harness()
        h.type("3nnino<Enter><Right><Enter>")
        let deal = try newest(h)
        #expect(h.state.pipeline.selectedDealID == deal.id)
        h.type("<Enter>")
        for _ in 0..<10 { h.type(">") }
        let file = try dealFile(h, deal.id)
        #expect(file["stage"] as? String == "complete")
        let history = try #require(file["stageHistory"] as? [[String: Any]])
        #expect(history.compactMap { $0["to"] as? String } == StagePipeline.default.stages.map(\.key.rawValue))
        #expect(file["revision"] as? Int == 11)
        h.type(">")
        #expect(h.state.status?.text == "complete is the last stage: there is no next stage.")
        let page = try reopen(h, deal.id)
        #expect(page[2].hasPrefix("Stage: Paid / Complete · 0d in stage"))
        #expect(page.contains { $0.contains("Stage: Reporting → Paid / Complete") })
    }

    @Test("a side exit needs a reason; the reason is saved")
    func sideExitReason() throws {
        let h = try Harness()
        h.type("3x<Enter>")
        guard case .form? = h.state.overlays.last else { Issue.record("the form closed without a reason"); return }
        #expect(try dealFile(h, Fx.dealNino)["stage"] as? String == "contacted")
        h.type("No reply after three follow-ups<Enter>")
        let file = try dealFile(h, Fx.dealNino)
        #expect(file["stage"] as? String == "declined")
        #expect(file["exitReason"] as? String == "No reply after three follow-ups")
    }

    @Test("u undoes a stage move on disk too")
    func undoMove() throws {
        let h = try Harness()
        h.type("3>")
        #expect(try dealFile(h, Fx.dealNino)["stage"] as? String == "negotiating")
        h.type("u")
        let file = try dealFile(h, Fx.dealNino)
        #expect(file["stage"] as? String == "contacted")
        #expect((file["stageHistory"] as? [Any])?.count == 1)
        #expect(file["revision"] as? Int == 3)
    }

    @Test("an offer, a counter-offer and the agreed fee are saved and shown after reloading")
    func negotiation() throws {
        let h = try Harness()
        h.type("<Enter>")
        #expect(h.state.dealDetail?.dealID == Fx.dealLiga)
        h.type("o800<Enter>o1,200<Down>wants usage fee<Enter>o1000<Down><Down><Space><Enter>")
        let deal = try reloaded(h, Fx.dealLiga)
        #expect(deal.offers.map(\.by) == [.us, .them, .us])
        #expect(deal.offers.map(\.amount.minorUnits) == [80_000, 120_000, 100_000])
        #expect(deal.agreedFee == Money(major: 1_000, currency: .eur))
        let page = try reopen(h, Fx.dealLiga)
        #expect(page.contains { $0.contains("them  EUR 1,200.00  wants usage fee") })
        #expect(page.contains { $0.hasPrefix("  Agreed fee: EUR 1,000.00") })
    }

    @Test("deliverable, results, a payment marked paid: CPM and ROI on the page are ReachCore's; the dashboard's paid total moves")
    func resultsAndPayment() throws {
        let h = try Harness(width: 120, height: 40)
        var screen = h.type("4j<Enter>")
        #expect(screen.contains { $0.contains("Paid EUR 0.00 (0%)") })
        h.type("1<Enter>")
        h.type("D<Down><Right><Down><Down>2024-06-20<Enter>")
        h.type("slive<Enter>https://instagram.example/p/9<Enter>")
        h.type("r20000<Down>30000<Down><Down>1500<Down>120<Down>30<Down>50<Down>400<Down><Down>25<Down>2500<Enter>")
        h.type("p800<Enter>")
        #expect(try reloaded(h, Fx.dealLiga).payments.first?.status == .planned)
        h.type("P")
        let deal = try reloaded(h, Fx.dealLiga)
        #expect(deal.deliverables.first?.status == .live)
        #expect(deal.deliverables.first?.results?.impressions == 30_000)
        #expect(deal.payments.first?.status == .paid && deal.payments.first?.amount == Money(major: 800, currency: .eur))
        let campaign = try #require(h.state.workspace.campaigns[Fx.serum])
        let creator = try #require(CampaignReport.make(campaign: campaign, deals: [deal], followers: h.state.workspace.followersFromFullCreators,
                                                       rates: CurrencyRates(), now: h.state.now).creators.first)
        let cpm = try #require(creator.cpm), roi = try #require(creator.roi)
        let page = try #require(DealDetailPane.page(h.state)).body.map(\.text)
        #expect(page.contains { $0.contains("Paid EUR 800.00 → CPM \(cpm.formatted)") && $0.contains("ROI \(Humanize.percent(roi))") })
        #expect(cpm == Money(minorUnits: 2_667, currency: .eur) && Humanize.percent(roi) == "212.5%")
        screen = h.type("<Esc>4<Enter>")
        #expect(screen.contains { $0.contains("Paid EUR 800.00 (8%)") })
        #expect(screen.contains { $0.contains("ROI           212.5%") })
    }

    @Test("a template with a missing placeholder warns; copying puts it on the clipboard and logs the outreach")
    func templateCopyAndLog() throws {
        let h = try Harness()
        try DealFx.addTemplates(to: h)
        h.type("3t<Enter>")
        #expect(h.screen.contains("⚠ No value for {recent_post}, {offer}, {code} (f fills)"))
        h.type("y")
        #expect(h.terminal.clipboard.isEmpty, "never copied silently")
        h.type("c")
        let copied = try #require(h.terminal.clipboard.last)
        #expect(copied.hasPrefix("Subject: Glow Lab × Nino\n\nHi Nino,"))
        #expect(h.screen.contains("Log 'first outreach sent' on the timeline?"))
        h.type("y")
        let file = try dealFile(h, Fx.dealNino)
        let activities = try #require(file["activities"] as? [[String: Any]])
        #expect(activities.last?["summary"] as? String == "First outreach sent (template “First outreach”)")
        #expect(activities.last?["direction"] as? String == "out")
    }

    @Test("templates are managed from the palette; the body is edited in $EDITOR; delete and undo restore the file")
    func manageTemplates() throws {
        let h = try Harness(editor: ScriptedEditor { _ in "Hej {first_name}!\n\nVi hörs.\n" })
        h.type(":templates<Enter>nSwedish hello<Down><Down><C-u>sv<Down><Down><C-o><Enter>")
        let template = try #require(h.state.workspace.templates.values.first { $0.name == "Swedish hello" })
        let file = try json(h.store.layout.recordFile(.template, template.id))
        #expect(file["body"] as? String == "Hej {first_name}!\n\nVi hörs.")
        #expect(file["language"] as? String == "sv")
        #expect(h.editor.calls.first?.hasPrefix("Hi {first_name},") == true, "the editor starts from the starter text")
        h.type("d<Enter>")
        #expect(!FileManager.default.fileExists(atPath: h.store.layout.recordFile(.template, template.id)))
        h.type("<Esc>u")
        #expect(FileManager.default.fileExists(atPath: h.store.layout.recordFile(.template, template.id)))
        #expect(h.state.workspace.templates[template.id]?.name == "Swedish hello")
    }

    @Test("without OSC 52 the message is shown to copy by hand, and the log question still follows")
    func noClipboard() throws {
        let h = try Harness()
        h.terminal.clipboardSupported = false
        try DealFx.addTemplates(to: h)
        h.type("3t<Down><Enter>y")
        guard case .text(let overlay)? = h.state.overlays.last else { Issue.record("no text to copy by hand"); return }
        #expect(overlay.text == "Hi Nino, just checking in about Serum launch.")
        h.type("<Esc>")
        guard case .confirm(let dialog)? = h.state.overlays.last else { Issue.record("no log question"); return }
        #expect(dialog.message == "Log 'follow-up sent' on the timeline?")
    }
}
