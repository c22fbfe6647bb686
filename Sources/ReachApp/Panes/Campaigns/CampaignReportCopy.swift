import Foundation
import ReachCore
import ReachStore

/// `y` on a campaign: its one-page report in Markdown on the clipboard, to paste into an email; the same
/// document as `reach report campaign`, made from the records on screen.
public struct CampaignReportCopy: Sendable {
    var campaign: Campaign
    var deals: [Deal]
    var influencers: [RecordID: Influencer]
    var settings: WorkspaceSettings
    var now: Date

    /// The selected campaign's report, or nil when none is selected.
    static func selected(_ state: AppState) -> CampaignReportCopy? {
        guard let id = state.campaigns.selectedID, let campaign = state.workspace.campaigns[id] else { return nil }
        let deals = state.workspace.deals(ofCampaign: id)
        return CampaignReportCopy(campaign: campaign, deals: deals, influencers: state.workspace.influencersByID(deals.map(\.influencerID)),
                                  settings: state.workspace.settings.workspace, now: state.now)
    }

    /// The Markdown; `trashedDeals` (from the store: the app does not hold the trash) are listed, not counted.
    func markdown(trashedDeals: [Deal]) -> String {
        CampaignReportDocument(campaign: campaign, deals: deals, influencers: influencers, trashedDeals: trashedDeals,
                               settings: settings, now: now).markdown()
    }
}
