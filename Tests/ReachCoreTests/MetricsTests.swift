import Foundation
import Testing
@testable import ReachCore

@Suite struct MetricsTests {
    @Test func engagementRate() {
        // (400 + 50 + 30 + 20) / 10,000 × 100 = 5 %
        #expect(Metrics.engagementRate(likes: 400, comments: 50, shares: 30, saves: 20, followers: 10_000) == 5)
        #expect(Metrics.engagementRate(likes: 1, comments: 0, followers: 0) == nil)
        #expect(Metrics.averageEngagementRate(postEngagements: [300, 500], followers: 10_000) == 4)
        #expect(Metrics.averageEngagementRate(postEngagements: [], followers: 10_000) == nil)
    }

    @Test func engagementRateFromResults() {
        let r = DeliverableResults(reach: 20_000, likes: 900, comments: 100)
        #expect(Metrics.engagementRate(results: r, followers: 50_000) == 5) // by reach
        let noReach = DeliverableResults(likes: 900, comments: 100)
        #expect(Metrics.engagementRate(results: noReach, followers: 50_000) == 2) // by followers
        #expect(Metrics.engagementRate(results: DeliverableResults(), followers: 50_000) == nil)
    }

    @Test func costMetrics() {
        let cost = Fx.eur(500)
        #expect(Metrics.cpm(cost: cost, impressions: 100_000) == Fx.eur(5))
        #expect(Metrics.cpe(cost: cost, engagements: 2_000) == Money(minorUnits: 25, currency: .eur))
        #expect(Metrics.cpc(cost: cost, clicks: 400) == Money(minorUnits: 125, currency: .eur))
        #expect(Metrics.cpa(cost: cost, conversions: 40) == Money(minorUnits: 1_250, currency: .eur))
        #expect(Metrics.cpm(cost: cost, impressions: 0) == nil)
        #expect(Metrics.cpa(cost: cost, conversions: 0) == nil)
        #expect(Metrics.cpe(cost: Money(minorUnits: 100, currency: .eur), engagements: 3) == Money(minorUnits: 33, currency: .eur))
    }

    @Test func roi() {
        #expect(Metrics.roi(revenue: Fx.eur(1_500), cost: Fx.eur(500)) == 200)
        #expect(Metrics.roi(revenue: Fx.eur(250), cost: Fx.eur(500)) == -50)
        #expect(Metrics.roi(revenue: Fx.eur(250), cost: Fx.eur(0)) == nil)
        #expect(Metrics.roi(revenue: Fx.usd(250), cost: Fx.eur(10)) == nil)
        #expect(Metrics.ratio(1, 0) == nil)
    }

    @Test(arguments: [(0, Tier.nano), (999, .nano), (1_000, .micro), (99_999, .micro), (100_000, .macro),
                      (999_999, .macro), (1_000_000, .mega), (50_000_000, .mega)])
    func tierBoundaries(_ followers: Int, _ tier: Tier) {
        #expect(TierThresholds.standard.tier(forFollowers: followers) == tier)
    }

    @Test func configurableTiers() {
        let t = TierThresholds(micro: 10_000)
        #expect(t.tier(forFollowers: 9_999) == .nano)
        #expect(Fx.influencer(followers: 42_000).tier() == .micro)
        #expect(Fx.influencer(followers: 420).tier() == .nano)
    }

    @Test func staleness() {
        let acc = Fx.influencer().accounts[0]
        #expect(acc.latestFollowers?.ageInDays(now: Fx.day(31)) == 31)
        #expect(acc.isStale(now: Fx.day(30)) == false)
        #expect(acc.isStale(now: Fx.day(31)))
        #expect(acc.isStale(now: Fx.day(10), staleAfterDays: 7))
        var a2 = acc
        a2.record(MetricSnapshot(asOf: Fx.day(20), source: .estimate, followers: 45_000))
        #expect(a2.latestFollowers?.value == 45_000)
        #expect(a2.latestFollowers?.source == .estimate)
        #expect(a2.latestEngagementRate?.asOf == Fx.t0) // ER only in the older snapshot
    }
}
