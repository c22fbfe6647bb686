import Foundation

/// A campaign's money position in its reporting currency, with the rates used and what could not be converted.
///
/// - planned: the campaign budget.
/// - committed: per deal, the larger of the agreed fee and what was paid; side-exited deals count only what was paid.
/// - paid: payments with status `paid` (only paid counts as spend).
/// - remaining: planned − committed; unspent: planned − paid.
/// Archived deals are included, so totals match exports and reproduce from the files.
public struct BudgetSummary: Hashable, Sendable {
    public var currency: CurrencyCode
    public var planned: Money
    public var committed: Money
    public var paid: Money
    public var remaining: Money { Money(minorUnits: planned.minorUnits - committed.minorUnits, currency: currency) }
    public var unspent: Money { Money(minorUnits: planned.minorUnits - paid.minorUnits, currency: currency) }
    /// The stored rates applied in the conversion, for the report footer.
    public var ratesUsed: [ExchangeRate]
    /// Currencies that had no rate to the reporting currency; their amounts are left out of the totals.
    public var missingRates: [CurrencyCode]
    /// Amounts left out because a rate was missing.
    public var unconverted: [Money]

    /// True when every amount was converted.
    public var isComplete: Bool { missingRates.isEmpty }
}

/// Campaign budget arithmetic across currencies.
public enum Budget {
    /// Sums the campaign's deals into a `BudgetSummary` in the campaign currency using stored `rates`.
    /// Full deals and their rows give the same summary.
    // Made for full deals and rows here, for the callers in other modules: unspecialized, each deal was copied to read
    // a field through the protocol (some forty references retained and released), and a dashboard over the 200,458
    // deals of a folder held whole took 100–113 ms instead of 13.
    @_specialize(exported: true, where D == Deal)
    @_specialize(exported: true, where D == DealRow)
    public static func summary<D: ListedDeal>(for campaign: Campaign, deals: [D], rates: CurrencyRates,
                                              pipeline: StagePipeline = .default) -> BudgetSummary {
        var converter = CachingConverter(rates: rates, target: campaign.reportingCurrency)
        return summary(for: campaign, deals: deals, converter: &converter, pipeline: pipeline)
    }

    static func summary<D: ListedDeal>(for campaign: Campaign, deals: [D], converter: inout CachingConverter,
                                       pipeline: StagePipeline) -> BudgetSummary {
        let target = campaign.reportingCurrency
        var used = Set<ExchangeRate>()
        var missing = Set<CurrencyCode>()
        var unconverted: [Money] = []

        func convert(_ m: Money) -> Int64? {
            switch converter.convert(m) {
            case .success(let c):
                if let r = c.rate { used.insert(r) }
                return c.converted.minorUnits
            case .failure:
                missing.insert(m.currency)
                unconverted.append(m)
                return nil
            }
        }

        var committed: Int64 = 0
        var paid: Int64 = 0
        // Fields are read through the array rather than from a copy of each deal: a copy retains some forty references.
        for index in deals.indices where deals[index].campaignID == campaign.id {
            var dealPaid: Int64 = 0
            deals[index].forEachPaidAmount { amount in dealPaid = dealPaid.clampedAdding(convert(amount) ?? 0) }
            paid = paid.clampedAdding(dealPaid)
            if pipeline.isSideExit(deals[index].stage) {
                committed = committed.clampedAdding(dealPaid)
            } else {
                let agreed = deals[index].agreedFee.flatMap(convert) ?? 0
                committed = committed.clampedAdding(max(agreed, dealPaid))
            }
        }
        return BudgetSummary(currency: target, planned: campaign.budget,
                             committed: Money(minorUnits: committed, currency: target),
                             paid: Money(minorUnits: paid, currency: target),
                             ratesUsed: used.sorted { ($0.from, $0.to) < ($1.from, $1.to) },
                             missingRates: missing.sorted(), unconverted: unconverted)
    }
}

extension Deal {
    /// What the deal costs in `currency`: paid payments (`committed: false`) or max(agreed, paid) (`committed: true`).
    /// Returns nil when an amount has no rate.
    public func cost(in currency: CurrencyCode, rates: CurrencyRates, committed: Bool = false) -> Money? {
        var converter = CachingConverter(rates: rates, target: currency)
        return cost(converter: &converter, committed: committed)
    }

    func cost(converter: inout CachingConverter, committed: Bool = false) -> Money? {
        let currency = converter.target
        var paid: Int64 = 0
        for p in payments where p.status == .paid {
            guard case .success(let c) = converter.convert(p.amount) else { return nil }
            paid = paid.clampedAdding(c.converted.minorUnits)
        }
        guard committed else { return Money(minorUnits: paid, currency: currency) }
        var agreed: Int64 = 0
        if let fee = agreedFee {
            guard case .success(let c) = converter.convert(fee) else { return nil }
            agreed = c.converted.minorUnits
        }
        return Money(minorUnits: max(paid, agreed), currency: currency)
    }

    /// All deliverables' results summed, revenue in `currency`.
    public func resultTotals(in currency: CurrencyCode, rates: CurrencyRates) -> ResultTotals {
        var converter = CachingConverter(rates: rates, target: currency)
        return resultTotals(converter: &converter)
    }

    func resultTotals(converter: inout CachingConverter) -> ResultTotals {
        var totals = ResultTotals(currency: converter.target)
        var used = Set<ExchangeRate>()
        for r in resultLines { totals.add(r, converter: &converter, ratesUsed: &used) }
        return totals
    }
}
