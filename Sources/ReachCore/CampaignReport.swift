import Foundation

/// The KPIs a campaign can target, with whether lower is better (cost KPIs).
public enum KPI: String, Codable, Sendable, CaseIterable {
    case reach, impressions, views, engagements, engagementRate, clicks, conversions, revenue, cpm, cpe, cpc, cpa, roi

    public var lowerIsBetter: Bool { [.cpm, .cpe, .cpc, .cpa].contains(self) }
}

/// One KPI's actual value against its target (money KPIs in major units of the campaign currency).
public struct KPIProgress: Hashable, Sendable {
    public var kpi: KPI
    public var actual: Double?
    public var target: Double?
    /// actual / target (inverted for cost KPIs, so ≥ 1 always means "on target"); nil when either is missing or zero.
    public var attainment: Double? {
        guard let actual, let target else { return nil }
        return kpi.lowerIsBetter ? Metrics.ratio(target, actual) : Metrics.ratio(actual, target)
    }
}

/// One creator's performance in a campaign, for "best-performing creators".
public struct CreatorPerformance: Hashable, Sendable {
    public var dealID: RecordID
    public var influencerID: RecordID
    /// Paid cost in the campaign currency (nil when a payment had no rate).
    public var cost: Money?
    public var totals: ResultTotals
    /// ER by reach, else by the creator's followers (see `Metrics.engagementRate(results:followers:)`).
    public var engagementRate: Double?
    public var roi: Double?
    public var cpm: Money?
    public var cpe: Money?
    public var cpa: Money?
}

/// Everything a campaign dashboard shows, from one computation (so dashboard, report and export agree).
public struct CampaignReport: Hashable, Sendable {
    public var budget: BudgetSummary
    public var dealsPerStage: [StageKey: Int]
    public var deliverablesPlanned: Int
    public var deliverablesLive: Int
    public var deliverablesOverdue: Int
    public var totals: ResultTotals
    public var kpis: [KPIProgress]
    public var creators: [CreatorPerformance]

    /// Builds the report; `followers` (by creator id) gives the audience of ER when a deal's reach is missing.
    public static func make(campaign: Campaign, deals: [Deal], followers: [RecordID: Int] = [:],
                            rates: CurrencyRates, now: Date, pipeline: StagePipeline = .default) -> CampaignReport {
        let currency = campaign.reportingCurrency
        var converter = CachingConverter(rates: rates, target: currency)
        var perStage: [StageKey: Int] = [:]
        var planned = 0, live = 0, overdue = 0
        var totals = ResultTotals(currency: currency)
        var used = Set<ExchangeRate>()
        var creators: [CreatorPerformance] = []
        // Checking the campaign through the array copies no deal; only the campaign's own deals are copied.
        for index in deals.indices where deals[index].campaignID == campaign.id {
            let deal = deals[index]
            perStage[deal.stage, default: 0] += 1
            for d in deal.deliverables where !d.isDropped {
                planned += d.count
                if d.status == .live { live += d.count }
                if d.isOverdue(now: now) { overdue += d.count }
            }
            for r in deal.resultLines { totals.add(r, converter: &converter, ratesUsed: &used) }
            let dt = deal.resultTotals(converter: &converter)
            let cost = deal.cost(converter: &converter)
            var er: Double?
            if dt.reach > 0 { er = Metrics.engagementRate(engagements: dt.engagements, audience: dt.reach) }
            else if let audience = followers[deal.influencerID] {
                er = Metrics.engagementRate(engagements: dt.engagements, audience: audience)
            }
            creators.append(CreatorPerformance(
                dealID: deal.id, influencerID: deal.influencerID, cost: cost, totals: dt, engagementRate: er,
                roi: cost.flatMap { Metrics.roi(revenue: dt.revenue, cost: $0) },
                cpm: cost.flatMap { Metrics.cpm(cost: $0, impressions: dt.impressions) },
                cpe: cost.flatMap { Metrics.cpe(cost: $0, engagements: dt.engagements) },
                cpa: cost.flatMap { Metrics.cpa(cost: $0, conversions: dt.conversions) }))
        }
        let budget = Budget.summary(for: campaign, deals: deals, converter: &converter, pipeline: pipeline)
        let cost = budget.paid
        let t = campaign.kpiTargets
        func m(_ x: Money?) -> Double? { x?.doubleValue }
        func i(_ x: Int?) -> Double? { x.map(Double.init) }
        let kpis: [KPIProgress] = [
            KPIProgress(kpi: .reach, actual: Double(totals.reach), target: i(t.reach)),
            KPIProgress(kpi: .impressions, actual: Double(totals.impressions), target: i(t.impressions)),
            KPIProgress(kpi: .views, actual: Double(totals.views), target: i(t.views)),
            KPIProgress(kpi: .engagements, actual: Double(totals.engagements), target: i(t.engagements)),
            KPIProgress(kpi: .engagementRate, actual: Metrics.engagementRate(engagements: totals.engagements, audience: totals.reach), target: t.engagementRate),
            KPIProgress(kpi: .clicks, actual: Double(totals.clicks), target: i(t.clicks)),
            KPIProgress(kpi: .conversions, actual: Double(totals.conversions), target: i(t.conversions)),
            KPIProgress(kpi: .revenue, actual: totals.revenue.doubleValue, target: m(t.revenue)),
            KPIProgress(kpi: .cpm, actual: m(Metrics.cpm(cost: cost, impressions: totals.impressions)), target: m(t.cpm)),
            KPIProgress(kpi: .cpe, actual: m(Metrics.cpe(cost: cost, engagements: totals.engagements)), target: m(t.cpe)),
            KPIProgress(kpi: .cpc, actual: m(Metrics.cpc(cost: cost, clicks: totals.clicks)), target: m(t.cpc)),
            KPIProgress(kpi: .cpa, actual: m(Metrics.cpa(cost: cost, conversions: totals.conversions)), target: m(t.cpa)),
            KPIProgress(kpi: .roi, actual: Metrics.roi(revenue: totals.revenue, cost: cost), target: t.roi),
        ]
        // In deal-id order, so the report (and every ranking's ties) does not depend on the order deals came in.
        creators.sort { $0.dealID < $1.dealID }
        return CampaignReport(budget: budget, dealsPerStage: perStage, deliverablesPlanned: planned,
                              deliverablesLive: live, deliverablesOverdue: overdue, totals: totals, kpis: kpis,
                              creators: creators)
    }

    /// Best creators by ROI, highest first (creators without a figure last).
    public func topCreatorsByROI(limit: Int = 5) -> [CreatorPerformance] {
        Array(ranked(by: \.roi).prefix(limit))
    }

    /// Best creators by ER, highest first.
    public func topCreatorsByEngagementRate(limit: Int = 5) -> [CreatorPerformance] {
        Array(ranked(by: \.engagementRate).prefix(limit))
    }

    /// Highest figure first, creators without one last, ties in deal-id order.
    private func ranked(by figure: (CreatorPerformance) -> Double?) -> [CreatorPerformance] {
        creators.sorted { a, b in
            let (x, y) = (figure(a) ?? -.infinity, figure(b) ?? -.infinity)
            return x != y ? x > y : a.dealID < b.dealID
        }
    }

    public func progress(_ kpi: KPI) -> KPIProgress? { kpis.first { $0.kpi == kpi } }
}
