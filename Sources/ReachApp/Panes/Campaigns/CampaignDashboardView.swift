import Foundation
import ReachCore
import TerminalUI

/// Draws a campaign page: budget gauges with the exchange rates used, deals per stage, deliverables,
/// KPIs against targets, the best creators, weekly trend lines, and the brief. It is drawn whole into an
/// off-screen buffer and the visible rows copied, so it scrolls on a small terminal like any page.
enum CampaignDashboardView {
    /// The figures' column when the brief is beside them (the widest figure rows, the top creators, fit).
    static let figuresWidth = 77
    /// From this width the brief stands beside the figures (a column of 35 or more), so both are seen at once;
    /// narrower, it follows them and `b` jumps to it.
    static let briefBesideFrom = figuresWidth + 2 + 35

    /// The page drawn off screen, exactly as tall as its content.
    struct Canvas {
        var buffer: Buffer
        /// The row the brief starts on (0 when it is beside the figures).
        var briefRow: Int
    }

    static func isBriefBeside(width: Int) -> Bool { width >= briefBesideFrom }

    static func canvas(_ dashboard: CampaignDashboard, _ campaign: Campaign, _ state: AppState, width: Int, theme: Theme) -> Canvas {
        let beside = isBriefBeside(width: width)
        var page = Sheet(width: beside ? figuresWidth : max(1, width), height: 90 + state.workspace.pipeline.allStages.count, theme: theme)
        header(campaign, state, &page)
        budget(dashboard.report.budget, timeZone: state.timeZone, &page)
        stages(dashboard.report, state, &page)
        deliverables(dashboard.report, &page)
        kpis(dashboard.report, currency: campaign.reportingCurrency, &page)
        creators(dashboard.report, state, &page)
        trends(dashboard, state, &page)
        guard beside else {
            let briefRow = page.y + 1 // the heading's blank row comes first
            CampaignBriefView.draw(campaign, &page)
            return Canvas(buffer: page.cropped(), briefRow: briefRow)
        }
        var brief = Sheet(width: width - figuresWidth - 2, height: 40, theme: theme)
        CampaignBriefView.draw(campaign, &brief)
        let figures = page.cropped(), side = brief.cropped()
        var both = Buffer(width: width, height: max(figures.height, side.height))
        show(figures, offset: 0, into: &both, area: Rect(x: 0, y: 0, width: figuresWidth, height: figures.height))
        show(side, offset: 0, into: &both, area: Rect(x: figuresWidth + 2, y: 0, width: side.width, height: side.height))
        return Canvas(buffer: both, briefRow: 0)
    }

    /// Copies rows `offset…` of `canvas` into `area`.
    static func show(_ canvas: Buffer, offset: Int, into buffer: inout Buffer, area: Rect) {
        for row in 0..<min(area.height, max(0, canvas.height - offset)) {
            var x = 0
            while x < min(canvas.width, area.width) {
                let cell = canvas[x: x, y: offset + row]
                let width = max(1, Int(cell.width))
                if !cell.isContinuation {
                    buffer.write(String(cell.character), x: area.x + x, y: area.y + row, maxWidth: min(width, area.width - x),
                                 style: cell.style, truncation: .clip)
                }
                x += width
            }
        }
    }

    private static func header(_ campaign: Campaign, _ state: AppState, _ page: inout Sheet) {
        var dates = ""
        if campaign.startDate != nil || campaign.endDate != nil {
            let day = { (date: Date?) in date.map { Humanize.day($0, timeZone: state.timeZone) } ?? "…" }
            dates = " · \(day(campaign.startDate)) → \(day(campaign.endDate))"
        }
        page.line("\(campaign.name) · \(campaign.brand) · \(campaign.status.displayName)\(dates)", page.theme.title)
        var about: [String] = []
        if let product = campaign.product { about.append(product) }
        if !campaign.goals.isEmpty { about.append("goals: " + CampaignGoal.allCases.filter(campaign.goals.contains).map(\.label).joined(separator: ", ")) }
        if let owner = campaign.owner { about.append("owner \(owner)") }
        if !about.isEmpty { page.line(about.joined(separator: " · "), page.theme.muted) }
    }

    private static func budget(_ budget: BudgetSummary, timeZone: TimeZone, _ page: inout Sheet) {
        page.heading("Budget", budget.planned.formatted)
        let planned = Double(budget.planned.minorUnits)
        func ratio(_ money: Money) -> Double { planned > 0 ? Double(money.minorUnits) / planned : 0 }
        func percent(_ money: Money) -> String { planned > 0 ? " (\(Int((ratio(money) * 100).rounded()))%)" : "" }
        page.gauge(ratio(budget.committed), label: "Committed \(budget.committed.formatted)\(percent(budget.committed))")
        page.gauge(ratio(budget.paid), label: "Paid \(budget.paid.formatted)\(percent(budget.paid))")
        page.line("Remaining \(budget.remaining.formatted) · unspent \(budget.unspent.formatted)",
                  budget.remaining.isNegative ? page.theme.overdue : page.theme.normal)
        if budget.ratesUsed.isEmpty && budget.isComplete {
            page.line("All amounts in \(budget.currency); no conversion needed.", page.theme.muted)
        }
        for rate in budget.ratesUsed {
            let source = rate.source.map { ", \($0)" } ?? ""
            page.line("Rate \(rate.from)→\(rate.to) \(rate.rate) (as of \(Humanize.day(rate.asOf, timeZone: timeZone))\(source))", page.theme.muted)
        }
        if !budget.missingRates.isEmpty {
            let left = budget.unconverted.map(\.formatted).joined(separator: ", ")
            page.wrapped("⚠ No rate to \(budget.currency) for \(budget.missingRates.map(\.rawValue).joined(separator: ", ")): "
                         + "\(left) left out of these totals. Add the rate in settings.", page.theme.warning)
        }
    }

    private static func stages(_ report: CampaignReport, _ state: AppState, _ page: inout Sheet) {
        let total = report.dealsPerStage.values.reduce(0, +)
        page.heading("Deals per stage", "\(total) deal\(total == 1 ? "" : "s") · stages with deals")
        guard total > 0 else { page.line("No deals yet: N adds one.", page.theme.muted); return }
        let pipeline = state.workspace.pipeline
        let bars = pipeline.allStages.compactMap { stage -> Bar? in
            guard let count = report.dealsPerStage[stage.key], count > 0 else { return nil }
            return Bar(stage.name, value: Double(count), style: stage.role == .sideExit ? page.theme.muted : nil)
        }
        page.chart(BarChart(bars, theme: page.theme), rows: bars.count)
    }

    private static func deliverables(_ report: CampaignReport, _ page: inout Sheet) {
        page.heading("Deliverables", "")
        guard report.deliverablesPlanned > 0 else { page.line("None planned yet.", page.theme.muted); return }
        let ratio = Double(report.deliverablesLive) / Double(report.deliverablesPlanned)
        page.gauge(ratio, label: "\(report.deliverablesLive) of \(report.deliverablesPlanned) live")
        if report.deliverablesOverdue > 0 {
            page.line("\(report.deliverablesOverdue) overdue", page.theme.overdue)
        }
    }

    /// KPIs shown, in order.
    static let kpiOrder: [KPI] = [.reach, .impressions, .engagements, .engagementRate, .clicks, .conversions, .revenue, .cpm, .cpe, .cpa, .roi]

    static func kpiName(_ kpi: KPI) -> String {
        switch kpi {
        case .reach: "Reach"
        case .impressions: "Impressions"
        case .views: "Views"
        case .engagements: "Engagements"
        case .engagementRate: "ER"
        case .clicks: "Clicks"
        case .conversions: "Conversions"
        case .revenue: "Revenue"
        case .cpm: "CPM"
        case .cpe: "CPE"
        case .cpc: "CPC"
        case .cpa: "CPA"
        case .roi: "ROI"
        }
    }

    /// A KPI figure: counts short (12.3k), money in the campaign currency, rates in percent.
    static func format(_ kpi: KPI, _ value: Double?, currency: CurrencyCode) -> String {
        guard let value else { return "—" }
        switch kpi {
        case .engagementRate, .roi: return Humanize.percent(value)
        case .revenue, .cpm, .cpe, .cpc, .cpa:
            return Money(minorUnits: Int64((value * Double(Money.scale(currency))).rounded()), currency: currency).formatted
        default: return Humanize.count(Int(value.rounded()))
        }
    }

    private static func kpis(_ report: CampaignReport, currency: CurrencyCode, _ page: inout Sheet) {
        page.heading("KPIs", "actual · target · attained")
        for kpi in kpiOrder {
            guard let progress = report.progress(kpi) else { continue }
            let attained = progress.attainment.map { "\(Int(($0 * 100).rounded()))%" } ?? ""
            let style = progress.attainment.map { $0 >= 1 ? page.theme.success : page.theme.normal } ?? page.theme.normal
            page.columns([(kpiName(kpi), 13), (format(kpi, progress.actual, currency: currency), 18),
                          (progress.target.map { "target " + format(kpi, $0, currency: currency) } ?? "no target", 24),
                          (attained, 6)], style: style)
        }
    }

    private static func creators(_ report: CampaignReport, _ state: AppState, _ page: inout Sheet) {
        let byROI = report.topCreatorsByROI().filter { $0.roi != nil }
        let byER = report.topCreatorsByEngagementRate().filter { $0.engagementRate != nil && $0.totals.engagements > 0 }
        page.heading("Top creators by ROI", "")
        if byROI.isEmpty { page.line("No ROI yet: needs paid payments and results with revenue.", page.theme.muted) }
        for performance in byROI {
            let cost = performance.cost.map { " · paid \($0.formatted)" } ?? ""
            page.columns([(state.workspace.influencerName(performance.influencerID), 22),
                          ("ROI \(Humanize.percent(performance.roi ?? 0))", 13),
                          ("revenue \(performance.totals.revenue.formatted)\(cost)", 40)], style: page.theme.normal)
        }
        page.heading("Top creators by ER", "")
        if byER.isEmpty { page.line("No engagement results yet.", page.theme.muted) }
        for performance in byER {
            page.columns([(state.workspace.influencerName(performance.influencerID), 22),
                          ("ER \(Humanize.percent(performance.engagementRate ?? 0))", 13),
                          ("engagements \(Humanize.count(performance.totals.engagements))", 40)], style: page.theme.normal)
        }
    }

    private static func trends(_ dashboard: CampaignDashboard, _ state: AppState, _ page: inout Sheet) {
        page.heading("Results per week", dashboard.firstWeek.map { "from \(Humanize.day($0, timeZone: state.timeZone))" } ?? "")
        guard !dashboard.weeks.isEmpty else { page.line("No results with a posted date yet.", page.theme.muted); return }
        let revenue = dashboard.weeks.map { Double($0.revenue.minorUnits) }
        let engagements = dashboard.weeks.map { Double($0.engagements) }
        let total = dashboard.weeks.reduce(Int64(0)) { $0 + $1.revenue.minorUnits }
        let currency = dashboard.weeks[0].revenue.currency
        page.sparkline("Revenue", revenue, total: Money(minorUnits: total, currency: currency).formatted)
        page.sparkline("Engagements", engagements, total: Humanize.count(dashboard.weeks.reduce(0) { $0 + $1.engagements }))
    }
}

/// A tall off-screen buffer written top to bottom, one block after another.
struct Sheet {
    var buffer: Buffer
    var y = 0
    let theme: Theme

    init(width: Int, height: Int, theme: Theme) {
        buffer = Buffer(width: width, height: height)
        self.theme = theme
    }

    var width: Int { buffer.width }

    /// Makes room for `rows` more rows: the brief is as long as the team wrote it.
    private mutating func reserve(_ rows: Int) {
        guard y + rows > buffer.height else { return }
        var taller = Buffer(width: buffer.width, height: max(y + rows, buffer.height * 2))
        CampaignDashboardView.show(buffer, offset: 0, into: &taller, area: buffer.area)
        buffer = taller
    }

    /// `text` from column `x`, then the next row.
    mutating func line(_ text: String, _ style: Style, x: Int = 0) {
        reserve(1)
        if x < width { buffer.write(text, x: x, y: y, maxWidth: width - x, style: style) }
        y += 1
    }

    /// A label at the start of the current row, which the next `line` fills from further right.
    mutating func label(_ text: String, _ style: Style, width labelWidth: Int) {
        reserve(1)
        buffer.write(text, x: 0, y: y, maxWidth: min(labelWidth, width), style: style)
    }

    mutating func wrapped(_ text: String, _ style: Style) {
        for part in TextViewer.wrap(text, width: width) { line(part, style) }
    }

    /// A blank row, then the section title and a muted summary.
    mutating func heading(_ title: String, _ summary: String) {
        if y > 0 { y += 1 }
        reserve(1)
        let used = buffer.write(title, x: 0, y: y, maxWidth: width, style: theme.header)
        if !summary.isEmpty { buffer.write("  " + summary, x: used, y: y, maxWidth: width - used, style: theme.muted) }
        y += 1
    }

    mutating func gauge(_ ratio: Double, label: String) {
        Gauge(ratio: ratio, label: label, theme: theme).render(into: &buffer, area: Rect(x: 0, y: y, width: min(width, 60), height: 1))
        y += 1
    }

    mutating func chart(_ chart: BarChart, rows: Int) {
        chart.render(into: &buffer, area: Rect(x: 0, y: y, width: min(width, 70), height: rows))
        y += rows
    }

    /// Cells side by side with fixed widths (cut with "…"), one space apart.
    mutating func columns(_ cells: [(String, Int)], style: Style) {
        var x = 0
        for (text, cellWidth) in cells where x < width {
            buffer.write(text, x: x, y: y, maxWidth: min(cellWidth, width - x), style: style)
            x += cellWidth + 1
        }
        y += 1
    }

    mutating func sparkline(_ label: String, _ values: [Double], total: String) {
        let labelWidth = 12
        buffer.write(label, x: 0, y: y, maxWidth: labelWidth, style: theme.normal)
        let graphWidth = max(1, min(values.count, width - labelWidth - 2))
        Sparkline(values, style: theme.accent).render(into: &buffer, area: Rect(x: labelWidth, y: y, width: graphWidth, height: 1))
        let x = labelWidth + graphWidth + 1
        if x < width { buffer.write("total \(total)", x: x, y: y, maxWidth: width - x, style: theme.muted) }
        y += 1
    }

    /// The written rows only.
    func cropped() -> Buffer {
        var out = Buffer(width: buffer.width, height: max(1, y))
        CampaignDashboardView.show(buffer, offset: 0, into: &out, area: out.area)
        return out
    }
}
