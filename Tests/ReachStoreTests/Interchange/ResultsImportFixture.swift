import Foundation
import ReachCore
@testable import ReachStore

/// One campaign ("Serum launch", EUR, a UTM template) with two creators' deals, both fully paid:
/// Līga (code LIGA15, 10 % commission, EUR 500 paid, an Instagram reel with hand-entered results) and
/// Ola (code OLA10, EUR 300 paid, a TikTok video).
struct ResultsFixture {
    let ws: DataFolderFixture
    let campaign: Campaign
    let liga: Deal
    let ola: Deal
    static let eur = CurrencyCode.eur

    static func euros(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: eur) }

    init() throws {
        ws = try DataFolderFixture()
        let now = DataFolderFixture.now
        campaign = try ws.add(Campaign(id: newID(1), createdAt: now, name: "Serum launch", brand: "Glow", budget: Self.euros(500_000),
                                       utmTemplate: "https://shop.example/serum?utm_source={platform}&utm_campaign={campaign}&utm_content={handle}"))
        let ligaCreator = try ws.add(Influencer(id: newID(2), createdAt: now, displayName: "Līga",
                                                accounts: [PlatformAccount(platform: .instagram, handle: "liga.glow")]))
        let olaCreator = try ws.add(Influencer(id: newID(3), createdAt: now, displayName: "Ola",
                                               accounts: [PlatformAccount(platform: .tiktok, handle: "ola.outdoors")]))
        let reel = Deliverable(platform: .instagram, contentType: .reel, status: .live, liveURL: "https://www.instagram.com/reel/ABC123/",
                               results: DeliverableResults(reach: 5_000, likes: 100, clicks: 50, revenue: Self.euros(100_000), source: .manual))
        liga = try ws.add(Deal(id: newID(4), createdAt: now, influencerID: ligaCreator.id, campaignID: campaign.id, stage: .published,
                               compensation: .paid, pricing: Pricing(model: .hybrid, commissionPercent: 10), agreedFee: Self.euros(50_000),
                               deliverables: [reel], tracking: Tracking(discountCode: "LIGA15"),
                               payments: [Payment(kind: .balance, amount: Self.euros(50_000), status: .paid, paidAt: now)]))
        let video = Deliverable(platform: .tiktok, contentType: .video, status: .live, liveURL: "https://www.tiktok.com/@ola.outdoors/video/777")
        ola = try ws.add(Deal(id: newID(5), createdAt: now, influencerID: olaCreator.id, campaignID: campaign.id, stage: .published,
                              agreedFee: Self.euros(30_000), deliverables: [video], tracking: Tracking(discountCode: "OLA10"),
                              payments: [Payment(kind: .balance, amount: Self.euros(30_000), status: .paid, paidAt: now)]))
    }

    func importResults(_ path: String, dryRun: Bool = false, map: [String] = []) throws -> ImportReport {
        try ResultsImport.run(file: path, store: ws.store, options: .init(
            overrides: try map.map { spec throws(InterchangeError) in try ResultColumns.Override.parse(spec) },
            dryRun: dryRun, now: DataFolderFixture.now))
    }

    func deal(_ id: RecordID) -> Deal? { ws.store.loadAll(Deal.self).records.first { $0.id == id } }

    func report() -> CampaignReport {
        CampaignReport.make(campaign: campaign, deals: ws.store.loadAll(Deal.self).records, rates: CurrencyRates(), now: DataFolderFixture.now)
    }

    /// The figures of one creator in the campaign report.
    func performance(_ id: RecordID) -> CreatorPerformance? { report().creators.first { $0.dealID == id } }

    /// The computed commission line's amount, if any.
    func computedCommission(_ id: RecordID) -> Money? {
        deal(id).flatMap { d in d.computedCommissionIndex.map { d.payments[$0].amount } }
    }
}
