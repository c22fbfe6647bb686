import ArgumentParser
import Foundation
import ReachApp
import ReachCore
import ReachStore

extension ReportFormat: ExpressibleByArgument {}

/// `reach report ...`: reports to paste into an email or open in a spreadsheet.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write reports (campaign).",
        subcommands: [CampaignReportCommand.self]
    )
}

/// `reach report campaign ID|NAME`: the one-page campaign report, same numbers as the dashboard.
struct CampaignReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "One-page campaign report: budget, pipeline, deliverables, KPIs vs targets, top creators.",
        discussion: """
            Markdown (tables a manager can paste into an email) or CSV (one figure per row). Money is in the \
            campaign's currency, converted with the stored rates (listed with their dates; missing rates are named). \
            Archived deals count; deleted deals (in the trash) do not, and the report says how many there are.
            """
    )

    @Argument(help: "The campaign's id or name (a unique part of the name is enough).")
    var campaign: String

    @Option(help: "md or csv.")
    var format: ReportFormat = .md

    @OptionGroup var destination: OutputOption

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(reads: true)
        if var indexed = IndexedRecords.open(store) {
            // Only this campaign's deals and their creators are read; a query that names no campaign fails here.
            let campaigns = indexed.campaigns()
            let id = try userFacing { try RecordLookup.campaign(campaign, in: campaigns).id }
            if let workspace = indexed.workspace(campaigns: campaigns, dealFiles: { try $0.dealFiles(ofCampaign: id) }) {
                return try report(store, workspace)
            }
        }
        try global.withCurrentWorkspace { store, workspace, _ in try report(store, workspace) }
    }

    private func report(_ store: RecordStore, _ workspace: Workspace) throws {
        let deals = workspace.allDeals
        let document = try userFacing {
            try CampaignReportDocument.make(
                campaign: campaign, campaigns: Array(workspace.campaigns.values), deals: deals,
                influencers: workspace.influencersByID(deals.map(\.influencerID)), trashedDeals: store.loadTrash(Deal.self).records,
                settings: workspace.settings.workspace, now: Date())
        }
        try emit(document.render(format), to: destination.output)
    }
}
