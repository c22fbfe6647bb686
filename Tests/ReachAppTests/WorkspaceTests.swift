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
            #expect(built.creatorEntries[influencer.id]?.facts == built.scannedFacts(influencer))
            #expect(oneByOne.creatorEntries[influencer.id]?.facts == built.scannedFacts(influencer))
            #expect(built.sortName(influencer.id) == TextFolding.fold(influencer.displayName))
        }
        for campaign in Fx.campaigns { #expect(Set(built.dealIDs(ofCampaign: campaign.id)) == Set(oneByOne.dealIDs(ofCampaign: campaign.id))) }
        #expect(built.dealCount == Fx.deals.count)
        #expect(built.dealRows.byID == oneByOne.dealRows.byID && built.dealRows.byID == built.rowsOfAllDeals)
    }

    @Test func aDealIDGivenTwiceKeepsTheLastAndIndexesOnlyIt() throws {
        var first = try #require(Fx.deals.first)
        var second = try #require(Fx.deals.last)
        second.id = first.id
        first.influencerID = Fx.liga
        second.influencerID = Fx.ola
        let workspace = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns, deals: [first, second])
        #expect(workspace.deal(first.id)?.influencerID == Fx.ola)
        #expect(workspace.dealRows.byID == [first.id: DealRow(second)])
        #expect(workspace.deals(ofInfluencer: Fx.liga).isEmpty)
        #expect(workspace.deals(ofInfluencer: Fx.ola).map(\.id) == [first.id])
        #expect(workspace.dealIDs(ofCampaign: second.campaignID) == [first.id])
        if first.campaignID != second.campaignID { #expect(workspace.dealIDs(ofCampaign: first.campaignID).isEmpty) }
    }

    /// The deals of the owners a scope shows, found through the owner index, are the deals a filter over every deal
    /// finds, and every deal's compact row is made from the deal as it is now: built at once, and after random
    /// changes (owner, fee, next step, stage, discount code, which stages are closed), new deals and deletions one at
    /// a time. A discount code is taken exactly when a scan of every deal finds it on another deal; each creator's
    /// last contact and open deals (in their facts, and in the name order's) are what a scan of their deals finds.
    @Test(arguments: [1, 2] as [UInt64])
    func dealsByOwnerMatchAFilterOverEveryDeal(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let owners: [String?] = ["Marta Kalniņa", "Nino", nil, "Aiko Mori"]
        var deals = Fx.deals
        let codes: [String?] = ["LIGA15", " liga15", nil, "NINO10", ""]
        for index in deals.indices {
            deals[index].owner = owners.randomElement(using: &random)!
            deals[index].tracking.discountCode = codes.randomElement(using: &random)!
        }
        var workspace = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns, deals: deals)
        func check(_ step: Int) {
            #expect(workspace.dealOwners == Set(workspace.allDeals.compactMap(\.owner)), "step \(step)")
            for shown in [[owners[0]], [owners[2]], [owners[0], owners[3]], [], owners] {
                let isShown = { (owner: String?) in shown.contains(owner) }
                let expected = workspace.rowsOfAllDeals.filter { isShown($0.value.owner) }
                if let found = workspace.dealRows(ownedBy: isShown) {
                    #expect(found.count == expected.count && found.allSatisfy { expected[$0.id] == $0 }, "step \(step), owners \(shown)")
                } else {
                    #expect(expected.count == workspace.dealCount, "step \(step), owners \(shown)")
                }
            }
            #expect(workspace.dealRows(ownedBy: { _ in true }) == nil)
            #expect(workspace.dealRows.byID == workspace.rowsOfAllDeals, "step \(step)")
            #expect(workspace.dealRows.count == workspace.dealCount, "step \(step)")
            #expect(workspace.creatorsByName.facts == workspace.creatorsByName.ids.map { workspace.creatorEntries[$0]?.facts }, "step \(step)")
            for creator in Fx.influencers {
                let contacts = workspace.allDeals.filter { $0.influencerID == creator.id }
                    .flatMap(\.activities).filter { $0.channel != .system }.map(\.at)
                #expect(workspace.lastContact(withInfluencer: creator.id) == contacts.max(), "step \(step)")
                #expect(workspace.creatorEntries[creator.id]?.facts == workspace.scannedFacts(creator), "step \(step)")
                #expect(workspace.dealCount(ofInfluencer: creator.id) == workspace.allDeals.filter { $0.influencerID == creator.id }.count)
                #expect(workspace.deals(ofInfluencer: creator.id).map(\.id)
                        == workspace.allDeals.filter { $0.influencerID == creator.id }.sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }.map(\.id))
            }
            for campaign in Fx.campaigns {
                let ids = workspace.dealIDs(ofCampaign: campaign.id)
                #expect(ids.count == Set(ids).count && Set(ids) == Set(workspace.allDeals.filter { $0.campaignID == campaign.id }.map(\.id)), "step \(step)")
            }
            for code in ["liga15", "NINO10 ", "other", " "] {
                for excluding in [nil] + Fx.deals.prefix(3).map(\.id) {
                    let scanned = workspace.allDeals.contains {
                        $0.id != excluding && $0.tracking.discountCodeKey != nil && $0.tracking.discountCodeKey == Tracking.key(code)
                    }
                    #expect(workspace.isDiscountCodeTaken(code, excluding: excluding) == scanned, "step \(step), code \(code)")
                }
            }
        }
        check(0)
        for step in 1...60 {
            var deal = Fx.deals.randomElement(using: &random)!
            deal = workspace.deal(deal.id) ?? deal
            switch Int.random(in: 0..<4, using: &random) {
            case 0: deal.owner = owners.randomElement(using: &random)!; workspace.put(.deal(deal))
            case 1: workspace.remove(.deal, deal.id)
            case 2:
                deal.agreedFee = Money(minorUnits: Int64(step) * 100, currency: "EUR")
                deal.nextAction = step % 2 == 0 ? nil : NextAction(summary: "Step \(step)", due: Date(), whoseMove: .them)
                deal.stage = Fx.deals.randomElement(using: &random)!.stage
                deal.tracking.discountCode = codes.randomElement(using: &random)!
                if step % 3 == 0 { // the deal moves to another creator and campaign
                    deal.influencerID = Fx.influencers.randomElement(using: &random)!.id
                    deal.campaignID = Fx.campaigns.randomElement(using: &random)!.id
                }
                // A system entry is no contact; a call is, and becomes the creator's last contact if newest.
                deal.activities.append(Activity(at: Fx.days(Double(step % 7)), channel: step % 3 == 0 ? .system : .call, summary: "s\(step)"))
                workspace.put(.deal(deal))
            default: deal.id = RecordID.generate(at: Date(), using: &random); deal.owner = "New \(step % 3)"; workspace.put(.deal(deal))
            }
            if step % 10 == 0, let at = workspace.settings.workspace.pipeline.stages.firstIndex(where: { $0.key == deals[step % deals.count].stage }) {
                // A stage that closes (or opens again) changes which deals count as open.
                let role = workspace.settings.workspace.pipeline.stages[at].role
                workspace.settings.workspace.pipeline.stages[at].role = role == .open ? .complete : .open
            }
            check(step)
        }
    }
    /// The creators' name order, kept one creator at a time (or re-sorted after a bulk put), is always what sorting
    /// every creator by folded name, then id, gives: after random renames (some to a name that folds like another),
    /// new creators, deletions and a bulk put of 600.
    @Test(arguments: [3, 4] as [UInt64])
    func creatorsByNameFollowRenamesNewCreatorsAndDeletions(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var workspace = Workspace(influencers: Fx.influencers, campaigns: Fx.campaigns, deals: Fx.deals)
        func check(_ step: Int) {
            let ids = Array(workspace.creatorEntries.ids)
            let expected = ids.sorted { a, b in
                let x = workspace.sortName(a), y = workspace.sortName(b)
                return x != y ? x < y : a < b
            }
            #expect(workspace.creatorsByName.ids == expected, "step \(step)")
            #expect(workspace.creatorsByName.names == expected.map(workspace.sortName), "step \(step)")
            #expect(workspace.creatorsByName.facts == expected.map { workspace.creatorEntries[$0]?.facts }, "step \(step)")
        }
        check(0)
        let names = ["Ļoti Labs", "Loti Labs", "Ola", "Ōla", "ნინო", "佐藤", "Zoë", "zoe", "Anna"]
        for step in 1...80 {
            var creator = workspace.allInfluencers.randomElement(using: &random)!
            switch Int.random(in: 0..<4, using: &random) {
            case 0: creator.displayName = names.randomElement(using: &random)!; workspace.put(.influencer(creator))
            case 1: workspace.remove(.influencer, creator.id)
            case 2:
                creator.id = RecordID.generate(at: Date(), using: &random)
                creator.displayName = names.randomElement(using: &random)!
                workspace.put(.influencer(creator))
            default: creator.country = ["LV", "GE", nil].randomElement(using: &random)!; workspace.put(.influencer(creator)) // same name
            }
            check(step)
        }
        let bulk = (0..<600).map { n -> AnyRecord in
            var creator = Fx.influencers[n % Fx.influencers.count]
            creator.id = RecordID.generate(at: Date(), using: &random)
            creator.displayName = names[n % names.count] + " \(n % 50)"
            return .influencer(creator)
        }
        workspace.put(bulk)
        check(81)
    }
}

extension Workspace {
    /// A creator's roster facts with their last contact and open deals found by a scan of every deal.
    func scannedFacts(_ creator: Influencer) -> RosterFacts {
        var facts = RosterFacts(creator)
        let theirs = allDeals.filter { $0.influencerID == creator.id }
        facts.lastContact = theirs.flatMap(\.activities).filter { $0.channel != .system }.map(\.at).max()
        facts.openDeals = theirs.filter { $0.isOpen(pipeline: pipeline) }.count
        return facts
    }

    /// A row made from each full deal, under its id.
    var rowsOfAllDeals: [RecordID: DealRow] { Dictionary(uniqueKeysWithValues: allDeals.map { ($0.id, DealRow($0)) }) }
}

extension DealRows {
    /// Each row under its id, found through the positions (`subscript`), so a stale position fails the comparison.
    var byID: [RecordID: DealRow] {
        var rows: [RecordID: DealRow] = [:]
        for row in all { rows[row.id] = self[row.id] }
        return rows
    }
}
