import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// The Campaigns tab: list, dashboard figures (the same computation as `CampaignReport.make`), forms, speed.
@Suite("Campaigns")
struct CampaignTests {
    func screen(_ state: AppState) -> String { Fx.render(state).joined(separator: "\n") }

    /// The Campaigns tab with Serum launch selected.
    func serum(width: Int = 80, height: Int = 24) -> AppState {
        var state = DealFx.state(width: width, height: height)
        DealFx.type("4", &state)
        CampaignsPane.select(Fx.serum, &state)
        return state
    }

    @Test("snapshots: list and dashboard at 80x24, 120x40, and side by side at 200x60")
    func snapshots() {
        var state = serum()
        expectSnapshot(Fx.render(state), "campaigns-80x24")
        DealFx.type("<Enter>", &state)
        expectSnapshot(Fx.render(state), "campaign-dashboard-80x24")
        DealFx.type("<PgDn>", &state)
        expectSnapshot(Fx.render(state), "campaign-dashboard-80x24-page2")
        var large = serum(width: 120, height: 40)
        DealFx.type("<Enter>", &large)
        expectSnapshot(Fx.render(large), "campaign-dashboard-120x40")
        expectSnapshot(Fx.render(serum(width: 200, height: 60)), "campaigns-200x60")
    }

    @Test("y copies the campaign's report: what `reach report campaign` writes, deals in the trash listed")
    func copyReport() throws {
        let h = try Harness()
        // Another session deletes one of Serum's deals; the report lists it as in the trash, not counted.
        let gone = try #require(Fx.deals.first { $0.campaignID == Fx.serum })
        _ = try h.otherStore().delete(Deal.self, id: gone.id, expectedRevision: 1)
        h.advance(seconds: 2)
        h.type("4j")  // the list: Japan, then Serum
        #expect(h.state.campaigns.selectedID == Fx.serum)
        h.type("y")
        let copied = try #require(h.terminal.clipboard.last)
        let cli = try CampaignReportDocument.load(campaign: Fx.serum.rawValue, store: h.store, now: Fx.now).markdown()
        #expect(copied == cli)
        #expect(copied.hasPrefix("# Campaign report: Serum launch"))
        #expect(copied.contains("1 deleted deal is in the trash and not counted"), "\(copied)")
        #expect(h.screen.contains("Copied to the clipboard"))
        // The palette offers it too, by the campaign's name.
        #expect(CommandRegistry.matches("copy report", h.state).first?.title == "Copy campaign report: Serum launch")
    }

    @Test("the list: active first, deals count and share of the budget paid")
    func list() {
        let state = serum()
        #expect(state.campaigns.rows == [Fx.japan, Fx.serum])
        let lines = Fx.render(state)
        #expect(lines[1].hasPrefix("Campaign"))
        #expect(lines[3].hasPrefix("Serum launch") && lines[3].hasSuffix("EUR 10,000.00     3    5%"))
        #expect(lines[2].hasSuffix("JPY 2,000,000     1    0%"))
    }

    @Test("the dashboard is CampaignReport.make over the campaign's deals, with rates used and missing")
    func dashboardFigures() throws {
        var state = serum()
        let campaign = try #require(state.workspace.campaigns[Fx.serum])
        let expected = CampaignReport.make(campaign: campaign, deals: state.workspace.deals(ofCampaign: Fx.serum),
                                           followers: state.workspace.followersFromFullCreators,
                                           rates: state.workspace.settings.workspace.currencyRates, now: Fx.now)
        #expect(state.campaigns.dashboard?.report == expected)
        #expect(expected.budget.committed == Money(major: 2_380, currency: .eur), "EUR 1,000 + USD 1,500 at 0.92")
        DealFx.type("<Enter>", &state)
        let text = screen(state)
        #expect(text.contains("Committed EUR 2,380.00 (24%)"))
        #expect(text.contains("Paid EUR 500.00 (5%)"))
        #expect(text.contains("Rate USD→EUR 0.92 (as of 2024-05-31, ECB)"))
        #expect(text.contains("⚠ No rate to EUR for GEL: GEL 2,000.00 left out of these totals."))
        #expect(text.contains("Contacted  █"))
        DealFx.type("G", &state)
        let bottom = screen(state)
        #expect(bottom.contains("Revenue       EUR 2,500.00       target EUR 10,000.00     25%"))
        #expect(bottom.contains("ROI           400.0%             target 100.0%            400%"))
        #expect(bottom.contains("Līga Bērziņa           ROI 400.0%"))
        #expect(bottom.contains("Revenue       ") && bottom.contains("total EUR 2,500.00"))
    }

    @Test("moving the selection recomputes only the selected campaign's dashboard; Esc goes back to the list")
    func selection() {
        var state = serum()
        DealFx.type("k", &state)
        #expect(state.campaigns.dashboard?.campaignID == Fx.japan)
        DealFx.type("<Enter>", &state)
        #expect(state.campaigns.showsDashboard)
        #expect(screen(state).contains("Japan launch · Bento Go · Active"))
        DealFx.type("<Esc>", &state)
        #expect(!state.campaigns.showsDashboard)
    }

    @Test("a burst of moves through the list computes the dashboard once, after the last key")
    func aHeldKeyComputesOneDashboard() {
        var state = serum()
        let first = state.campaigns.dashboard?.campaignID
        _ = App.update(&state, .input(.key(.char("k"))))
        #expect(state.campaigns.dashboardIsBehind && state.campaigns.dashboard?.campaignID == first, "not on every step")
        _ = App.update(&state, .keysHandled)
        #expect(!state.campaigns.dashboardIsBehind && state.campaigns.dashboard?.campaignID == Fx.japan)
        #expect(state.campaigns.dashboard?.campaignID == state.campaigns.selectedID)
    }

    @Test("marking a payment paid changes the dashboard's paid total")
    func paidChangesDashboard() {
        var state = serum()
        #expect(state.campaigns.dashboard?.report.budget.paid == Money(major: 500, currency: .eur))
        DealDetailPane.open(Fx.dealLiga, &state)
        #expect(state.campaigns.spent[Fx.serum] == .some(5))
        DealFx.type("P<Esc>", &state)
        #expect(state.campaigns.dashboard?.report.budget.paid == Money(major: 1_000, currency: .eur))
        #expect(state.campaigns.spent[Fx.serum] == .some(10), "the list's share paid follows")
        #expect(Fx.render(state)[3].hasSuffix("10%"))
        DealFx.type("<Enter>", &state)
        #expect(screen(state).contains("Paid EUR 1,000.00 (10%)"))
    }

    @Test("n creates a campaign with budget, dates and goals; bad input stays in the form")
    func create() throws {
        var state = DealFx.state()
        DealFx.type("4n", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no form"); return }
        let keys = form.form.fields.map(\.key)
        func at(_ key: String) -> String { String(repeating: "<Down>", count: keys.firstIndex(of: key) ?? 0) }
        DealFx.type("Winter trips<Down>Nordic Air" + "<Up>" + at(CampaignForm.Key.start) + "2024-07-01<Down>2024-06-01<Down>25000<Down><C-u>NOK"
                    + "<Down>sales, teleport<Enter>", &state)
        guard case .form(let refused)? = state.overlays.last else { Issue.record("the form closed"); return }
        #expect(refused.form[CampaignForm.Key.goals]?.error?.contains("Use goals from") == true)
        DealFx.type("<C-u>sales, reach<Enter>", &state)
        guard case .form(let refusedDates)? = state.overlays.last else { Issue.record("end before start was accepted"); return }
        #expect(refusedDates.form[CampaignForm.Key.end]?.error?.contains("End date is before the start date") == true)
        #expect(refusedDates.form.fields[refusedDates.form.focus].key == CampaignForm.Key.goals)
        DealFx.type("<Up><Up><Up><C-u>2024-08-31<Enter>", &state)
        #expect(state.overlays.isEmpty)
        let campaign = try #require(state.workspace.campaigns.values.first { $0.name == "Winter trips" })
        #expect(campaign.brand == "Nordic Air" && campaign.owner == "tester")
        #expect(campaign.budget == Money(major: 25_000, currency: .nok))
        #expect(campaign.goals == [.sales, .reach])
        #expect(campaign.startDate.map { Humanize.day($0, timeZone: Fx.utc) } == "2024-07-01")
        #expect(campaign.endDate.map { Humanize.day($0, timeZone: Fx.utc) } == "2024-08-31")
        #expect(state.campaigns.selectedID == campaign.id)
        #expect(state.campaigns.dashboard?.campaignID == campaign.id)
    }

    @Test("e edits the campaign; T sets KPI targets the dashboard compares with")
    func editAndTargets() throws {
        var state = serum()
        DealFx.type("e<Down><C-u>Glow Laboratories<Enter>", &state)
        #expect(state.workspace.campaigns[Fx.serum]?.brand == "Glow Laboratories")
        #expect(state.workspace.campaigns[Fx.serum]?.kpiTargets.reach == 100_000, "editing keeps the targets")
        DealFx.type("T<C-u>40000<Down><Down><Down><Down>3.5<Enter>", &state)
        let targets = try #require(state.workspace.campaigns[Fx.serum]?.kpiTargets)
        #expect(targets.reach == 40_000 && targets.engagementRate == 3.5)
        #expect(state.campaigns.dashboard?.report.progress(.reach)?.attainment == 0.5)
    }

    @Test("N adds a deal to this campaign; p shows its pipeline; the palette jumps to a campaign")
    func shortcuts() throws {
        var state = serum()
        DealFx.type("Ndilnoza<Enter>", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no deal form"); return }
        #expect(form.form.values[DealForm.Key.campaign] == "Serum launch · Glow Lab")
        #expect(form.message?.contains("marked do not contact") == true)
        DealFx.type("<Esc>p", &state)
        #expect(state.tab == .pipeline && state.pipeline.campaignFilter == Fx.serum && state.pipeline.dealCount == 3)
        DealFx.type(":jump to campaign<Enter>japan<Enter>", &state)
        #expect(state.tab == .campaigns && state.campaigns.selectedID == Fx.japan && state.campaigns.showsDashboard)
    }
}
