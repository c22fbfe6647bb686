import Foundation
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

/// Richer data for the pipeline, deal page, campaign and template tests, built on the shared `Fx` records:
/// a negotiated, published deal with results and payments; multi-currency fees (one without a rate); templates.
enum DealFx {
    static let firstOutreach = Fx.id(300), followUp = Fx.id(301)

    static var templates: [Template] {
        [
            Template(id: firstOutreach, createdAt: Fx.days(-30), name: "First outreach", subject: "{brand} × {first_name}",
                     body: "Hi {first_name},\n\nI loved {recent_post}. We would like to offer {offer} for {campaign}.\nCode: {code}"),
            Template(id: followUp, createdAt: Fx.days(-30), name: "Gentle nudge", kind: .followUp,
                     body: "Hi {first_name}, just checking in about {campaign}."),
        ]
    }

    /// USD→EUR is stored; GEL has no rate, so a GEL fee is left out of the EUR totals.
    static var settings: AppSettings {
        var workspace = WorkspaceSettings()
        workspace.currencyRates.set(ExchangeRate(from: .usd, to: .eur, rate: Decimal(string: "0.92") ?? 1, asOf: Fx.days(-10), source: "ECB"))
        return AppSettings(workspace: workspace)
    }

    static var campaigns: [Campaign] {
        var campaigns = Fx.campaigns
        campaigns[0].startDate = Fx.days(-20)
        campaigns[0].endDate = Fx.days(40)
        campaigns[0].goals = [.sales, .awareness]
        campaigns[0].utmTemplate = "https://glowlab.example/serum?utm_source={platform}&utm_campaign={campaign}&utm_content={handle}"
        campaigns[0].kpiTargets = KPITargets(reach: 100_000, impressions: 150_000, engagements: 5_000, conversions: 100,
                                             revenue: Money(major: 10_000, currency: .eur), cpm: Money(major: 20, currency: .eur),
                                             roi: 100)
        return campaigns
    }

    /// Līga's deal, moved on to Published: offers, terms, a live reel with results, a story in draft, two payments.
    static var ligaDeal: Deal {
        var deal = Fx.deals[0]
        let eur = { (major: Int64) in Money(major: major, currency: .eur) }
        deal.recordOffer(by: .us, amount: eur(800), at: Fx.days(-4.5), note: "first offer")
        deal.recordOffer(by: .them, amount: eur(1_200), at: Fx.days(-4))
        deal.recordOffer(by: .us, amount: eur(1_000), at: Fx.days(-3.5), agreed: true)
        try? deal.move(to: .published, at: Fx.days(-2))
        deal.contract = ContractTerms(paymentSchedule: "50% upfront, 50% on publish", paymentMethod: "bank transfer",
                                      usageRights: UsageRights(paidAds: true, endsAt: Fx.days(10)),
                                      exclusivity: Exclusivity(endsAt: Fx.days(40), scope: "serums", competitors: ["Derma Co"]))
        deal.tracking.discountCode = "GLOWLIGA"
        deal.deliverables = [
            Deliverable(id: uuid(1), platform: .instagram, contentType: .reel, dueDate: Fx.days(-1), status: .live,
                        liveURL: "https://instagram.example/p/liga1", postedAt: Fx.days(-2),
                        results: DeliverableResults(reach: 20_000, impressions: 30_000, likes: 1_500, comments: 120, shares: 30,
                                                    saves: 50, clicks: 400, conversions: 25, revenue: eur(2_500), asOf: Fx.days(-1))),
            Deliverable(id: uuid(2), platform: .instagram, contentType: .story, count: 3, dueDate: Fx.days(6), status: .draft),
        ]
        deal.payments = [
            Payment(id: uuid(3), kind: .deposit, amount: eur(500), dueDate: Fx.days(-4), status: .paid, paidAt: Fx.days(-3),
                    invoiceRef: "INV-7"),
            Payment(id: uuid(4), kind: .balance, amount: eur(500), dueDate: Fx.days(14)),
        ]
        return deal
    }

    static var deals: [Deal] {
        var deals = Fx.deals
        deals[0] = ligaDeal
        deals[1].agreedFee = Money(major: 2_000, currency: .gel)
        deals[3].agreedFee = Money(major: 1_500, currency: .usd)
        return deals
    }

    static func uuid(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n)) ?? UUID() }

    static var workspace: Workspace {
        Workspace(influencers: Fx.influencers, campaigns: campaigns, deals: deals, templates: templates, settings: settings)
    }

    static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(workspace: workspace, now: Fx.now, timeZone: Fx.utc, size: Size(width: width, height: height), author: "tester")
    }

    /// Applies typed keys (see `keys`) through `App.update`, returning every effect they asked for.
    @discardableResult
    static func type(_ script: String, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        // Each key as the runner handles a key typed on its own: then the frame's work (`keysHandled`).
        for event in keys(script) { effects += App.update(&state, .input(event)) + App.update(&state, .keysHandled) }
        return effects
    }

    /// Saves the templates through a second session and lets the harness pick them up, as another user would.
    static func addTemplates(to harness: Harness) throws {
        let other = try harness.otherStore()
        for template in templates { _ = try other.save(template, expectedRevision: 0) }
        harness.runner.pollExternalChanges()
    }
}
