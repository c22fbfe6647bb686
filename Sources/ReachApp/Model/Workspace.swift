import Foundation
import ReachCore

/// Every loaded record by id plus the indexes screens need, each kept up to date one record at a time
/// so a save or an external change costs the same on a 100,000-creator roster as on a small one.
public struct Workspace: Sendable {
    public private(set) var influencers: [RecordID: Influencer] = [:]
    public private(set) var campaigns: [RecordID: Campaign] = [:]
    /// Full deals by id, read only through `deal(_:)` and the accessors beside it, so that they can move out of
    /// memory (read from their files on demand) without touching a screen.
    private var deals: [RecordID: Deal] = [:]
    /// Every deal's compact row, which Today and the Pipeline go over: copying 200,000 full deals out of `deals`
    /// (their arrays and strings retained and released one by one) was two thirds of rebuilding either list.
    public private(set) var dealRows = DealRows()
    public private(set) var templates: [RecordID: Template] = [:]
    public var settings: AppSettings {
        // Which stages are closed decides which deals are open.
        didSet { if settings.workspace.pipeline != oldValue.workspace.pipeline { recountDealFacts() } }
    }
    /// The revision of `reach.json` these settings came from: a settings save expects to find it on disk.
    public var settingsRevision = 0
    /// Fuzzy-search keys of the roster; nil until built (a start-up builds them right after its first frame).
    private var searchKeys: SearchIndex?
    /// Folded display names (`TextFolding.fold`), the tie-breaker of every roster sort; folding is too slow to redo per sort.
    private var sortNames: [RecordID: String] = [:]
    /// The roster's name order, with each creator's folded name and facts beside them; nil until built (a start-up
    /// builds it right after its first frame).
    private var nameOrder: CreatorNameOrder?
    /// What the roster filter reads of each creator, compact so a filter pass over 100k creators takes a millisecond.
    public private(set) var rosterFacts: [RecordID: RosterFacts] = [:]
    /// The archived creators: while there are none, a search need not be filtered to hide them.
    public private(set) var archivedCreators: Set<RecordID> = []
    private var dealIDsByInfluencer: [RecordID: Set<RecordID>] = [:]
    private var dealIDsByCampaign: [RecordID: Set<RecordID>] = [:]
    /// Deal ids by owner (nil: nobody's): narrowing Today or the Pipeline to one person visits only their deals.
    private var dealIDsByOwner: [String?: Set<RecordID>] = [:]
    /// Deal ids by discount code (`Tracking.key`): a code must be unique, and checking it must not read every deal.
    private var dealIDsByDiscountCode: [String: Set<RecordID>] = [:]

    /// With `rosterIndexesLater`, the search keys and the name order are left for `buildRosterIndexes()`: at 100k
    /// creators they take half a second and a tenth that the first frame does not need.
    public init(influencers: [Influencer] = [], campaigns: [Campaign] = [], deals: [Deal] = [], templates: [Template] = [],
                settings: AppSettings = AppSettings(), rosterIndexesLater: Bool = false) {
        self.settings = settings
        for campaign in campaigns { self.campaigns[campaign.id] = campaign }
        for template in templates { self.templates[template.id] = template }
        // Built on two cores at once (at 100k creators and 200k deals each half takes about half a second): here
        // creators and deals by id (and the search index unless left for later); in the background the other indexes.
        let other = OtherIndexesInBackground(deals, influencers: influencers, campaignCount: campaigns.count,
                                             pipeline: settings.workspace.pipeline)
        self.influencers.reserveCapacity(influencers.count)
        for influencer in influencers { self.influencers[influencer.id] = influencer }
        self.deals.reserveCapacity(deals.count)
        var replaced: [Deal] = [] // a deal id given twice (only in a damaged folder): the last one wins
        for deal in deals {
            if let old = self.deals.updateValue(deal, forKey: deal.id) { replaced.append(old) }
        }
        if !rosterIndexesLater { searchKeys = searchIndex }
        let built = other.wait()
        sortNames = built.sortNames
        rosterFacts = built.rosterFacts
        archivedCreators = built.archivedCreators
        dealIDsByInfluencer = built.byInfluencer
        dealIDsByCampaign = built.byCampaign
        dealIDsByOwner = built.byOwner
        dealIDsByDiscountCode = built.byDiscountCode
        dealRows = built.dealRows
        for old in replaced { unindex(old) }
        for id in Set(replaced.map(\.id)) { self.deals[id].map { index($0) } }
        if !rosterIndexesLater { nameOrder = creatorsByName }
    }

    public var pipeline: StagePipeline { settings.workspace.pipeline }

    /// The roster's fuzzy-search keys (built on the spot, slowly, if asked for before `buildRosterIndexes()`).
    public var searchIndex: SearchIndex { searchKeys ?? SearchIndex(Array(influencers.values)) }

    /// The roster's name order (`RosterOrder` starts there; built on the spot if asked for before `buildRosterIndexes()`).
    public var creatorsByName: CreatorNameOrder { nameOrder ?? CreatorNameOrder(names: sortNames, facts: rosterFacts) }

    /// Builds the search keys and the name order a start-up left for after its first frame.
    public mutating func buildRosterIndexes() {
        if searchKeys == nil { searchKeys = searchIndex }
        if nameOrder == nil { nameOrder = creatorsByName }
    }

    /// Adds or replaces a record and updates the indexes it touches.
    public mutating func put(_ record: AnyRecord) {
        store(record)
        if case .influencer(let r) = record { searchKeys?.update(r) }
    }

    /// Adds or replaces many records (another session's changes), the creators' search keys in one go (and their
    /// name order, when there are more than a few hundred: inserting 100,000 one by one moves the array each time).
    public mutating func put(_ records: [AnyRecord]) {
        var creators: [Influencer] = []
        for record in records { if case .influencer(let r) = record { creators.append(r) } }
        let reorder = creators.count > 500
        for record in records { store(record, keepingNameOrder: !reorder) }
        if reorder, nameOrder != nil { nameOrder = CreatorNameOrder(names: sortNames, facts: rosterFacts) }
        searchKeys?.update(creators)
    }

    /// `put` but for the search index.
    private mutating func store(_ record: AnyRecord, keepingNameOrder: Bool = true) {
        switch record {
        case .influencer(let r):
            influencers[r.id] = r
            let name = TextFolding.fold(r.displayName)
            var facts = RosterFacts(r)
            (facts.lastContact, facts.openDeals) = Self.dealFacts(dealIDsByInfluencer[r.id], rows: dealRows, pipeline: pipeline)
            if keepingNameOrder { nameOrder?.put(r.id, name: name, previousName: sortNames[r.id], facts: facts) }
            sortNames[r.id] = name
            rosterFacts[r.id] = facts
            if r.archived { archivedCreators.insert(r.id) } else { archivedCreators.remove(r.id) }
        case .campaign(let r):
            campaigns[r.id] = r
        case .deal(let r):
            if let old = deals[r.id] { unindex(old) }
            deals[r.id] = r
            index(r)
        case .template(let r):
            templates[r.id] = r
        }
    }

    /// Removes a record (deleted here or by another session); returns what was removed.
    @discardableResult
    public mutating func remove(_ kind: RecordKind, _ id: RecordID) -> AnyRecord? {
        switch kind {
        case .influencer:
            searchKeys?.remove(id)
            if let old = sortNames[id] { nameOrder?.remove(id, name: old) }
            sortNames[id] = nil
            rosterFacts[id] = nil
            archivedCreators.remove(id)
            return influencers.removeValue(forKey: id).map(AnyRecord.influencer)
        case .campaign:
            return campaigns.removeValue(forKey: id).map(AnyRecord.campaign)
        case .deal:
            guard let old = deals.removeValue(forKey: id) else { return nil }
            unindex(old)
            return .deal(old)
        case .template:
            return templates.removeValue(forKey: id).map(AnyRecord.template)
        }
    }

    private mutating func index(_ deal: Deal) {
        dealRows.put(DealRow(deal))
        dealIDsByInfluencer[deal.influencerID, default: []].insert(deal.id)
        dealIDsByCampaign[deal.campaignID, default: []].insert(deal.id)
        dealIDsByOwner[deal.owner, default: []].insert(deal.id)
        if let code = deal.tracking.discountCodeKey { dealIDsByDiscountCode[code, default: []].insert(deal.id) }
        refreshDealFacts(of: deal.influencerID)
    }

    private mutating func unindex(_ deal: Deal) {
        dealRows.remove(deal.id)
        dealIDsByInfluencer[deal.influencerID]?.remove(deal.id)
        dealIDsByCampaign[deal.campaignID]?.remove(deal.id)
        dealIDsByOwner[deal.owner]?.remove(deal.id)
        if dealIDsByOwner[deal.owner]?.isEmpty == true { dealIDsByOwner[deal.owner] = nil }
        if let code = deal.tracking.discountCodeKey {
            dealIDsByDiscountCode[code]?.remove(deal.id)
            if dealIDsByDiscountCode[code]?.isEmpty == true { dealIDsByDiscountCode[code] = nil }
        }
        refreshDealFacts(of: deal.influencerID)
    }

    /// A creator's last contact and open deals, from the rows of `dealIDs` (theirs).
    fileprivate static func dealFacts(_ dealIDs: Set<RecordID>?, rows: DealRows, pipeline: StagePipeline) -> (Date?, Int) {
        var latest: Date?, open = 0
        for dealID in dealIDs ?? [] {
            guard let row = rows[dealID] else { continue }
            if row.isOpen(pipeline: pipeline) { open += 1 }
            if let contact = row.lastContact, latest.map({ contact > $0 }) ?? true { latest = contact }
        }
        return (latest, open)
    }

    /// Brings a creator's deal facts up to date after one of their deals changed (in the name order too).
    private mutating func refreshDealFacts(of creator: RecordID) {
        guard var facts = rosterFacts[creator] else { return }
        let (latest, open) = Self.dealFacts(dealIDsByInfluencer[creator], rows: dealRows, pipeline: pipeline)
        guard facts.lastContact != latest || facts.openDeals != open else { return }
        (facts.lastContact, facts.openDeals) = (latest, open)
        rosterFacts[creator] = facts
        if let name = sortNames[creator] { nameOrder?.put(creator, name: name, previousName: name, facts: facts) }
    }

    /// Counts every creator's open deals again (the stages changed), in the name order too.
    private mutating func recountDealFacts() {
        for creator in Array(rosterFacts.keys) {
            let (latest, open) = Self.dealFacts(dealIDsByInfluencer[creator], rows: dealRows, pipeline: pipeline)
            rosterFacts[creator]?.lastContact = latest
            rosterFacts[creator]?.openDeals = open
        }
        nameOrder?.replaceFacts(rosterFacts)
    }

    /// The full deal with `id`: the one way screens, editors and commands read a whole deal (lists read `dealRows`).
    public func deal(_ id: RecordID) -> Deal? { deals[id] }

    /// How many deals there are.
    public var dealCount: Int { dealRows.count }

    /// Every full deal, for the snapshot cache and whole-folder reports and checks; no screen goes over it.
    public var allDeals: Dictionary<RecordID, Deal>.Values { deals.values }

    /// Whether a deal other than `excluding` has the discount code `code` (compared as `Tracking.key` does).
    public func isDiscountCodeTaken(_ code: String, excluding: RecordID?) -> Bool {
        guard let key = Tracking.key(code) else { return false } // a blank code is no code
        return dealIDsByDiscountCode[key]?.contains { $0 != excluding } ?? false
    }

    /// Every name deals are owned by.
    public var dealOwners: Set<String> { Set(dealIDsByOwner.keys.compactMap { $0 }) }

    /// Ids of the deals whose owner `isShown` accepts, or nil when it accepts every owner (then go over `deals`).
    public func dealIDs(ownedBy isShown: (String?) -> Bool) -> [RecordID]? {
        let owners = dealIDsByOwner.keys.filter(isShown)
        guard owners.count < dealIDsByOwner.count else { return nil }
        return owners.flatMap { dealIDsByOwner[$0] ?? [] }
    }

    /// A creator's folded name, for sorting.
    public func sortName(_ id: RecordID) -> String { sortNames[id] ?? "" }

    /// The record of `kind` with `id`, if loaded.
    public func record(_ kind: RecordKind, _ id: RecordID) -> AnyRecord? {
        switch kind {
        case .influencer: influencers[id].map(AnyRecord.influencer)
        case .campaign: campaigns[id].map(AnyRecord.campaign)
        case .deal: deals[id].map(AnyRecord.deal)
        case .template: templates[id].map(AnyRecord.template)
        }
    }

    /// Deals of one creator, newest first (ties by id, so the order never depends on hashing).
    public func deals(ofInfluencer id: RecordID) -> [Deal] {
        (dealIDsByInfluencer[id] ?? []).compactMap(deal)
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
    }

    /// Deals of one campaign, oldest first (ties by id).
    public func deals(ofCampaign id: RecordID) -> [Deal] {
        (dealIDsByCampaign[id] ?? []).compactMap(deal)
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
    }

    /// How many deals a creator has (open or not).
    public func dealCount(ofInfluencer id: RecordID) -> Int { dealIDsByInfluencer[id]?.count ?? 0 }

    /// Ids of a campaign's deals, unordered: counts and per-campaign sums without sorting or copying deals.
    public func dealIDs(ofCampaign id: RecordID) -> Set<RecordID> { dealIDsByCampaign[id] ?? [] }

    /// Open (not closed, not archived) deals of a creator.
    public func activeDealCount(ofInfluencer id: RecordID) -> Int { rosterFacts[id]?.openDeals ?? 0 }

    /// The newest contact with a creator (any non-system timeline entry of their deals).
    public func lastContact(withInfluencer id: RecordID) -> Date? { rosterFacts[id]?.lastContact }

    /// Display name of a creator, or a marker for a dangling reference.
    public func influencerName(_ id: RecordID) -> String { influencers[id]?.displayName ?? Self.missingCreator }

    /// Display name of a campaign, or a marker for a dangling reference.
    public func campaignName(_ id: RecordID) -> String { campaigns[id]?.name ?? Self.missingCampaign }

    /// What a reference to a creator or campaign that is not there shows.
    public static let missingCreator = "(missing creator)", missingCampaign = "(missing campaign)"
}

/// What a new workspace indexes besides records by id and the search index. Dictionaries are sized up front and
/// filled in place (through intermediate arrays and `put` they took twice as long).
private struct OtherIndexes: Sendable {
    var sortNames: [RecordID: String] = [:]
    var rosterFacts: [RecordID: RosterFacts] = [:]
    var archivedCreators: Set<RecordID> = []
    /// Every deal id under its creator and campaign (a repeated id is sorted out by the caller).
    var byInfluencer: [RecordID: Set<RecordID>] = [:]
    var byCampaign: [RecordID: Set<RecordID>] = [:]
    var byOwner: [String?: Set<RecordID>] = [:]
    var byDiscountCode: [String: Set<RecordID>] = [:]
    var dealRows = DealRows()

    init() {}

    init(_ deals: [Deal], influencers: [Influencer], campaignCount: Int, pipeline: StagePipeline) {
        // Later duplicates win, as in the creators-by-id dictionary.
        sortNames.reserveCapacity(influencers.count)
        rosterFacts.reserveCapacity(influencers.count)
        for influencer in influencers {
            sortNames[influencer.id] = TextFolding.fold(influencer.displayName)
            rosterFacts[influencer.id] = RosterFacts(influencer)
            if influencer.archived { archivedCreators.insert(influencer.id) } else { archivedCreators.remove(influencer.id) }
        }
        byInfluencer.reserveCapacity(influencers.count)
        byCampaign.reserveCapacity(campaignCount)
        dealRows = DealRows(reservingCapacity: deals.count)
        for deal in deals {
            dealRows.put(DealRow(deal))
            byInfluencer[deal.influencerID, default: []].insert(deal.id)
            byCampaign[deal.campaignID, default: []].insert(deal.id)
            byOwner[deal.owner, default: []].insert(deal.id)
            if let code = deal.tracking.discountCodeKey { byDiscountCode[code, default: []].insert(deal.id) }
        }
        for (creator, dealIDs) in byInfluencer where rosterFacts[creator] != nil {
            let (latest, open) = Workspace.dealFacts(dealIDs, rows: dealRows, pipeline: pipeline)
            rosterFacts[creator]?.lastContact = latest
            rosterFacts[creator]?.openDeals = open
        }
    }
}

/// `OtherIndexes` built on another thread while the caller builds records by id.
private final class OtherIndexesInBackground: @unchecked Sendable {
    // Written once by the worker before it leaves `group`; read only after `wait` has seen it leave.
    private var result = OtherIndexes()
    private let group = DispatchGroup()

    init(_ deals: [Deal], influencers: [Influencer], campaignCount: Int, pipeline: StagePipeline) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            result = OtherIndexes(deals, influencers: influencers, campaignCount: campaignCount, pipeline: pipeline)
        }
    }

    func wait() -> OtherIndexes {
        group.wait()
        return result
    }
}
