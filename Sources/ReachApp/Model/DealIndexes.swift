import ReachCore

/// The workspace's indexes of deals, made from each deal's compact row and discount code alone: the same whether
/// the full deals are in memory or read from their files on demand (a start from the folder index's rows).
struct DealIndexes: Sendable {
    /// Every deal's compact row, which Today and the Pipeline go over: copying 200,000 full deals (their arrays and
    /// strings retained and released one by one) was two thirds of rebuilding either list.
    private(set) var rows = DealRows()
    /// Each creator's deal ids, as a small array: a creator has a few deals, and 100,000 `Set`s took 31 MB at 100k
    /// creators (a hash table each), the arrays 6 MB.
    private(set) var byInfluencer: [RecordID: [RecordID]] = [:]
    private(set) var byCampaign: [RecordID: Set<RecordID>] = [:]
    /// Deal ids by owner (nil: nobody's): narrowing Today or the Pipeline to one person visits only their deals.
    private(set) var byOwner: [String?: Set<RecordID>] = [:]
    /// Deal ids by discount code (`Tracking.key`): a code must be unique, and checking it must not read every deal.
    private(set) var byDiscountCode: [String: Set<RecordID>] = [:]
    /// Each coded deal's code, so a removal needs only the id.
    private var codes: [RecordID: String] = [:]

    init() {}

    init(reservingCapacity deals: Int, creators: Int, campaigns: Int) {
        rows = DealRows(reservingCapacity: deals)
        byInfluencer.reserveCapacity(creators)
        byCampaign.reserveCapacity(campaigns)
    }

    /// Adds a deal, or replaces the one with its id (a repeated id, only in a damaged folder: the last one wins).
    mutating func put(_ row: DealRow, discountCode: String?) {
        if rows[row.id] != nil { remove(row.id) }
        rows.put(row)
        byInfluencer[row.influencerID, default: []].append(row.id)
        byCampaign[row.campaignID, default: []].insert(row.id)
        byOwner[row.owner, default: []].insert(row.id)
        if let discountCode {
            byDiscountCode[discountCode, default: []].insert(row.id)
            codes[row.id] = discountCode
        }
    }

    /// Removes a deal; returns its row, or nil when there was none.
    @discardableResult
    mutating func remove(_ id: RecordID) -> DealRow? {
        guard let row = rows[id] else { return nil }
        rows.remove(id)
        byInfluencer[row.influencerID]?.removeAll { $0 == id }
        if byInfluencer[row.influencerID]?.isEmpty == true { byInfluencer[row.influencerID] = nil }
        byCampaign[row.campaignID]?.remove(id)
        byOwner[row.owner]?.remove(id)
        if byOwner[row.owner]?.isEmpty == true { byOwner[row.owner] = nil }
        if let code = codes.removeValue(forKey: id) {
            byDiscountCode[code]?.remove(id)
            if byDiscountCode[code]?.isEmpty == true { byDiscountCode[code] = nil }
        }
        return row
    }
}
