import Foundation
import Testing
@testable import ReachCore

func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let data = try encoder.encode(value)
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(T.self, from: data)
}

@Suite struct CodableRoundTripTests {
    @Test func influencerRoundTrips() throws {
        var inf = Fx.influencer()
        inf.agent = AgentContact(name: "Anna", agency: "Baltic Talent", contact: ContactInfo(email: "anna@bt.lv"))
        inf.audience = Audience(topCountries: [AudienceShare("LV", 61.5)], ageBands: [AudienceShare("18-24", 40)],
                                gender: GenderSplit(female: 80, male: 19, other: 1), interests: ["beauty"], targetMarketShare: 55)
        inf.vetting.set(.authenticity, .pass, note: "steady growth")
        inf.rateCard = RateCard(entries: [RateCardEntry(platform: .instagram, contentType: .reel, price: Fx.eur(800))], quotedAt: Fx.t0)
        inf.rating = CreatorRating(stars: 5, wouldWorkAgain: true)
        inf.consent = DataConsent(source: "inbound form", consentAt: Fx.t0)
        #expect(try roundTrip(inf) == inf)
    }
}

@Suite struct CodableRoundTripMoreTests {
    /// Campaign writes its own `encode(to:)` (goals in declared order): every field must still be in the file, and
    /// the goals must come out the same whatever order the set holds them in.
    @Test func aCampaignWritesEveryFieldAndItsGoalsInOneOrder() throws {
        var c = Fx.campaign()
        c.product = "Serum"
        c.owner = "Marta"
        c.funnelStage = FunnelStage.allCases.first
        c.utmTemplate = "https://x.example/?utm_campaign={campaign}"
        c.notes = "n"
        c.goals = Set(CampaignGoal.allCases.reversed())
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(c)) as? [String: Any])
        let fields = Mirror(reflecting: c).children.compactMap(\.label)
        #expect(Set(object.keys) == Set(fields), "a field added to Campaign needs a line in its encode(to:)")
        #expect(object["goals"] as? [String] == CampaignGoal.allCases.map(\.rawValue))
        #expect(try roundTrip(c) == c)
    }


    @Test func campaignDealTemplateSettingsRoundTrip() throws {
        var c = Fx.campaign()
        c.brief = CampaignBrief(keyMessage: "Visible results in 14 days", dos: ["show texture"], donts: ["medical claims"],
                                disclosureRule: "#ad first line")
        c.kpiTargets = KPITargets(reach: 500_000, engagementRate: 4.5, revenue: Fx.eur(30_000), cpa: Fx.eur(12), roi: 150)
        c.utmTemplate = "https://glowlab.eu/serum?utm_source={platform}&utm_campaign={campaign}&utm_content={handle}"
        #expect(try roundTrip(c) == c)

        var d = Fx.deal(stage: .negotiating)
        d.pricing = Pricing(model: .hybrid, commissionPercent: 10, unitRate: nil)
        d.recordOffer(by: .us, amount: Fx.eur(900), at: Fx.day(1), agreed: true)
        d.contract = ContractTerms(paymentSchedule: "50% upfront", usageRights: UsageRights(paidAds: true, durationDays: 90, territories: ["EU"], endsAt: Fx.day(90)),
                                   exclusivity: Exclusivity(endsAt: Fx.day(60), scope: "serums", competitors: ["Rival"]), whitelistingEndsAt: Fx.day(45), signedAt: Fx.day(2))
        d.deliverables = [Deliverable(platform: .tiktok, contentType: .video, count: 2, dueDate: Fx.day(20), status: .live,
                                      liveURL: "https://tiktok.com/@x/video/1", postedAt: Fx.day(19),
                                      results: DeliverableResults(reach: 10, likes: 1, revenue: Fx.eur(3), asOf: Fx.day(25), source: .imported))]
        d.tracking = Tracking(discountCode: "LIGA15", referralLink: "https://glowlab.eu/?r=liga")
        d.payments = [Payment(kind: .deposit, amount: Fx.eur(450), dueDate: Fx.day(3), status: .paid, paidAt: Fx.day(3), invoiceRef: "INV-1")]
        d.setFollowUp("Chase draft", due: Fx.day(18), whoseMove: .them)
        try d.move(to: .contracted, at: Fx.day(2))
        #expect(try roundTrip(d) == d)

        let t = Template(id: Fx.id(300), createdAt: Fx.t0, name: "First outreach (ja)", kind: .firstOutreach, language: "ja",
                         subject: "{brand} × {name}", body: "{first_name}さん、こんにちは")
        #expect(try roundTrip(t) == t)

        var s = WorkspaceSettings(reportingCurrency: .usd, sharedTeamMode: true)
        s.currencyRates.set(ExchangeRate(from: .jpy, to: .eur, rate: Decimal(string: "0.00616") ?? 0, asOf: Fx.t0, source: "ECB"))
        #expect(try roundTrip(s) == s)
    }

    @Test func openSetValuesSurviveUnknownRawValues() throws {
        let json = #"{"platform":"mastodon","handle":"x","id":"6F1C5B7E-2D67-4B4A-9F0E-1C5E2E8F9A10","isMain":false,"snapshots":[]}"#
        let acc = try JSONDecoder().decode(PlatformAccount.self, from: Data(json.utf8))
        #expect(acc.platform == Platform(rawValue: "mastodon"))
        #expect(!acc.platform.isKnown)
        #expect(try roundTrip(acc) == acc)
        #expect(MetricSource(rawValue: "import") == .imported)
    }
}
