import Foundation
import ReachCore

/// A few creators, one campaign and deals with work due, relative to the real clock (the binary runs on it).
/// Names cover Latin with diacritics, Georgian and Japanese, so search and wide-glyph drawing are exercised.
enum SmallWorkspace {
    static let georgianName = "ნინო ბერიძე"
    static let georgianCity = "Tbilisi"
    static let campaignName = "Serum launch"

    static func write(to folder: DataFolder, now: Date = Date()) throws {
        func days(_ n: Double) -> Date { now.addingTimeInterval(n * 86_400) }
        func account(_ platform: Platform, _ handle: String, _ followers: Int) -> PlatformAccount {
            PlatformAccount(platform: platform, handle: handle, isMain: true,
                            snapshots: [MetricSnapshot(asOf: days(-10), followers: followers, engagementRate: 3.1)])
        }
        let created = days(-30)
        let liga = Influencer(id: RecordID.generate(at: created), createdAt: created, displayName: "Līga Bērziņa",
                              contact: ContactInfo(email: "liga@example.lv"), country: "LV", city: "Rīga",
                              accounts: [account(.instagram, "liga.skin", 42_000)])
        let nino = Influencer(id: RecordID.generate(at: created), createdAt: created, displayName: georgianName,
                              country: "GE", city: georgianCity, languages: ["ka", "en"],
                              accounts: [account(.tiktok, "nino.eats", 1_250_000)])
        let sakura = Influencer(id: RecordID.generate(at: created), createdAt: created, displayName: "田中さくら",
                                country: "JP", city: "Kyoto", accounts: [account(.youtube, "sakura.travel", 312_000)])
        let ola = Influencer(id: RecordID.generate(at: created), createdAt: created, displayName: "Ola Nordmann",
                             country: "NO", accounts: [account(.linkedin, "ola-b2b", 950)])
        let campaign = Campaign(id: RecordID.generate(at: created), createdAt: created, name: campaignName,
                                brand: "Glow Lab", status: .active, budget: Money(major: 10_000, currency: .eur))

        var ligaDeal = Deal(id: RecordID.generate(at: days(-5)), createdAt: days(-5), influencerID: liga.id,
                            campaignID: campaign.id, stage: .negotiating)
        ligaDeal.setFollowUp("Send counter-offer", due: days(-3))
        var ninoDeal = Deal(id: RecordID.generate(at: days(-5)), createdAt: days(-5), influencerID: nino.id,
                            campaignID: campaign.id, stage: .contacted)
        ninoDeal.setFollowUp("Chase reply", due: days(-1), whoseMove: .them)
        var sakuraDeal = Deal(id: RecordID.generate(at: days(-5)), createdAt: days(-5), influencerID: sakura.id,
                              campaignID: campaign.id, stage: .contentReview)
        sakuraDeal.deliverables = [Deliverable(platform: .youtube, contentType: .video, dueDate: days(2), status: .inReview)]

        try folder.insert(influencers: [liga, nino, sakura, ola], campaigns: [campaign], deals: [ligaDeal, ninoDeal, sakuraDeal])
    }
}
