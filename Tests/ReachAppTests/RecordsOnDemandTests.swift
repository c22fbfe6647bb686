import Foundation
import ReachCore
import ReachDemo
import ReachStore
import Testing
@testable import ReachApp

/// A workspace started from the folder index's creator summaries and deal rows, reading full creators and deals from
/// their files, against one holding every record in memory: the same rows, indexes, facts, search results and
/// records, after the same random changes.
@Suite struct RecordsOnDemandTests {
    static let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 8, scale: 40)

    final class Folder {
        let path = NSTemporaryDirectory() + "reach-on-demand-tests-" + UUID().uuidString
        init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// A folder with the demo records, and the two workspaces over it.
    static func workspaces(_ folder: Folder) throws -> (store: RecordStore, onDemand: Workspace, inMemory: Workspace) {
        let store = try RecordStore(folder: folder.path)
        _ = try store.insertBatch(demo.influencers)
        _ = try store.insertBatch(demo.campaigns)
        _ = try store.insertBatch(demo.deals)
        let index = try FolderIndex(store: store)
        try index.refresh()
        let settings = AppSettings(workspace: demo.settings)
        // As the files hold them (times to the millisecond).
        let creators = store.loadAll(Influencer.self).records, deals = store.loadAll(Deal.self).records
        let onDemand = Workspace(creators: try index.allCreatorSummaries(), campaigns: demo.campaigns,
                                 dealRows: try index.allDealRows(), templates: [], settings: settings, store: store)
        let inMemory = Workspace(influencers: creators, campaigns: demo.campaigns, deals: deals, settings: settings)
        return (store, onDemand, inMemory)
    }

    static func expectSame(_ a: Workspace, _ b: Workspace, _ step: Int) {
        #expect(!a.holdsFullDeals && b.holdsFullDeals && !a.holdsFullCreators && b.holdsFullCreators)
        #expect(a.dealRows.byID == b.dealRows.byID, "step \(step)")
        #expect(a.creatorEntries == b.creatorEntries, "step \(step)")
        #expect(a.dealOwners == b.dealOwners, "step \(step)")
        for campaign in demo.campaigns {
            let ids = a.dealIDs(ofCampaign: campaign.id) // unordered, each once
            #expect(Set(ids) == Set(b.dealIDs(ofCampaign: campaign.id)) && Set(ids).count == ids.count, "step \(step)")
            #expect(a.deals(ofCampaign: campaign.id) == b.deals(ofCampaign: campaign.id), "step \(step)")
        }
        for code in ["SPRING10", "spring10", "none"] {
            #expect(a.isDiscountCodeTaken(code, excluding: nil) == b.isDiscountCodeTaken(code, excluding: nil), "step \(step)")
        }
        #expect(Set(a.allDeals) == Set(b.allDeals), "step \(step)")
        #expect(Set(a.allInfluencers) == Set(b.allInfluencers), "step \(step)")
        #expect(a.creatorCount == b.creatorCount && a.archivedCreators == b.archivedCreators, "step \(step)")
        #expect(a.creatorsByName.ids == b.creatorsByName.ids && a.creatorsByName.facts == b.creatorsByName.facts, "step \(step)")
        // Against what the full creators give afresh (both workspaces keep their indexes the same way).
        let creators = b.allInfluencers.sorted { $0.id < $1.id }
        for creator in creators {
            #expect(a.influencerName(creator.id) == creator.displayName, "step \(step)")
            #expect(a.influencer(creator.id) == creator, "step \(step)")
            #expect(a.likelyDuplicates(of: creator) == DuplicateDetector.matches(for: creator, in: creators), "step \(step)")
        }
        let fresh = SearchIndex(creators)
        for query in ["a", "ma", "instagram", "riga", "shared@", "renamed", "zz"] {
            #expect(a.searchIndex.search(query, limit: 100) == fresh.search(query, limit: 100), "step \(step) \(query)")
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func theSameWorkspaceAsAllDealsInMemory(seed: UInt64) throws {
        let folder = Folder()
        var (store, onDemand, inMemory) = try Self.workspaces(folder)
        Self.expectSame(onDemand, inMemory, 0)
        var random = SeededRandom(seed: seed)
        let owners: [String?] = ["Marta Kalniņa", nil, "Aiko Mori"]
        for step in 1...40 {
            guard var deal = inMemory.allDeals.randomElement(using: &random),
                  var creator = inMemory.allInfluencers.randomElement(using: &random) else { break }
            switch Int.random(in: 0..<9, using: &random) {
            case 0: // saved here: the file and both workspaces change
                deal.owner = owners.randomElement(using: &random)!
                deal.tracking.discountCode = Bool.random(using: &random) ? "spring10" : nil
                deal.payments.append(Payment(amount: Money(minorUnits: Int64(step) * 100, currency: .eur), status: .paid,
                                             paidAt: Date(timeIntervalSince1970: 1_780_000_000)))
                guard case .saved(let saved) = try store.save(deal, expectedRevision: deal.revision) else {
                    Issue.record("conflict")
                    return
                }
                onDemand.put(.deal(saved))
                inMemory.put(.deal(saved))
            case 1: // deleted
                _ = try store.delete(Deal.self, id: deal.id, expectedRevision: deal.revision)
                #expect(onDemand.remove(.deal, deal.id) && inMemory.remove(.deal, deal.id))
                #expect(onDemand.deal(deal.id) == nil)
            case 2: // a new deal
                deal.id = RecordID.generate(at: Date(), using: &random)
                deal.revision = 0
                guard case .saved(let saved) = try store.save(deal, expectedRevision: 0) else { return }
                onDemand.put(.deal(saved))
                inMemory.put(.deal(saved))
            case 3: // an edit not saved yet (a save that failed): the workspace shows it, not the file
                deal.notes = "unsaved \(step)"
                onDemand.put(.deal(deal))
                inMemory.put(.deal(deal))
                #expect(onDemand.deal(deal.id)?.notes == "unsaved \(step)")
            case 4: // only read
                #expect(onDemand.deal(deal.id) == deal)
                #expect(onDemand.influencer(creator.id) == creator)
            case 5: // a creator saved here: renamed, retagged, archived or not, an email shared with another
                creator.displayName = "Renamed \(step) " + creator.displayName
                creator.tags.append("step\(step)")
                creator.archived.toggle()
                creator.contact.email = Bool.random(using: &random) ? "shared@example.com" : nil
                guard case .saved(let saved) = try store.save(creator, expectedRevision: creator.revision) else {
                    Issue.record("conflict")
                    return
                }
                onDemand.put(.influencer(saved))
                inMemory.put(.influencer(saved))
            case 6: // a creator deleted (their deals stay, pointing at nobody)
                _ = try store.delete(Influencer.self, id: creator.id, expectedRevision: creator.revision)
                #expect(onDemand.remove(.influencer, creator.id) && inMemory.remove(.influencer, creator.id))
                #expect(onDemand.influencer(creator.id) == nil && onDemand.influencerName(creator.id) == Workspace.missingCreator)
            case 7: // a new creator, put with others as another session's import is
                creator.id = RecordID.generate(at: Date(), using: &random)
                creator.revision = 0
                guard case .saved(let saved) = try store.save(creator, expectedRevision: 0) else { return }
                onDemand.put([.influencer(saved), .deal(deal)])
                inMemory.put([.influencer(saved), .deal(deal)])
            default: // a creator's edit not saved yet
                creator.notes = "unsaved \(step)"
                onDemand.put(.influencer(creator))
                inMemory.put(.influencer(creator))
                #expect(onDemand.influencer(creator.id)?.notes == "unsaved \(step)")
            }
            Self.expectSame(onDemand, inMemory, step)
        }
    }

    /// The shelf keeps at most its capacity, the most recently used, and reads the rest from their files.
    @Test func theShelfKeepsTheRecentlyUsedAndReadsTheRest() throws {
        let folder = Folder()
        let (store, _, inMemory) = try Self.workspaces(folder)
        let shelf = RecordShelf<Deal>(store: store, capacity: 8)
        let deals = inMemory.allDeals.sorted { $0.id < $1.id }
        for deal in deals.prefix(30) { #expect(shelf.record(deal.id) == deal) }
        #expect(shelf.count <= 8 && shelf.count >= 6)
        #expect(shelf.peek(deals[29].id) == deals[29] && shelf.peek(deals[0].id) == nil)
        for deal in deals.prefix(30) { #expect(shelf.record(deal.id) == deal, "read again from its file") }
        var edited = deals[3]
        edited.notes = "kept, not yet read back"
        shelf.remember(edited)
        #expect(shelf.record(edited.id)?.notes == "kept, not yet read back")
        shelf.forget(edited.id)
        #expect(shelf.record(edited.id) == deals[3])
        // A file gone from the folder (another session deleted it before the scan said so) reads as no deal.
        shelf.forget(deals[4].id)
        #expect(unlink(store.layout.recordFile(.deal, deals[4].id)) == 0)
        #expect(shelf.record(deals[4].id) == nil)
        // Many at once (a campaign's deals): kept ones and the rest read in one batch; the gone one left out.
        let many = Array(deals.prefix(40).map(\.id))
        #expect(Set(shelf.records(many)) == Set(deals.prefix(40).filter { $0.id != deals[4].id }))
    }

    /// An edit whose save is on its way (or failed) is held: however many other records are read meanwhile, it is
    /// not read again from its file, which still holds the version before the edit. Released, it goes as any other.
    @Test func theShelfHoldsAnEditUntilItIsSaved() throws {
        let folder = Folder()
        let (store, _, inMemory) = try Self.workspaces(folder)
        let shelf = RecordShelf<Deal>(store: store, capacity: 8)
        let deals = inMemory.allDeals.sorted { $0.id < $1.id }
        var edited = deals[0]
        edited.notes = "not written yet"
        shelf.remember(edited)
        shelf.hold(edited.id, true)
        for deal in deals.dropFirst().prefix(30) { _ = shelf.record(deal.id) }
        #expect(shelf.peek(edited.id)?.notes == "not written yet")
        shelf.hold(edited.id, false)
        for deal in deals.dropFirst().prefix(30) { _ = shelf.record(deal.id) }
        #expect(shelf.peek(edited.id) == nil)
    }
}
