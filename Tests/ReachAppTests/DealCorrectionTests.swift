import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Keeping a deal true after the fact (#16), typed through the real runner on a temp folder and checked in the
/// JSON file after reloading: deliverables edited, re-dated, dropped and restored; payments edited and cancelled;
/// offers corrected and deleted; one's own timeline entries edited and deleted; pricing figures and commission owed.
@Suite("Deal corrections")
struct DealCorrectionTests {
    /// The folder holds the richer deal fixture (Līga's deal: three offers, a live reel, a story in draft, a paid
    /// deposit and a planned balance) and Līga's page is open.
    func opened(width: Int = 100, height: Int = 60, extra: @escaping (inout Deal) -> Void = { _ in }) throws -> Harness {
        let h = try Harness(width: width, height: height, seed: false) { store in
            for r in Fx.influencers { _ = try store.save(r, expectedRevision: 0) }
            for r in DealFx.campaigns { _ = try store.save(r, expectedRevision: 0) }
            for var r in DealFx.deals {
                if r.id == Fx.dealLiga { extra(&r) }
                _ = try store.save(r, expectedRevision: 0)
            }
        }
        h.type("<Enter>")
        #expect(h.state.dealDetail?.dealID == Fx.dealLiga, "Today's first row is Līga's overdue counter-offer")
        return h
    }

    func reloaded(_ h: Harness) throws -> Deal {
        try #require(WorkspaceLoader.load(from: try h.otherStore()).workspace.deal(Fx.dealLiga))
    }

    func file(_ h: Harness) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: h.store.layout.recordFile(.deal, Fx.dealLiga)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func page(_ h: Harness) -> [String] { DealDetailPane.page(h.state)?.body.map(\.text) ?? [] }

    /// The Serum launch report over the folder as saved (Līga's, Nino's and Ola's deals).
    func report(_ h: Harness) throws -> CampaignReport {
        let workspace = WorkspaceLoader.load(from: try h.otherStore()).workspace
        let campaign = try #require(workspace.campaigns[Fx.serum])
        return CampaignReport.make(campaign: campaign, deals: Array(workspace.allDeals), followers: workspace.followersFromFullCreators,
                                   rates: workspace.settings.workspace.currencyRates, now: Fx.now)
    }

    static func eur(_ major: Int64) -> Money { Money(major: major, currency: .eur) }

    @Test("E re-dates and changes a deliverable (logged as moved); d drops it with a reason, out of the counts; u brings it back")
    func deliverables() throws {
        let h = try opened()
        let before = try report(h)
        #expect(before.deliverablesPlanned == 4 && before.deliverablesLive == 1, "a reel and three stories")

        h.type("Estory<Enter>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no deliverable form"); return }
        #expect(form.title.hasPrefix("Edit Instagram Story ×3"))
        h.type("<Down><Down><C-u>2<Down><C-u>2024-06-19<Down>https://drive.example/draft-2<Enter>")
        var deal = try reloaded(h)
        let story = try #require(deal.deliverables.first { $0.id == DealFx.uuid(2) })
        #expect(story.count == 2 && story.draftURL == "https://drive.example/draft-2")
        #expect(story.dueDate.map { CalendarDay.text($0, timeZone: Fx.utc) } == "2024-06-19")
        #expect(deal.activities.last?.summary
                == "Instagram Story ×3: now Instagram Story ×2 · due moved 2024-06-16 → 2024-06-19 · draft link https://drive.example/draft-2")
        #expect(page(h).contains("  2. Instagram Story ×2 · due 2024-06-19 (in 9d) · Draft"))
        #expect(page(h).contains("     draft: https://drive.example/draft-2"))

        h.type("dstory<Enter>")
        guard case .prompt? = h.state.overlays.last else { Issue.record("no reason prompt"); return }
        h.type("<Enter>")
        guard case .prompt(let refused)? = h.state.overlays.last else { Issue.record("an empty reason was taken"); return }
        #expect(refused.error?.contains("Say why") == true)
        h.type("budget cut<Enter>")
        let dropped = try #require((try file(h)["deliverables"] as? [[String: Any]])?.last?["dropped"] as? [String: Any])
        #expect(dropped["reason"] as? String == "budget cut" && dropped["by"] as? String == "tester")
        deal = try reloaded(h)
        #expect(deal.deliverables.count == 2, "dropping keeps the deliverable on the deal")
        #expect(page(h).contains { $0.hasPrefix("Deliverables  1 of 1 live · 1 dropped") })
        #expect(page(h).contains("  2. ✗ Instagram Story ×2 · dropped 2024-06-10: budget cut"))
        let after = try report(h)
        #expect(after.deliverablesPlanned == 1 && after.deliverablesLive == 1, "the two stories left the planned count")

        h.type("u")
        #expect(try reloaded(h).deliverables.allSatisfy { !$0.isDropped }, "undo brings the deliverable back")
        #expect(try report(h).deliverablesPlanned == 3)

        h.type("dstory<Enter>late<Enter>")
        #expect(try reloaded(h).deliverables.last?.isDropped == true)
        h.type("dstory<Enter>")
        deal = try reloaded(h)
        #expect(deal.deliverables.last?.isDropped == false, "d on a dropped deliverable restores it")
        #expect(deal.activities.last?.summary == "Restored Instagram Story ×2")
        #expect(try report(h).deliverablesPlanned == 3)
    }

    @Test("a count of 0 and an amount of abc are refused under their fields, and the form keeps what was typed")
    func badInput() throws {
        let h = try opened()
        h.type("Estory<Enter><Down><Down><C-u>0<Enter>")
        guard case .form(let deliverable)? = h.state.overlays.last else { Issue.record("the form closed"); return }
        let count = try #require(deliverable.form[DealEditors.DeliverableKey.count])
        #expect(count.error == "Count: at least 1." && count.input.text == "0")
        h.type("<Esc>")
        #expect(h.state.overlays.isEmpty)
        h.type("Ebalance<Enter><C-u>abc<Enter>")
        guard case .form(let payment)? = h.state.overlays.last else { Issue.record("the payment form closed"); return }
        let amount = try #require(payment.form[DealEditors.PaymentKey.amount])
        #expect(amount.error != nil && amount.input.text == "abc")
        #expect(try reloaded(h).payments.map(\.amount) == [Self.eur(500), Self.eur(500)], "nothing saved")
    }

    @Test("E edits a payment (amount, invoice); d cancels one with a reason: shown cancelled, out of the paid total and the report")
    func payments() throws {
        let h = try opened()
        let before = try report(h)
        #expect(before.budget.paid == Self.eur(500) && before.budget.committed == Self.eur(1_000))

        h.type("Ebalance<Enter><C-u>600<Down><Down><Down><Down>INV-8<Enter>")
        var deal = try reloaded(h)
        let balance = try #require(deal.payments.first { $0.id == DealFx.uuid(4) })
        #expect(balance.amount == Self.eur(600) && balance.invoiceRef == "INV-8" && balance.status == .planned)
        #expect(deal.activities.last?.summary == "Payment (balance EUR 500.00): EUR 500.00 → EUR 600.00 · invoice INV-8")

        h.type("ddeposit<Enter>re-issued as INV-9<Enter>")
        deal = try reloaded(h)
        let deposit = try #require(deal.payments.first { $0.id == DealFx.uuid(3) })
        #expect(deposit.status == .cancelled && deposit.cancellation?.reason == "re-issued as INV-9")
        let saved = try #require((try file(h)["payments"] as? [[String: Any]])?.first)
        #expect(saved["status"] as? String == "cancelled")
        #expect((saved["cancellation"] as? [String: Any])?["reason"] as? String == "re-issued as INV-9")
        #expect(page(h).contains("  ✗ deposit EUR 500.00 · cancelled 2024-06-10: re-issued as INV-9"))
        #expect(page(h).contains { $0.hasPrefix("Payments  agreed EUR 1,000.00 · balance EUR 1,000.00") }, "no paid total left")
        let after = try report(h)
        #expect(after.budget.paid == Self.eur(0), "500 paid before, the cancelled deposit no longer counts")
        #expect(after.budget.committed == Self.eur(1_000), "committed is still the agreed fee")

        h.type("Edeposit<Enter><Down><Down><Right>")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no payment form"); return }
        #expect(form.form[DealEditors.PaymentKey.status]?.value == "planned", "moving off cancelled reinstates the line")
        h.type("<Enter>")
        #expect(try reloaded(h).payments.first?.status == .planned && (try reloaded(h).payments.first?.cancellation) == nil)
    }

    @Test("E corrects offers and the agreed fee follows; d deletes the agreed one and no fee is agreed; the report follows")
    func offers() throws {
        let h = try opened()
        h.type("Ethem<Enter><C-u>1100<Enter>")
        var deal = try reloaded(h)
        #expect(deal.offers.map(\.amount) == [Self.eur(800), Self.eur(1_100), Self.eur(1_000)])
        #expect(deal.agreedFee == Self.eur(1_000), "correcting another offer leaves the agreed fee")
        #expect(deal.activities.last?.summary == "Offer of 2024-06-06 corrected: EUR 1,200.00 → EUR 1,100.00")

        h.type("Eagreed<Enter><C-u>950<Enter>")
        deal = try reloaded(h)
        #expect(deal.agreedFee == Self.eur(950) && deal.offers.last?.amount == Self.eur(950))
        #expect(deal.activities.last?.summary == "Offer of 2024-06-07 corrected: EUR 1,000.00 → EUR 950.00 · agreed fee EUR 950.00")
        #expect(try report(h).budget.committed == Self.eur(950), "committed was 1,000.00: max(agreed 950, paid 500)")
        #expect(page(h).contains("  Agreed fee: EUR 950.00"))

        h.type("dagreed<Enter>")
        deal = try reloaded(h)
        #expect(deal.offers.count == 2 && deal.agreedFee == nil)
        #expect(deal.activities.last?.summary == "Deleted our offer of EUR 950.00 (2024-06-07); no fee agreed now")
        #expect(try report(h).budget.committed == Self.eur(500), "with no fee agreed, committed is what was paid")
        h.type("u")
        #expect(try reloaded(h).agreedFee == Self.eur(950), "undo brings the offer and the fee back")
    }

    @Test("own timeline entries are edited (marked edited) and deleted; a teammate's are not offered, and the system's never")
    func activities() throws {
        let h = try opened { deal in
            deal.logActivity(Activity(at: Fx.days(-1), channel: .call, summary: "Anna called about rates", author: "Anna"))
        }
        h.type("aSent brief v2<Enter>")
        h.type("Ebrief v2<Enter><C-u>Sent brief v3<Enter>")
        var deal = try reloaded(h)
        let entry = try #require(deal.activities.first { $0.summary == "Sent brief v3" })
        #expect(entry.editedAt == Fx.now && entry.author == "tester")
        #expect(page(h).contains { $0.contains("Sent brief v3 (tester) · edited 2024-06-10") })

        let rows = DealItemMenu.rows(deal, removing: false, h.state).map(\.title)
        #expect(!rows.contains { $0.contains("Anna called") }, "a teammate's entry is read-only")
        #expect(!rows.contains { $0.contains("Stage:") }, "the system's entries are the record of what happened")
        #expect(rows.contains { $0.contains("Sent brief v3") })

        h.type("dbrief v3<Enter>")
        deal = try reloaded(h)
        #expect(!deal.activities.contains { $0.summary.contains("Sent brief v3") })
        #expect(deal.activities.contains { $0.summary == "Anna called about rates" })
    }

    @Test("e edits every pricing figure and the rights; commission owed is computed beside the ledger and C adds it once")
    func pricingAndCommission() throws {
        let h = try opened()
        h.type("e")
        guard case .form(let form)? = h.state.overlays.last else { Issue.record("no terms form"); return }
        let keys = form.form.fields.map(\.key)
        func go(_ from: String?, _ to: String) -> String {
            String(repeating: "<Down>", count: (keys.firstIndex(of: to) ?? 0) - (from.flatMap { keys.firstIndex(of: $0) } ?? 0))
        }
        typealias K = DealEditors.TermsKey
        h.type(go(nil, K.commission) + "10" + go(K.commission, K.barter) + "serum set" + go(K.barter, K.barterValue) + "120"
               + go(K.barterValue, K.retainer) + "2000" + go(K.retainer, K.retainerPeriod) + "<Right><Right>"
               + go(K.retainerPeriod, K.organic) + "<Space>" + go(K.organic, K.usageDays) + "90"
               + go(K.usageDays, K.whitelisting) + "<Space><Enter>")
        var deal = try reloaded(h)
        #expect(deal.pricing.commissionPercent == 10 && deal.pricing.barterDescription == "serum set")
        #expect(deal.pricing.barterValue == Self.eur(120) && deal.pricing.retainerAmount == Self.eur(2_000))
        #expect(deal.pricing.retainerPeriod == .month)
        let rights = try #require(deal.contract.usageRights)
        #expect(!rights.organic && rights.paidAds && rights.durationDays == 90, "organic was on (the default) and Space turned it off")
        #expect(deal.contract.whitelisting == true)
        let pricing = try #require(try file(h)["pricing"] as? [String: Any])
        #expect(pricing["retainerPeriod"] as? String == "month" && pricing["barterDescription"] as? String == "serum set")
        #expect(page(h).contains { $0.contains("barter worth EUR 120.00 · retainer EUR 2,000.00 / month") })

        // The live reel's revenue is EUR 2,500.00: 10% is EUR 250.00, none of it in the ledger yet.
        #expect(page(h).contains("  Commission 10% of EUR 2,500.00 sales = EUR 250.00 · owed EUR 250.00 (C adds it)"))
        h.type("C")
        deal = try reloaded(h)
        let line = try #require(deal.payments.last)
        #expect(line.kind == .commission && line.amount == Self.eur(250) && line.status == .due)
        #expect(line.note == "Computed 2024-06-10: 10% of EUR 2,500.00 sales, less EUR 0.00 in the ledger")
        #expect(page(h).contains("  Commission 10% of EUR 2,500.00 sales = EUR 250.00 · in the ledger EUR 250.00 · nothing owed"))
        h.type("C")
        #expect(try reloaded(h).payments.count == 3, "nothing owed: no second line")
        #expect(h.state.status?.text.contains("No commission owed") == true)
    }
}
