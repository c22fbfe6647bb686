import Foundation
import OrderedCollections
import ReachCore

/// The workspace's indexes of deals, made from each deal's compact row and discount code alone: the same whether
/// the full deals are in memory or read from their files on demand (a start from the folder index's rows).
///
/// The deals by creator, campaign, owner and discount code are lists threaded through the rows' places
/// (`DealLists`), in the order the deals joined them. An edit that keeps the creator, campaign and owner (nearly
/// all of them) touches no list, and one that moves a deal relinks it in O(1).
struct DealIndexes: Sendable {
    /// Every deal's compact row, which Today and the Pipeline go over: copying 200,000 full deals (their arrays and
    /// strings retained and released one by one) was two thirds of rebuilding either list.
    private(set) var rows = DealRows()
    private var byInfluencer = DealLists<RecordID>()
    private var byCampaign = DealLists<RecordID>()
    /// Deals by owner (nil: nobody's): narrowing Today or the Pipeline to one person visits only their deals.
    private var byOwner = DealLists<String?>()
    /// Deals by discount code (`Tracking.key`): a code must be unique, and checking it must not read every deal.
    private var byDiscountCode = DealLists<String>()
    /// Each coded deal's code, so a removal needs only the id.
    private var codes: OrderedDictionary<RecordID, String> = [:]

    init() {}

    /// Room for `deals` deals of `creators` creators and `campaigns` campaigns, `codes` of them with a discount code:
    /// the tables by code grew from nothing at a start, each doubling hashing every code again (62,390 at 100k).
    init(reservingCapacity deals: Int, creators: Int, campaigns: Int, codes: Int) {
        rows = DealRows(reservingCapacity: deals)
        byInfluencer.reserveCapacity(places: deals, keys: creators)
        byCampaign.reserveCapacity(places: deals, keys: campaigns)
        byOwner.reserveCapacity(places: deals, keys: 0)
        byDiscountCode.reserveCapacity(places: deals, keys: codes)
        self.codes.reserveCapacity(codes)
    }

    /// Adds a deal, or replaces the one with its id (a repeated id, only in a damaged folder: the last one wins).
    mutating func put(_ row: DealRow, discountCode: String?) {
        let (previous, place) = rows.put(row)
        if previous == nil {
            byInfluencer.addPlace()
            byCampaign.addPlace()
            byOwner.addPlace()
            byDiscountCode.addPlace()
        }
        Self.move(place, from: previous?.influencerID, to: row.influencerID, in: &byInfluencer)
        Self.move(place, from: previous?.campaignID, to: row.campaignID, in: &byCampaign)
        let previousOwner: String?? = previous.map(\.owner) // nil: a new deal; .some(nil): nobody's
        Self.move(place, from: previousOwner, to: row.owner, in: &byOwner)
        // A new deal has no code to forget (at a start, 200,000 lookups spared).
        let previousCode = previous == nil ? nil : codes[row.id]
        if previousCode != discountCode {
            if let previousCode { byDiscountCode.leave(place, previousCode) }
            if let discountCode { byDiscountCode.join(place, discountCode) }
            codes.setUnordered(discountCode, forKey: row.id)
        }
    }

    /// Ids of the deals of a creator, of a campaign or of one owner, in the order they joined.
    func dealIDs(ofInfluencer id: RecordID) -> [RecordID] { rows.ids(at: byInfluencer.places(of: id)) }
    func dealIDs(ofCampaign id: RecordID) -> [RecordID] { rows.ids(at: byCampaign.places(of: id)) }
    /// The rows of one owner's deals, read by their places (no look-up by id): Today's first frame and the Pipeline
    /// take an account manager's 44,000 rows at 100k.
    func rows(ownedBy owner: String?) -> [DealRow] { byOwner.places(of: owner).map { rows[place: $0] } }
    func dealIDs(withCode code: String) -> [RecordID] { rows.ids(at: byDiscountCode.places(of: code)) }
    func dealCount(ofInfluencer id: RecordID) -> Int { byInfluencer.count(of: id) }

    /// Every owner deals have (nil: nobody's), in no particular order.
    var owners: some Collection<String?> { byOwner.keys }
    var ownerCount: Int { byOwner.keyCount }

    /// Each creator's last contact and open deals, from their deals' rows as they are now (creators with no deal
    /// are not named): one pass over the rows in place. Looking each creator's deals up by id, a copy of every row,
    /// took a fifth of a second at a 200,000-deal start.
    func creatorDealFacts(pipeline: StagePipeline) -> [RecordID: CreatorDealFacts] {
        var tally = CreatorFactsTally(pipeline: pipeline, creators: byInfluencer.keyCount)
        rows.all.withUnsafeBufferPointer { all in
            for i in all.indices { tally.count(all[i]) }
        }
        return tally.facts
    }

    /// One creator's last contact and open deals, from their deals' rows (after one of them changed).
    func dealFacts(of creator: RecordID, pipeline: StagePipeline) -> CreatorDealFacts {
        var facts: CreatorDealFacts = (nil, 0)
        for place in byInfluencer.places(of: creator) {
            let row = rows[place: place]
            Self.add(open: row.isOpen(pipeline: pipeline), contact: row.lastContact, into: &facts)
        }
        return facts
    }

    typealias CreatorDealFacts = (lastContact: Date?, openDeals: Int)

    /// Creators' deal facts counted one deal row at a time: by `creatorDealFacts`, or by a start as it puts the rows
    /// in, on the thread that puts them (which waits for rows anyway) rather than in a pass after both sides are read.
    struct CreatorFactsTally: Sendable {
        private var openness: DealRowOpenness
        private(set) var facts: [RecordID: CreatorDealFacts] = [:]
        /// Rows counted: when more than the rows kept, a deal id came twice (only in a damaged folder) and its creator
        /// counted both.
        private(set) var counted = 0

        init(pipeline: StagePipeline, creators: Int) {
            openness = DealRowOpenness(pipeline)
            facts.reserveCapacity(creators)
        }

        mutating func count(_ row: DealRow) {
            counted += 1
            let open = openness.isOpen(row), contact = row.lastContact
            DealIndexes.add(open: open, contact: contact, into: &facts[row.influencerID, default: (nil, 0)])
        }
    }

    /// Counts one deal into its creator's facts: open or not, and its last contact if it is the latest.
    private static func add(open: Bool, contact: Date?, into facts: inout CreatorDealFacts) {
        if open { facts.openDeals += 1 }
        if let contact, facts.lastContact.map({ contact > $0 }) ?? true { facts.lastContact = contact }
    }

    /// Removes a deal; returns its row, or nil when there was none.
    @discardableResult
    mutating func remove(_ id: RecordID) -> DealRow? {
        guard let place = rows.place(of: id) else { return nil }
        let row = rows[place: place]
        byInfluencer.leave(place, row.influencerID)
        byCampaign.leave(place, row.campaignID)
        byOwner.leave(place, row.owner)
        if let code = codes.removeUnordered(id) { byDiscountCode.leave(place, code) }
        // The rows move their last row into the gap: its links move with it.
        let moved = rows[place: rows.count - 1]
        rows.remove(at: place)
        byInfluencer.removeLastPlace(movingInto: place, key: moved.influencerID)
        byCampaign.removeLastPlace(movingInto: place, key: moved.campaignID)
        byOwner.removeLastPlace(movingInto: place, key: moved.owner)
        byDiscountCode.removeLastPlace(movingInto: place, key: codes[moved.id])
        return row
    }

    /// Moves the deal at `place` from the list under `old` (nil: in none yet) to the one under `new`; nothing when
    /// they are the same.
    private static func move<Key: Hashable>(_ place: Int, from old: Key?, to new: Key, in lists: inout DealLists<Key>) {
        guard old != new else { return }
        if let old { lists.leave(place, old) }
        lists.join(place, new)
    }
}
