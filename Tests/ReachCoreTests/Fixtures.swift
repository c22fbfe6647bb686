import Foundation
@testable import ReachCore

/// Shared fixed dates and sample records for ReachCore tests.
enum Fx {
    static let t0 = Date(timeIntervalSince1970: 1_717_200_000) // 2024-06-01T00:00:00Z
    static func day(_ n: Int) -> Date { t0.addingTimeInterval(Double(n) * 86_400) }
    static func id(_ n: Int) -> RecordID {
        var rng = SeededRNG(seed: UInt64(n))
        return RecordID.generate(at: t0, using: &rng)
    }
    static func eur(_ major: Int64) -> Money { Money(major: major, currency: .eur) }
    static func usd(_ major: Int64) -> Money { Money(major: major, currency: .usd) }

    static func influencer(_ name: String = "Līga Bērziņa", handle: String = "liga.skin", followers: Int = 42_000,
                           n: Int = 1) -> Influencer {
        Influencer(id: id(n), createdAt: t0, displayName: name, realName: name,
                   contact: ContactInfo(email: "liga@example.lv"), country: "LV", city: "Rīga",
                   languages: ["lv", "en"], timeZone: "Europe/Riga", tags: ["serum"], niches: ["skincare"],
                   accounts: [PlatformAccount(platform: .instagram, handle: "@" + handle, isMain: true,
                                              snapshots: [MetricSnapshot(asOf: t0, source: .manual, followers: followers, engagementRate: 3.5)])])
    }

    static func campaign(budget: Money = Money(major: 10_000, currency: .eur)) -> Campaign {
        Campaign(id: id(100), createdAt: t0, name: "Serum launch", brand: "Glow Lab", product: "Anti-age serum",
                 status: .active, startDate: t0, endDate: day(60), goals: [.sales, .awareness], budget: budget)
    }

    static func deal(n: Int = 200, stage: StageKey = .prospect) -> Deal {
        Deal(id: id(n), createdAt: t0, influencerID: id(1), campaignID: id(100), stage: stage)
    }
}

/// A deterministic RNG (SplitMix64) for reproducible IDs.
struct SeededRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
