import Foundation
import ReachCore

/// The formats `reach report campaign` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, csv
}

/// A one-page campaign report for a manager's email (Markdown tables) or a spreadsheet (CSV), built from
/// `CampaignReport.make`, the computation the dashboard uses, so the figures always agree.
///
/// Deals in the trash are deleted: like the dashboard, the report does not count them, but it lists how
/// many there are and what they had paid, so a deletion never silently changes the totals. Archived deals
/// are counted (they are closed, not deleted).
public struct CampaignReportDocument: Sendable {
    public var campaign: Campaign
    public var report: CampaignReport
    public var influencers: [RecordID: Influencer]
    /// This campaign's deals in the trash (not counted).
    public var trashedDeals: [Deal]
    public var settings: WorkspaceSettings
    public var now: Date

    public init(campaign: Campaign, deals: [Deal], influencers: [RecordID: Influencer], trashedDeals: [Deal],
                settings: WorkspaceSettings, now: Date) {
        self.campaign = campaign
        self.report = CampaignReport.make(campaign: campaign, deals: deals, followers: influencers.compactMapValues(\.followers),
                                          rates: settings.currencyRates, now: now, pipeline: settings.pipeline)
        self.influencers = influencers
        self.trashedDeals = trashedDeals.filter { $0.campaignID == campaign.id }
        self.settings = settings
        self.now = now
    }

    /// Loads the campaign named by `query` (id or name) and everything its report needs, from the record files.
    public static func load(campaign query: String, store: RecordStore, now: Date) throws(InterchangeError) -> CampaignReportDocument {
        let influencers = store.loadAll(Influencer.self).records
        return try make(campaign: query, campaigns: store.loadAll(Campaign.self).records, deals: store.loadAll(Deal.self).records,
                        influencers: Dictionary(influencers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                        trashedDeals: store.loadTrash(Deal.self).records,
                        settings: ((try? store.loadWorkspace(WorkspaceSettings.self)) ?? nil) ?? WorkspaceSettings(), now: now)
    }

    /// The report of the campaign named by `query` (id or name) among `campaigns`, from records already loaded
    /// (`reach report` reads the campaign's deals and their creators, found through the folder index).
    public static func make(
        campaign query: String, campaigns: [Campaign], deals: some Sequence<Deal>, influencers: [RecordID: Influencer],
        trashedDeals: [Deal], settings: WorkspaceSettings, now: Date
    ) throws(InterchangeError) -> CampaignReportDocument {
        let campaign = try RecordLookup.campaign(query, in: campaigns)
        return CampaignReportDocument(campaign: campaign, deals: deals.filter { $0.campaignID == campaign.id },
                                      influencers: influencers, trashedDeals: trashedDeals, settings: settings, now: now)
    }

    public func render(_ format: ReportFormat) -> [UInt8] {
        format == .md ? Array(markdown().utf8) : csv()
    }

    // MARK: Markdown

    public func markdown() -> String {
        let c = campaign
        let b = report.budget
        var out: [String] = ["# Campaign report: \(Self.oneLine(c.name))", ""]
        var facts = ["**Brand:** \(Self.oneLine(c.brand))"]
        if let product = c.product { facts.append("**Product:** \(Self.oneLine(product))") }
        facts.append("**Status:** \(c.status.displayName)")
        if c.startDate != nil || c.endDate != nil {
            facts.append("**Dates:** \(c.startDate.map(Self.day) ?? "?") to \(c.endDate.map(Self.day) ?? "?")")
        }
        if let owner = c.owner { facts.append("**Owner:** \(Self.oneLine(owner))") }
        out.append(facts.joined(separator: " · ") + "  ")
        out.append("**Goals:** \(goals) · **Currency:** \(b.currency) · **Report date:** \(Self.day(now))")
        out += ["", "## Budget", "", "| | Amount |", "|---|---:|",
                "| Planned | \(b.planned.formatted) |", "| Committed | \(b.committed.formatted) |", "| Paid | \(b.paid.formatted) |",
                "| Remaining (planned − committed) | \(b.remaining.formatted) |", "| Unspent (planned − paid) | \(b.unspent.formatted) |", ""]
        out += rateLines.map { "- " + $0 }
        out += ["", "## Pipeline", "", "| Stage | Deals |", "|---|---:|"]
        out += stageCounts.map { "| \(inline($0.name)) | \($0.count) |" }
        if stageCounts.isEmpty { out.append("| (no deals yet) | 0 |") }
        out += ["", "## Deliverables", "",
                "Planned \(report.deliverablesPlanned) · Live \(report.deliverablesLive) · Overdue \(report.deliverablesOverdue)",
                "", "## KPIs", "", "| KPI | Actual | Target | Attainment |", "|---|---:|---:|---:|"]
        out += kpiRows.map { "| \($0.name) | \($0.actual) | \($0.target) | \($0.attainment) |" }
        out += ["", "## Top creators (by ROI)", "", "| Creator | Account | Paid | Revenue | ROI | ER | CPM |", "|---|---|---:|---:|---:|---:|---:|"]
        out += creatorRows.map { r in "| \(inline(r.name)) | \(inline(r.account)) | \(r.paid) | \(r.revenue) | \(r.roi) | \(r.er) | \(r.cpm) |" }
        if creatorRows.isEmpty { out.append("| (no deals yet) | | | | | | |") }
        out += ["", "## How the numbers are counted", ""]
        out += notes.map { "- " + $0 }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// Long form (`section,item,metric,value,target,attainment_percent`): one figure per row, easy to pivot.
    public func csv() -> [UInt8] {
        let b = report.budget
        var rows: [[String]] = [
            ["campaign", "name", "", campaign.name, "", ""], ["campaign", "brand", "", campaign.brand, "", ""],
            ["campaign", "status", "", campaign.status.displayName, "", ""], ["campaign", "goals", "", goals, "", ""],
            ["campaign", "currency", "", b.currency.rawValue, "", ""], ["campaign", "report_date", "", Self.day(now), "", ""],
        ]
        for (item, money) in [("planned", b.planned), ("committed", b.committed), ("paid", b.paid), ("remaining", b.remaining), ("unspent", b.unspent)] {
            rows.append(["budget", item, "amount", CSVText.amount(money), "", ""])
        }
        for rate in b.ratesUsed {
            rows.append(["rate", "\(rate.from)->\(rate.to)", Self.day(rate.asOf), "\(rate.rate)", "", ""])
        }
        for money in b.unconverted { rows.append(["missing_rate", money.currency.rawValue, "not counted", CSVText.amount(money), "", ""]) }
        for stage in stageCounts { rows.append(["stage", stage.name, "deals", String(stage.count), "", ""]) }
        rows += [["deliverables", "planned", "count", String(report.deliverablesPlanned), "", ""],
                 ["deliverables", "live", "count", String(report.deliverablesLive), "", ""],
                 ["deliverables", "overdue", "count", String(report.deliverablesOverdue), "", ""]]
        for k in report.kpis where k.actual != nil || k.target != nil {
            let unit = isMoney(k.kpi) ? b.currency.rawValue : (isPercent(k.kpi) ? "percent" : "count")
            rows.append(["kpi", k.kpi.rawValue, unit, plain(k.actual, k.kpi), plain(k.target, k.kpi),
                         CSVText.decimal(k.attainment.map { $0 * 100 })])
        }
        for p in report.topCreatorsByROI() {
            let name = creatorName(p.influencerID)
            rows += [["creator", name, "paid", CSVText.amount(p.cost), "", ""],
                     ["creator", name, "revenue", CSVText.amount(p.totals.revenue), "", ""],
                     ["creator", name, "roi_percent", CSVText.decimal(p.roi), "", ""],
                     ["creator", name, "engagement_rate_percent", CSVText.decimal(p.engagementRate), "", ""],
                     ["creator", name, "cpm", CSVText.amount(p.cpm), "", ""]]
        }
        if !trashedDeals.isEmpty {
            rows.append(["trash", "deals_not_counted", "count", String(trashedDeals.count), "", ""])
            rows.append(["trash", "paid_not_counted", "amount", CSVText.amount(trashedPaid), "", ""])
        }
        return CSVText.bytes(header: ["section", "item", "metric", "value", "target", "attainment_percent"], rows: rows)
    }

    // MARK: Shared pieces

    private var goals: String { Self.goalNames(campaign.goals) }

    /// "Awareness, Sales": goals in a stable order, as the report and the brief print them.
    static func goalNames(_ goals: Set<CampaignGoal>) -> String {
        goals.map(\.displayName).sorted().joined(separator: ", ")
    }

    private var rateLines: [String] {
        let b = report.budget
        var lines: [String] = []
        if !b.ratesUsed.isEmpty {
            lines.append("Exchange rates used: " + b.ratesUsed.map { r in
                "1 \(r.from) = \(r.rate) \(r.to) (\(Self.day(r.asOf))\(r.source.map { ", " + $0 } ?? ""))"
            }.joined(separator: "; ") + ".")
        }
        if !b.missingRates.isEmpty {
            lines.append("**Missing exchange rates:** \(b.missingRates.map(\.rawValue).joined(separator: ", ")) to \(b.currency); "
                         + "not counted: \(b.unconverted.map(\.formatted).joined(separator: ", ")). Add the rates in settings.")
        }
        return lines
    }

    private var stageCounts: [(name: String, count: Int)] {
        let pipeline = settings.pipeline
        let known = pipeline.allStages.compactMap { s in report.dealsPerStage[s.key].map { (s.name, $0) } }
        let unknown = report.dealsPerStage.filter { !pipeline.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) }
        return known + unknown
    }

    private var trashedPaid: Money {
        let total = trashedDeals.compactMap { $0.cost(in: campaign.reportingCurrency, rates: settings.currencyRates) }
            .reduce(Int64(0)) { $0 + $1.minorUnits }
        return Money(minorUnits: total, currency: campaign.reportingCurrency)
    }

    private var notes: [String] {
        var lines = [
            "Committed is the agreed fee or what was paid, whichever is larger; deals that ended (declined, rejected, lost) count only what was paid.",
            "Only paid payments count as spend; CPM, CPE, CPC, CPA and ROI use paid spend and the results entered so far.",
            "Amounts in other currencies are converted with the stored rates above; archived deals are included.",
        ]
        if !trashedDeals.isEmpty {
            lines.append("\(trashedDeals.count) deleted deal\(trashedDeals.count == 1 ? " is" : "s are") in the trash and not counted "
                         + "(paid \(trashedPaid.formatted)). Restore \(trashedDeals.count == 1 ? "it" : "them") in Reach to count \(trashedDeals.count == 1 ? "it" : "them").")
        }
        return lines
    }

    private struct KPIRow {
        var name, actual, target, attainment: String
    }

    private var kpiRows: [KPIRow] {
        report.kpis.filter { k in k.target != nil || (k.actual ?? 0) != 0 }.map { k in
            KPIRow(name: Self.kpiNames[k.kpi] ?? k.kpi.rawValue, actual: display(k.actual, k.kpi), target: display(k.target, k.kpi),
                   attainment: k.attainment.map { String(format: "%.0f%%", $0 * 100) } ?? "—")
        }
    }

    private struct CreatorRow {
        var name, account, paid, revenue, roi, er, cpm: String
    }

    private var creatorRows: [CreatorRow] {
        report.topCreatorsByROI().map { p in
            let account = influencers[p.influencerID]?.mainAccount.map { "\($0.platform.displayName) @\($0.handle)" } ?? ""
            return CreatorRow(name: creatorName(p.influencerID), account: account, paid: p.cost?.formatted ?? "no rate",
                              revenue: p.totals.revenue.formatted, roi: Self.percent(p.roi), er: Self.percent(p.engagementRate),
                              cpm: p.cpm?.formatted ?? "—")
        }
    }

    private func creatorName(_ id: RecordID) -> String {
        influencers[id]?.displayName ?? "(creator \(id) not on the roster)"
    }

    private static let kpiNames: [KPI: String] = [
        .reach: "Reach", .impressions: "Impressions", .views: "Views", .engagements: "Engagements",
        .engagementRate: "Engagement rate", .clicks: "Clicks", .conversions: "Conversions", .revenue: "Revenue",
        .cpm: "CPM", .cpe: "CPE", .cpc: "CPC", .cpa: "CPA", .roi: "ROI",
    ]

    private func isMoney(_ kpi: KPI) -> Bool { [.revenue, .cpm, .cpe, .cpc, .cpa].contains(kpi) }
    private func isPercent(_ kpi: KPI) -> Bool { kpi == .engagementRate || kpi == .roi }

    /// A KPI figure as a person reads it: money in the campaign currency, percentages, grouped counts.
    private func display(_ value: Double?, _ kpi: KPI) -> String {
        guard let value else { return "—" }
        if isMoney(kpi) { return money(value).formatted }
        if isPercent(kpi) { return Self.percent(value) }
        return Int(value.rounded()).formatted(.number.locale(Locale(identifier: "en_US")))
    }

    /// A figure for the CSV: money as a plain amount, whole numbers without decimals, others with two.
    private func plain(_ value: Double?, _ kpi: KPI) -> String {
        guard let value else { return "" }
        if isMoney(kpi) { return CSVText.amount(money(value)) }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : CSVText.decimal(value)
    }

    /// KPI money comes as major units in a Double; back to Money for formatting (rounded to the minor unit).
    private func money(_ major: Double) -> Money {
        let currency = campaign.reportingCurrency
        return Money(minorUnits: Int64((major * Double(Money.scale(currency))).rounded()), currency: currency)
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0) } ?? "—"
    }

    static func day(_ date: Date) -> String { String(date.formatted(.iso8601).prefix(10)) }

    /// Text on one line (names may hold line breaks).
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text safe inside a Markdown table cell: one line, pipes escaped.
    private func inline(_ text: String) -> String {
        Self.oneLine(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
