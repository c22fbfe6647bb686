import Foundation
import ReachCore
import TerminalUI

/// The Campaigns tab: the list, which campaign is selected, whether its dashboard has the keys, and the
/// dashboard's figures (computed for the selected campaign only, when the selection or the data change).
public struct CampaignsState: Sendable {
    /// Campaign ids in display order (derived).
    public var rows: [RecordID] = []
    public var cursor = ListCursor()
    /// The dashboard has the keys (and on narrow screens replaces the list).
    public var showsDashboard = false
    public var dashboardScroll = ScrollState()
    /// Figures of the selected campaign (derived).
    public var dashboard: CampaignDashboard?
    /// The selection moved through the list and `dashboard` is for an earlier campaign: it is computed once the keys
    /// typed so far are handled (`Action.keysHandled`), not on every ↓ of a held key (at 100k each reads a campaign's
    /// thousand deal files).
    public var dashboardIsBehind = false
    /// The campaign whose dashboard the runner is computing off the loop, its deals read from their files
    /// (`AppState.computesOffTheLoop`); the dashboard area says so meanwhile.
    public var dashboardReading: RecordID?
    /// Share of the budget paid, per campaign, for the list rows on screen (derived; dropped when a campaign or
    /// one of its deals changes, computed again when the row is next on screen).
    public var spent: [RecordID: Int?] = [:]

    public init() {}

    public var selectedID: RecordID? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }
}

/// Everything the dashboard shows about one campaign: `CampaignReport.make` (the computation `reach report`
/// uses) plus results per week for the trend lines.
public struct CampaignDashboard: Sendable {
    public var campaignID: RecordID
    public var report: CampaignReport
    /// Start of the first week of `weeks`.
    public var firstWeek: Date?
    /// Results of deliverables posted in each week, oldest first (revenue in the campaign currency).
    public var weeks: [ResultTotals]

    /// Most weeks the trend lines show.
    static let maxWeeks = 26

    /// Computes the dashboard from the campaign's own deals (the workspace index), never the whole folder.
    public static func make(_ campaign: Campaign, _ state: AppState) -> CampaignDashboard {
        let workspace = state.workspace
        let deals = workspace.deals(ofCampaign: campaign.id) // read in one parallel batch when on demand
        let rates = workspace.settings.workspace.currencyRates
        let report = CampaignReport.make(campaign: campaign, deals: deals, followers: workspace.followers(of: deals.map(\.influencerID)),
                                         rates: rates, now: state.now, pipeline: workspace.pipeline)
        // The same lines the totals add up (imported results included), each at its posting or sales day.
        let posted = deals.flatMap { deal in deal.datedResultLines.compactMap { line in line.date.map { ($0, line.results) } } }
        guard let earliest = posted.map(\.0).min() else {
            return CampaignDashboard(campaignID: campaign.id, report: report, firstWeek: nil, weeks: [])
        }
        let week: TimeInterval = 7 * 86_400
        let last = max(posted.map(\.0).max() ?? earliest, min(state.now, campaign.endDate ?? state.now))
        let start = max(campaign.startDate.map { min($0, earliest) } ?? earliest, last - Double(maxWeeks - 1) * week)
        let count = Int((last.timeIntervalSince(start) / week).rounded(.down)) + 1
        var weeks = Array(repeating: ResultTotals(currency: campaign.reportingCurrency), count: max(1, count))
        var used = Set<ExchangeRate>()
        for (date, results) in posted where date >= start {
            let index = min(weeks.count - 1, Int(date.timeIntervalSince(start) / week))
            weeks[index].add(results, rates: rates, ratesUsed: &used)
        }
        return CampaignDashboard(campaignID: campaign.id, report: report, firstWeek: start, weeks: weeks)
    }
}
