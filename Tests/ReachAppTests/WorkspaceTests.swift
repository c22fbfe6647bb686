import Foundation
import Testing
@testable import ReachApp
@testable import ReachCore

/// `Workspace.init` builds its dictionaries and indexes on two threads; they must agree with one record at a time.
@Suite("Workspace")
struct WorkspaceTests {
    @Test func indexesMatchPuttingEveryRecordInTurn() {
        let built = Fx.workspace
        var oneByOne = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns)
        for deal in Fx.deals { oneByOne.put(.deal(deal)) }
        for influencer in Fx.influencers {
            #expect(built.deals(ofInfluencer: influencer.id).map(\.id) == oneByOne.deals(ofInfluencer: influencer.id).map(\.id))
            #expect(built.rosterFacts[influencer.id] == RosterFacts(influencer))
            #expect(built.sortName(influencer.id) == TextFolding.fold(influencer.displayName))
        }
        for campaign in Fx.campaigns { #expect(built.dealIDs(ofCampaign: campaign.id) == oneByOne.dealIDs(ofCampaign: campaign.id)) }
        #expect(built.deals.count == Fx.deals.count)
    }

    @Test func aDealIDGivenTwiceKeepsTheLastAndIndexesOnlyIt() throws {
        var first = try #require(Fx.deals.first)
        var second = try #require(Fx.deals.last)
        second.id = first.id
        first.influencerID = Fx.liga
        second.influencerID = Fx.ola
        let workspace = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns, deals: [first, second])
        #expect(workspace.deals[first.id]?.influencerID == Fx.ola)
        #expect(workspace.deals(ofInfluencer: Fx.liga).isEmpty)
        #expect(workspace.deals(ofInfluencer: Fx.ola).map(\.id) == [first.id])
        #expect(workspace.dealIDs(ofCampaign: second.campaignID) == [first.id])
        if first.campaignID != second.campaignID { #expect(workspace.dealIDs(ofCampaign: first.campaignID).isEmpty) }
    }
}
