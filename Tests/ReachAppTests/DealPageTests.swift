import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// The deal page: sections, scrolling and every edit key, through `App.update`.
@Suite("Deal page")
struct DealPageTests {
    func opened(_ dealID: RecordID, width: Int = 80, height: Int = 24) -> AppState {
        var state = DealFx.state(width: width, height: height)
        DealDetailPane.open(dealID, &state)
        return state
    }

    /// Every line of the page body (not just the visible part).
    func page(_ state: AppState) -> [String] { DealDetailPane.page(state)?.body.map(\.text) ?? [] }

    @Test("snapshots at 80x24 (top and scrolled) and 120x40")
    func snapshots() {
        var state = opened(Fx.dealLiga)
        expectSnapshot(Fx.render(state), "deal-80x24")
        DealFx.type("<PgDn>", &state)
        expectSnapshot(Fx.render(state), "deal-80x24-page2")
        expectSnapshot(Fx.render(opened(Fx.dealLiga, width: 120, height: 40)), "deal-120x40")
    }

    @Test("header: creator · campaign, stage with days and whose move, next action with due")
    func header() {
        let lines = Fx.render(opened(Fx.dealLiga))
        #expect(lines[1].hasPrefix("Līga Bērziņa · Serum launch"))
        #expect(lines[2].hasPrefix("Stage: Published · 2d in stage · our move"))
        #expect(lines[3].hasPrefix("Next: Send counter-offer · 2024-06-07 (3d overdue)"))
    }

    @Test("sections: offers, terms checklist with expiry warning, deliverables, tracking, payments with balance, timeline newest first")
    func sections() {
        let body = page(opened(Fx.dealLiga))
        #expect(body.contains("  2024-06-06  them  EUR 1,200.00"))
        #expect(body.contains("  Agreed fee: EUR 1,000.00"))
        #expect(body.contains("Contract terms  4 of 12 agreed"))
        #expect(body.contains { $0.contains("✓ Usage rights") && $0.contains("ends 2024-06-20 (in 10d) ⚠") })
        #expect(body.contains { $0.hasPrefix("  ✗ Missing: Expenses, Whitelisting") })
        #expect(body.contains("  1. Instagram Reel/short · posted 2024-06-08 · Live"))
        #expect(body.contains("  Code: GLOWLIGA"))
        #expect(body.contains("Payments  agreed EUR 1,000.00 · paid EUR 500.00 · balance EUR 500.00"))
        let timeline = body.drop { !$0.hasPrefix("Timeline") }.dropFirst()
        #expect(timeline.first?.contains("Stage: Negotiating → Published") == true)
        #expect(timeline.last?.contains("We offered EUR 800.00: first offer") == true)
    }

    @Test("a timeline entry's note (a logged email's new text) shows indented under it, line by line, sanitised")
    func timelineNote() throws {
        var state = DealFx.state()
        var deal = try #require(state.workspace.deal(Fx.dealNino))
        deal.logActivity(Activity(at: Fx.days(-1), channel: .email, direction: .inbound, summary: "Re: rates", author: "Anna",
                                  note: "Thanks!\nReels are 900 EUR.\u{1B}[31m", messageID: "x@example.ge"))
        state.workspace.put(.deal(deal))
        DealDetailPane.open(Fx.dealNino, &state)
        let timeline = Array(page(state).drop { !$0.hasPrefix("Timeline") }.dropFirst())
        let entry = try #require(timeline.firstIndex { $0.contains("email ← ") && $0.contains("Re: rates (Anna)") })
        #expect(timeline[entry + 1] == String(repeating: " ", count: 24) + "Thanks!")
        #expect(timeline[entry + 2] == String(repeating: " ", count: 24) + "Reels are 900 EUR.^[[31m")
    }

    @Test("j/k, PgDn, ] and [ and G scroll within the page, never past its end")
    func scrolling() throws {
        var state = opened(Fx.dealLiga)
        let pageBody = try #require(DealDetailPane.page(state))
        let bottom = pageBody.body.count - DealDetailPane.bodyHeight(state.size)
        DealFx.type("]", &state)
        #expect(state.dealDetail?.scroll.offset == pageBody.sectionStarts[1])
        DealFx.type("]", &state)
        #expect(state.dealDetail?.scroll.offset == pageBody.sectionStarts[2])
        DealFx.type("]", &state)
        #expect(state.dealDetail?.scroll.offset == min(pageBody.sectionStarts[3], bottom), "the last page stops at the end")
        DealFx.type("[", &state)
        #expect(state.dealDetail?.scroll.offset == pageBody.sectionStarts[2])
        DealFx.type("G", &state)
        #expect(state.dealDetail?.scroll.offset == bottom)
        DealFx.type("jjjk", &state)
        #expect(state.dealDetail?.scroll.offset == bottom - 1, "j past the end does not pile up")
        DealFx.type("gg", &state)
        #expect(state.dealDetail?.scroll.offset == 0)
    }

    @Test("o records an offer, a counter-offer (the party alternates) and the agreed figure")
    func offers() throws {
        var state = opened(Fx.dealSakura)
        DealFx.type("o150000<Down>first offer<Enter>", &state)
        DealFx.type("o180k<Enter>", &state)
        DealFx.type("o165000<Down><Down><Space><Enter>", &state)
        let deal = try #require(state.workspace.deal(Fx.dealSakura))
        #expect(deal.offers.map(\.by) == [.us, .them, .us])
        #expect(deal.offers.map(\.amount.minorUnits) == [150_000, 180_000, 165_000])
        #expect(deal.offers.allSatisfy { $0.amount.currency == .jpy }, "the campaign's currency by default")
        #expect(deal.agreedFee == Money(major: 165_000, currency: .jpy))
        #expect(deal.activities.contains { $0.summary == "They asked for JPY 180,000" && $0.direction == .inbound })
        let body = page(state)
        #expect(body.contains("  Agreed fee: JPY 165,000"))
        #expect(body.contains { $0.contains("us    JPY 165,000 ✓") })
        DealFx.type("oUSD 900<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealSakura)?.offers.last?.amount == Money(major: 900, currency: .usd))
    }

    @Test("D adds a deliverable; s sets status, asking why for changes and the URL for live")
    func deliverables() throws {
        var state = opened(Fx.dealSakura)
        DealFx.type("D<Down><Right><Right><Down><C-u>2<Down>+5d<Enter>", &state)
        var deal = try #require(state.workspace.deal(Fx.dealSakura))
        #expect(deal.deliverables.count == 2)
        let added = try #require(deal.deliverables.last)
        #expect(added.platform == .youtube, "the creator's main platform first")
        #expect(added.contentType == .story && added.count == 2)
        #expect(added.dueDate.map { Humanize.day($0, timeZone: Fx.utc) } == "2024-06-15")

        DealFx.type("s", &state)
        guard case .custom(let model)? = state.overlays.last, model is Picker else { Issue.record("which deliverable?"); return }
        DealFx.type("<Enter>changes<Enter>", &state)
        guard case .prompt? = state.overlays.last else { Issue.record("no reason prompt"); return }
        DealFx.type("<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealSakura)?.deliverables[0].status == .inReview, "no reason, no change")
        DealFx.type("Shorter intro please<Enter>", &state)
        deal = try #require(state.workspace.deal(Fx.dealSakura))
        #expect(deal.deliverables[0].status == .changesRequested)
        #expect(deal.deliverables[0].changesReason == "Shorter intro please")

        DealFx.type("s<Enter>live<Enter>https://youtube.example/watch?v=1<Enter>", &state)
        deal = try #require(state.workspace.deal(Fx.dealSakura))
        #expect(deal.deliverables[0].status == .live)
        #expect(deal.deliverables[0].liveURL == "https://youtube.example/watch?v=1")
        #expect(deal.deliverables[0].postedAt == Fx.now)
        #expect(page(state).contains("     changes: Shorter intro please"))
    }

    @Test("r enters results; ER, CPM, CPE, CPA and ROI on the page are ReachCore's figures")
    func results() throws {
        var state = opened(Fx.dealLiga, width: 120, height: 40)
        DealFx.type("r<Down><Enter>", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no results form"); return }
        #expect(form.title.hasPrefix("Results of Instagram Story ×3"))
        DealFx.type("9000<Down>12000<Down><Down>700<Down>40<Down>10<Down>5<Down>150<Down><Down>6<Down>EUR 480<Enter>", &state)
        let deal = try #require(state.workspace.deal(Fx.dealLiga))
        let results = try #require(deal.deliverables[1].results)
        #expect(results.reach == 9_000 && results.impressions == 12_000 && results.views == nil)
        #expect(results.engagements == 755 && results.conversions == 6 && results.revenue == Money(major: 480, currency: .eur))
        #expect(results.source == .manual && results.asOf == Fx.now)

        let campaign = try #require(state.workspace.campaigns[Fx.serum])
        let report = CampaignReport.make(campaign: campaign, deals: [deal], followers: state.workspace.followersFromFullCreators,
                                         rates: state.workspace.settings.workspace.currencyRates, now: Fx.now)
        let creator = try #require(report.creators.first)
        let cpm = try #require(creator.cpm), cpe = try #require(creator.cpe), cpa = try #require(creator.cpa)
        let roi = try #require(creator.roi)
        let metrics = "Paid EUR 500.00 → CPM \(cpm.formatted) · CPE \(cpe.formatted) · CPA \(cpa.formatted) · ROI \(Humanize.percent(roi))"
        #expect(page(state).contains("  " + metrics))
        #expect(metrics == "Paid EUR 500.00 → CPM EUR 11.90 · CPE EUR 0.20 · CPA EUR 16.13 · ROI 496.0%")
        let er = try #require(Metrics.engagementRate(results: results, followers: 42_000))
        #expect(page(state).contains { $0.contains("engagements 755 · ER \(Humanize.percent(er))") })
    }

    @Test("P marks the open payment paid; p adds one (paid right away gets today's date); the balance follows")
    func payments() throws {
        var state = opened(Fx.dealLiga)
        DealFx.type("P", &state)
        var deal = try #require(state.workspace.deal(Fx.dealLiga))
        #expect(deal.payments.allSatisfy { $0.status == .paid })
        #expect(deal.payments[1].paidAt == Fx.now)
        #expect(page(state).contains("Payments  agreed EUR 1,000.00 · paid EUR 1,000.00 · balance EUR 0.00"))
        DealFx.type("P", &state)
        #expect(state.status?.text == "No open payment: p adds one.")

        DealFx.type("p", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no payment form"); return }
        #expect(form.form.values[DealEditors.PaymentKey.kind] == "balance")
        #expect(form.form.values[DealEditors.PaymentKey.amount] == "", "nothing is left to pay")
        DealFx.type("<Up><Right><Down>150<Down><Down><Right><Right><Down>INV-9<Enter>", &state)
        deal = try #require(state.workspace.deal(Fx.dealLiga))
        let bonus = try #require(deal.payments.last)
        #expect(bonus.kind == .bonus && bonus.amount == Money(major: 150, currency: .eur))
        #expect(bonus.status == .paid && bonus.paidAt == Fx.now && bonus.invoiceRef == "INV-9")
        #expect(deal.activities.last?.summary == "Paid EUR 150.00 (bonus)")
    }

    @Test("e edits terms and tracking; a discount code used by another deal is refused")
    func terms() throws {
        var state = opened(Fx.dealNino)
        DealFx.type("e", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no terms form"); return }
        let keys = form.form.fields.map(\.key)
        let down = { (key: String) in String(repeating: "<Down>", count: keys.firstIndex(of: key) ?? 0) }
        let steps = { (from: String, to: String) in
            String(repeating: "<Down>", count: (keys.firstIndex(of: to) ?? 0) - (keys.firstIndex(of: from) ?? 0))
        }
        DealFx.type(down(DealEditors.TermsKey.paidAds) + "<Space>" + steps(DealEditors.TermsKey.paidAds, DealEditors.TermsKey.usageEnds)
                    + "+5d", &state)
        DealFx.type(steps(DealEditors.TermsKey.usageEnds, DealEditors.TermsKey.discountCode) + "glowliga<Enter>", &state)
        guard case .form(let refused)? = state.overlays.last else { Issue.record("the form closed"); return }
        let codeField = try #require(refused.form[DealEditors.TermsKey.discountCode])
        #expect(codeField.error?.contains("GLOWLIGA is used by another deal") == true)
        #expect(refused.form.fields[refused.form.focus].key == DealEditors.TermsKey.discountCode)
        DealFx.type("<C-u>NINO10<Enter>", &state)
        let deal = try #require(state.workspace.deal(Fx.dealNino))
        #expect(deal.tracking.discountCode == "NINO10")
        #expect(deal.contract.usageRights?.paidAds == true)
        #expect(deal.contract.usageRights.flatMap(\.endsAt).map { Humanize.day($0, timeZone: Fx.utc) } == "2024-06-15")
        #expect(page(state).contains { $0.contains("✓ Usage rights") && $0.contains("(in 5d) ⚠") })
    }

    @Test("y copies the referral link built from the campaign's UTM template")
    func copyLink() {
        var state = opened(Fx.dealLiga)
        let effects = DealFx.type("y", &state)
        guard case .copy(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(text == "https://glowlab.example/serum?utm_source=instagram&utm_campaign=serum-launch&utm_content=liga.skin")
        var japan = opened(Fx.dealSakura)
        #expect(DealFx.type("y", &japan).isEmpty)
        #expect(japan.status?.level == .warning)
    }

    @Test("the help overlay lists every deal key")
    func help() {
        var state = opened(Fx.dealLiga, width: 120, height: 50)
        DealFx.type("?", &state)
        let text = Fx.render(state).joined(separator: "\n")
        for label in ["Record offer", "Add deliverable", "Deliverable status", "Enter results of a deliverable", "Add payment",
                      "Mark payment paid", "Edit terms, pricing and tracking", "Copy tracking link", "Template", "Previous stage",
                      "Next section", "Edit a deliverable, payment, offer or entry",
                      "Drop deliverable, cancel payment, delete line", "Add payment for owed commission"] {
            #expect(text.contains(label), "help lists \(label)")
        }
    }
}
