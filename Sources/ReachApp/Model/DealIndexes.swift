import Foundation
import OrderedCollections
import ReachCore

/// The workspace's indexes of deals, made from each deal's compact row and discount code alone: the same whether
/// the full deals are in memory or read from their files on demand (a start from the folder index's rows).
///
/// The deal ids by creator, campaign and owner are plain arrays, in no particular order: 100,000 creators' `Set`s
/// took 31 MB at 100k (a hash table each), and an owner's or a campaign's set of tens of thousands is a table a third
/// full. A list is only touched when a deal joins or leaves it, so an edit that keeps the creator, campaign and owner
/// (nearly all of them) costs no search, and one that moves a deal searches one list.
struct DealIndexes: Sendable {
    /// Every deal's compact row, which Today and the Pipeline go over: copying 200,000 full deals (their arrays and
    /// strings retained and released one by one) was two thirds of rebuilding either list.
    private(set) var rows = DealRows()
    /// Compact tables (`OrderedDictionary`; their order means nothing): 100,000 creators' lists in a `Dictionary`
    /// took 6.3 MB of buckets, half of them empty.
    private(set) var byInfluencer: OrderedDictionary<RecordID, [RecordID]> = [:]
    private(set) var byCampaign: OrderedDictionary<RecordID, [RecordID]> = [:]
    /// Deal ids by owner (nil: nobody's): narrowing Today or the Pipeline to one person visits only their deals.
    private(set) var byOwner: OrderedDictionary<String?, [RecordID]> = [:]
    /// Deal ids by discount code (`Tracking.key`): a code must be unique, and checking it must not read every deal.
    /// (A list, not a `Set`: a code is nearly always one deal's, and 62,000 one-element sets took 6 MB.)
    private(set) var byDiscountCode: OrderedDictionary<String, [RecordID]> = [:]
    /// Each coded deal's code, so a removal needs only the id.
    private var codes: OrderedDictionary<RecordID, String> = [:]

    init() {}

    init(reservingCapacity deals: Int, creators: Int, campaigns: Int) {
        rows = DealRows(reservingCapacity: deals)
        byInfluencer.reserveCapacity(creators)
        byCampaign.reserveCapacity(campaigns)
    }

    /// Adds a deal, or replaces the one with its id (a repeated id, only in a damaged folder: the last one wins).
    mutating func put(_ row: DealRow, discountCode: String?) {
        let previous = rows.put(row)
        Self.move(row.id, from: previous?.influencerID, to: row.influencerID, in: &byInfluencer)
        Self.move(row.id, from: previous?.campaignID, to: row.campaignID, in: &byCampaign)
        let previousOwner: String?? = previous.map(\.owner) // nil: a new deal; .some(nil): nobody's
        Self.move(row.id, from: previousOwner, to: row.owner, in: &byOwner)
        // A new deal has no code to forget (at a start, 200,000 lookups spared).
        if previous == nil ? discountCode != nil : codes[row.id] != discountCode {
            forgetCode(of: row.id)
            if let discountCode {
                byDiscountCode[discountCode, default: []].append(row.id)
                codes[row.id] = discountCode
            }
        }
    }

    /// Each creator's last contact and open deals, from their deals' rows as they are now (creators with no deal
    /// are not named): one pass over the rows in place. Looking each creator's deals up by id, a copy of every row,
    /// took a fifth of a second at a 200,000-deal start.
    func creatorDealFacts(pipeline: StagePipeline) -> [RecordID: CreatorDealFacts] {
        var facts: [RecordID: CreatorDealFacts] = [:]
        facts.reserveCapacity(byInfluencer.count)
        rows.all.withUnsafeBufferPointer { all in
            for i in all.indices {
                // Field by field: `isOpen` on the row copied it (its strings and arrays retained and released).
                Self.count(open: !all[i].archived && !pipeline.isClosed(all[i].stage), contact: all[i].lastContact,
                           into: &facts[all[i].influencerID, default: (nil, 0)])
            }
        }
        return facts
    }

    /// One creator's last contact and open deals, from their deals' rows (after one of them changed).
    func dealFacts(of creator: RecordID, pipeline: StagePipeline) -> CreatorDealFacts {
        var facts: CreatorDealFacts = (nil, 0)
        for dealID in byInfluencer[creator] ?? [] {
            guard let row = rows[dealID] else { continue }
            Self.count(open: row.isOpen(pipeline: pipeline), contact: row.lastContact, into: &facts)
        }
        return facts
    }

    typealias CreatorDealFacts = (lastContact: Date?, openDeals: Int)

    /// Counts one deal into its creator's facts: open or not, and its last contact if it is the latest.
    private static func count(open: Bool, contact: Date?, into facts: inout CreatorDealFacts) {
        if open { facts.openDeals += 1 }
        if let contact, facts.lastContact.map({ contact > $0 }) ?? true { facts.lastContact = contact }
    }

    /// Removes a deal; returns its row, or nil when there was none.
    @discardableResult
    mutating func remove(_ id: RecordID) -> DealRow? {
        guard let row = rows[id] else { return nil }
        rows.remove(id)
        Self.leave(id, row.influencerID, &byInfluencer)
        Self.leave(id, row.campaignID, &byCampaign)
        Self.leave(id, row.owner, &byOwner)
        forgetCode(of: id)
        return row
    }

    /// Moves `id` from the list under `old` (nil: in none yet) to the one under `new`; nothing when they are the same.
    private static func move<Key: Hashable>(_ id: RecordID, from old: Key?, to new: Key, in lists: inout OrderedDictionary<Key, [RecordID]>) {
        guard old != new else { return }
        if let old { leave(id, old, &lists) }
        lists[new, default: []].append(id)
    }

    /// Takes `id` out of the list under `key`, and the list away once empty.
    private static func leave<Key: Hashable>(_ id: RecordID, _ key: Key, _ lists: inout OrderedDictionary<Key, [RecordID]>) {
        guard let at = lists[key]?.firstIndex(of: id) else { return }
        lists[key]?.remove(at: at)
        if lists[key]?.isEmpty == true { lists.removeUnordered(key) }
    }

    private mutating func forgetCode(of id: RecordID) {
        guard let code = codes.removeUnordered(id) else { return }
        Self.leave(id, code, &byDiscountCode)
    }
}
