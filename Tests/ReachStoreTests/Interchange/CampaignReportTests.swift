import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct CampaignReportTests {
    static let day = DataFolderFixture.now - 86_400 * 5
    static func eur(_ major: Int64) -> Money { Money(major: major, currency: .eur) }
    static func usd(_ major: Int64) -> Money { Money(major: major, currency: .usd) }

    /// A campaign in EUR with a USD deal (stored rate), a GBP deal (no rate), a declined deal, and one deal in the trash.
    static func workspace() throws -> DataFolderFixture {
        let ws = try DataFolderFixture()
        var settings = WorkspaceSettings()
        settings.currencyRates.set(ExchangeRate(from: .usd, to: .eur, rate: Decimal(string: "0.9") ?? 1,
                                                asOf: Date(timeIntervalSince1970: 1_717_113_600), source: "ECB"))
        try ws.store.saveWorkspace(settings)
        try ws.add(Campaign(id: newID(10), createdAt: day, name: "Serum | launch", brand: "Glow Lab", product: "Serum", status: .active,
                            goals: [.sales, .awareness], budget: eur(10_000),
                            kpiTargets: KPITargets(reach: 100_000, cpm: eur(15), roi: 300)))
        for (n, name, handle) in [(1, "Anna", "anna.k"), (2, "Bob", "bob.yt"), (3, "Cleo", "cleo"), (4, "Dan", "dan.uk")] {
            try ws.add(Influencer(id: newID(n), createdAt: day, displayName: name,
                                  accounts: [PlatformAccount(platform: .instagram, handle: handle, isMain: true,
                                                             snapshots: [MetricSnapshot(asOf: day, followers: 50_000)])]))
        }
        let live = { (count: Int, results: DeliverableResults) in
            Deliverable(platform: .instagram, contentType: .reel, count: count, status: .live, results: results)
        }
        try ws.add(Deal(id: newID(21), createdAt: day, influencerID: newID(1), campaignID: newID(10), stage: .published,
                        agreedFee: eur(2_000),
                        deliverables: [live(1, DeliverableResults(reach: 80_000, impressions: 100_000, likes: 4_000, comments: 500,
                                                                  shares: 300, saves: 200, clicks: 1_000, conversions: 50, revenue: eur(5_000)))],
                        payments: [Payment(kind: .deposit, amount: eur(1_000), status: .paid, paidAt: day),
                                   Payment(kind: .balance, amount: eur(1_000), status: .planned)]))
        try ws.add(Deal(id: newID(22), createdAt: day, influencerID: newID(2), campaignID: newID(10), stage: .complete,
                        agreedFee: usd(1_000),
                        deliverables: [live(2, DeliverableResults(reach: 40_000, impressions: 50_000, likes: 1_000, conversions: 10,
                                                                  revenue: usd(1_000)))],
                        payments: [Payment(amount: usd(1_000), status: .paid, paidAt: day)], archived: true))
        try ws.add(Deal(id: newID(23), createdAt: day, influencerID: newID(3), campaignID: newID(10), stage: .declined, exitReason: "busy",
                        deliverables: [Deliverable(platform: .instagram, contentType: .story, dueDate: day)]))
        try ws.add(Deal(id: newID(24), createdAt: day, influencerID: newID(4), campaignID: newID(10), stage: .negotiating,
                        agreedFee: Money(major: 500, currency: .gbp)))
        let trashed = try ws.add(Deal(id: newID(25), createdAt: day, influencerID: newID(4), campaignID: newID(10), stage: .contracted,
                                      payments: [Payment(amount: eur(300), status: .paid, paidAt: day)]))
        _ = try ws.store.delete(Deal.self, id: trashed.id, expectedRevision: trashed.revision)
        return ws
    }

    @Test func markdownHasTheBudgetKPIsAndCreatorsComputedOnce() throws {
        let ws = try Self.workspace()
        let doc = try CampaignReportDocument.load(campaign: "serum", store: ws.store, now: DataFolderFixture.now)
        let md = doc.markdown()

        #expect(md.hasPrefix("# Campaign report: Serum | launch\n"))
        #expect(md.contains("**Goals:** Awareness, Sales · **Currency:** EUR · **Report date:** 2024-06-01"))
        // Budget: committed = 2,000 (Anna agreed) + 900 (Bob, USD 1,000 at 0.9); declined counts paid only; GBP has no rate.
        #expect(md.contains("| Planned | EUR 10,000.00 |"))
        #expect(md.contains("| Committed | EUR 2,900.00 |"))
        #expect(md.contains("| Paid | EUR 1,900.00 |"))
        #expect(md.contains("| Remaining (planned − committed) | EUR 7,100.00 |"))
        #expect(md.contains("| Unspent (planned − paid) | EUR 8,100.00 |"))
        #expect(md.contains("Exchange rates used: 1 USD = 0.9 EUR (2024-05-31, ECB)."))
        #expect(md.contains("**Missing exchange rates:** GBP to EUR; not counted: GBP 500.00."))
        // Stages in pipeline order.
        #expect(md.contains("| Negotiating | 1 |\n| Published | 1 |\n| Paid / Complete | 1 |\n| Declined | 1 |"))
        #expect(md.contains("Planned 4 · Live 3 · Overdue 1"))
        // KPIs on paid spend EUR 1,900: CPM 1,900 / 150,000 × 1,000 = 12.67; ROI (5,900 − 1,900) / 1,900 = 210.5 %.
        #expect(md.contains("| Reach | 120,000 | 100,000 | 120% |"))
        #expect(md.contains("| Impressions | 150,000 | — | — |"))
        #expect(md.contains("| Engagement rate | 5.0% | — | — |"))
        #expect(md.contains("| Revenue | EUR 5,900.00 | — | — |"))
        #expect(md.contains("| CPM | EUR 12.67 | EUR 15.00 | 118% |"))
        #expect(md.contains("| CPE | EUR 0.32 | — | — |"))
        #expect(md.contains("| CPA | EUR 31.67 | — | — |"))
        #expect(md.contains("| ROI | 210.5% | 300.0% | 70% |"))
        #expect(!md.contains("| Clicks | 0"))
        // Best creator first: Anna spent 1,000 for 5,000 revenue (ROI 400 %, CPM 10.00).
        #expect(md.contains("| Anna | Instagram @anna.k | EUR 1,000.00 | EUR 5,000.00 | 400.0% | 6.2% | EUR 10.00 |"))
        #expect(md.contains("| Bob | Instagram @bob.yt | EUR 900.00 | EUR 900.00 | 0.0% | 2.5% | EUR 18.00 |"))
        #expect(md.contains("1 deleted deal is in the trash and not counted (paid EUR 300.00). Restore it in Reach to count it."))
    }

    @Test func csvCarriesTheSameFiguresOnePerRow() throws {
        let ws = try Self.workspace()
        let doc = try CampaignReportDocument.load(campaign: newID(10).rawValue, store: ws.store, now: DataFolderFixture.now)
        let rows = try csvRows(String(decoding: doc.csv(), as: UTF8.self)).map(\.fields)
        #expect(rows.first == ["section", "item", "metric", "value", "target", "attainment_percent"])
        #expect(rows.contains(["budget", "committed", "amount", "2900.00", "", ""]))
        #expect(rows.contains(["budget", "paid", "amount", "1900.00", "", ""]))
        #expect(rows.contains(["rate", "USD->EUR", "2024-05-31", "0.9", "", ""]))
        #expect(rows.contains(["missing_rate", "GBP", "not counted", "500.00", "", ""]))
        // Attainment is target / actual for cost KPIs, on the CPM as computed (EUR 12.67): 15 / 12.67.
        #expect(rows.contains(["kpi", "cpm", "EUR", "12.67", "15.00", "118.39"]))
        #expect(rows.contains(["kpi", "revenue", "EUR", "5900.00", "", ""]))
        #expect(rows.contains(["kpi", "roi", "percent", "210.53", "300", "70.18"]))
        #expect(rows.contains(["kpi", "reach", "count", "120000", "100000", "120.00"]))
        #expect(rows.contains(["creator", "Anna", "roi_percent", "400.00", "", ""]))
        #expect(rows.contains(["trash", "paid_not_counted", "amount", "300.00", "", ""]))
    }

    @Test func ambiguousAndUnknownCampaignsAreExplained() throws {
        let ws = try Self.workspace()
        try ws.add(Campaign(id: newID(11), createdAt: Self.day, name: "Serum relaunch", brand: "Glow Lab", budget: Self.eur(1)))
        let error = caught { _ = try CampaignReportDocument.load(campaign: "serum", store: ws.store, now: DataFolderFixture.now) }
        #expect(error?.description.contains("matches 2 campaigns") == true)
        #expect(error?.description.contains(newID(11).rawValue) == true)
        // An exact name wins over partial matches.
        #expect(try CampaignReportDocument.load(campaign: "serum relaunch", store: ws.store, now: DataFolderFixture.now).campaign.id == newID(11))
        #expect(caught { _ = try CampaignReportDocument.load(campaign: "zzz", store: ws.store, now: DataFolderFixture.now) } == .notFound(what: "campaign", query: "zzz"))
    }
}
