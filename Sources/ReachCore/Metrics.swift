import Foundation

/// Pure KPI formulas. Every division by zero (or by a missing figure) returns nil, never NaN or infinity.
public enum Metrics {
    /// `num / den`, nil when `den` is 0 or the result is not finite.
    public static func ratio(_ num: Double, _ den: Double) -> Double? {
        guard den != 0 else { return nil }
        let r = num / den
        return r.isFinite ? r : nil
    }

    /// ER in percent = (likes + comments + shares + saves) / followers × 100.
    public static func engagementRate(likes: Int, comments: Int, shares: Int = 0, saves: Int = 0, followers: Int) -> Double? {
        engagementRate(engagements: likes + comments + shares + saves, audience: followers)
    }

    /// ER in percent = engagements / audience × 100 (audience: followers or reach).
    public static func engagementRate(engagements: Int, audience: Int) -> Double? {
        ratio(Double(engagements), Double(audience)).map { $0 * 100 }
    }

    /// Average of per-post ERs (each post's engagements / followers × 100); nil for no posts or no followers.
    public static func averageEngagementRate(postEngagements: [Int], followers: Int) -> Double? {
        let rates = postEngagements.compactMap { engagementRate(engagements: $0, audience: followers) }
        guard !rates.isEmpty else { return nil }
        return rates.reduce(0, +) / Double(rates.count)
    }

    /// ER of delivered content: engagements / reach × 100 when reach is known ("ER by reach", what platforms report
    /// for a post); otherwise engagements / followers × 100 ("ER by followers", comparable with roster figures).
    public static func engagementRate(results: DeliverableResults, followers: Int?) -> Double? {
        guard let engagements = results.engagements else { return nil }
        if let reach = results.reach, reach > 0 { return engagementRate(engagements: engagements, audience: reach) }
        guard let followers else { return nil }
        return engagementRate(engagements: engagements, audience: followers)
    }

    /// `cost × multiplier / count` as Money in the cost's currency, banker's-rounded to the minor unit; nil if count ≤ 0.
    public static func costPer(_ cost: Money, count: Int, multiplier: Int64 = 1) -> Money? {
        guard count > 0 else { return nil }
        var exact = Decimal(cost.minorUnits) * Decimal(multiplier) / Decimal(count)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .bankers)
        return Money(minorUnits: NSDecimalNumber(decimal: rounded).int64Value, currency: cost.currency)
    }

    /// CPM = cost / impressions × 1000.
    public static func cpm(cost: Money, impressions: Int) -> Money? { costPer(cost, count: impressions, multiplier: 1000) }
    /// CPE = cost / engagements.
    public static func cpe(cost: Money, engagements: Int) -> Money? { costPer(cost, count: engagements) }
    /// CPC = cost / clicks.
    public static func cpc(cost: Money, clicks: Int) -> Money? { costPer(cost, count: clicks) }
    /// CPA = cost / conversions.
    public static func cpa(cost: Money, conversions: Int) -> Money? { costPer(cost, count: conversions) }

    /// ROI in percent = (revenue − cost) / cost × 100; nil for zero cost or mixed currencies.
    public static func roi(revenue: Money, cost: Money) -> Double? {
        guard revenue.currency == cost.currency, cost.minorUnits != 0 else { return nil }
        return ratio(Double(revenue.minorUnits - cost.minorUnits), Double(cost.minorUnits)).map { $0 * 100 }
    }

    /// Tier of an influencer from the main account's latest follower count; nil when unknown.
    public static func tier(of influencer: Influencer, thresholds: TierThresholds = .standard) -> Tier? {
        guard let followers = influencer.followers else { return nil }
        return thresholds.tier(forFollowers: followers)
    }
}

extension Influencer {
    /// Tier from the main account (nil without a follower figure).
    public func tier(thresholds: TierThresholds = .standard) -> Tier? { Metrics.tier(of: self, thresholds: thresholds) }

    /// Latest follower count of the main account.
    public var followers: Int? { mainAccountIndex.flatMap { accounts[$0].latestFollowers?.value } }

    /// Latest ER of the main account in percent.
    public var engagementRate: Double? { mainAccountIndex.flatMap { accounts[$0].latestEngagementRate?.value } }
}
