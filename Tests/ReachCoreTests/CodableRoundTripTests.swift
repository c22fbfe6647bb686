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
