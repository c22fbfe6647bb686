import Foundation

/// Summed results over many deliverables (missing figures count as 0); revenue converted to one currency.
public struct ResultTotals: Hashable, Sendable {
    public var reach = 0
    public var impressions = 0
    public var views = 0
    public var likes = 0
    public var comments = 0
    public var shares = 0
    public var saves = 0
    public var clicks = 0
    public var codeUses = 0
    public var conversions = 0
    public var revenue: Money
    /// Revenue amounts that could not be converted (no rate).
    public var unconvertedRevenue: [Money] = []

    public init(currency: CurrencyCode) { revenue = .zero(currency) }

    /// likes + comments + shares + saves.
    public var engagements: Int { likes + comments + shares + saves }

    /// Adds one deliverable's results, converting revenue with `rates`; records rates used.
    public mutating func add(_ r: DeliverableResults, rates: CurrencyRates, ratesUsed: inout Set<ExchangeRate>) {
        var converter = CachingConverter(rates: rates, target: revenue.currency)
        add(r, converter: &converter, ratesUsed: &ratesUsed)
    }

    mutating func add(_ r: DeliverableResults, converter: inout CachingConverter, ratesUsed: inout Set<ExchangeRate>) {
        reach += r.reach ?? 0
        impressions += r.impressions ?? 0
        views += r.views ?? 0
        likes += r.likes ?? 0
        comments += r.comments ?? 0
        shares += r.shares ?? 0
        saves += r.saves ?? 0
        clicks += r.clicks ?? 0
        codeUses += r.codeUses ?? 0
        conversions += r.conversions ?? 0
        if let rev = r.revenue {
            switch converter.convert(rev) {
            case .success(let c):
                if let rate = c.rate { ratesUsed.insert(rate) }
                revenue.minorUnits = revenue.minorUnits.clampedAdding(c.converted.minorUnits)
            case .failure:
                unconvertedRevenue.append(rev)
            }
        }
    }
}
