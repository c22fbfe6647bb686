import Foundation
import ReachCore
import ReachStore

/// Creators, campaigns and templates by id, every deal's compact row (the full deals in memory, or read from their
/// files on demand), and the indexes screens need, each kept up to date one record at a time so a save or an
/// external change costs the same on a 100,000-creator roster as on a small one.
public struct Workspace: Sendable {
    public private(set) var influencers: [RecordID: Influencer] = [:]
    public private(set) var campaigns: [RecordID: Campaign] = [:]
    /// Full deals by id when they are all in memory (`shelf` is nil), read only through `deal(_:)` and the accessors
    /// beside it.
    private var deals: [RecordID: Deal] = [:]
    /// Where full deals come from instead, for a workspace started from the folder index's rows: their files, on
    /// demand, with the recently used kept.
    private let shelf: DealShelf?
    /// Every deal's row and the deal ids by creator, campaign, owner and discount code.
    private var dealIndexes = DealIndexes()
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

    /// With `rosterIndexesLater`, the search keys and the name order are left for `buildRosterIndexes()`: at 100k
    /// creators they take half a second and a tenth that the first frame does not need.
    public init(influencers: [Influencer] = [], campaigns: [Campaign] = [], deals: [Deal] = [], templates: [Template] = [],
                settings: AppSettings = AppSettings(), rosterIndexesLater: Bool = false) {
        self.init(influencers: influencers, campaigns: campaigns, deals: .full(deals), templates: templates, settings: settings,
                  shelf: nil, rosterIndexesLater: rosterIndexesLater)
    }

    /// A workspace that holds each deal's row (from the folder index) and reads full deals from `store`'s files when
    /// asked: at 100k creators the full deals were 1.17 GB of every user's app.
    public init(influencers: [Influencer], campaigns: [Campaign], dealRows: [IndexedDealRow], templates: [Template],
                settings: AppSettings, store: RecordStore, rosterIndexesLater: Bool = false) {
        self.init(influencers: influencers, campaigns: campaigns, deals: .rows(dealRows), templates: templates, settings: settings,
                  shelf: DealShelf(store: store), rosterIndexesLater: rosterIndexesLater)
    }

    private init(influencers: [Influencer], campaigns: [Campaign], deals: DealSource, templates: [Template],
                 settings: AppSettings, shelf: DealShelf?, rosterIndexesLater: Bool) {
        self.settings = settings
        self.shelf = shelf
        for campaign in campaigns { self.campaigns[campaign.id] = campaign }
        for template in templates { self.templates[template.id] = template }
        // Built on two cores at once (at 100k creators and 200k deals each half takes about half a second): here
        // creators and deals by id (and the search index unless left for later); in the background the other indexes.
        let pipeline = settings.workspace.pipeline
        let other = ValueInBackground {
            OtherIndexes(deals, influencers: influencers, campaignCount: campaigns.count, pipeline: pipeline)
        }
        self.influencers.reserveCapacity(influencers.count)
        for influencer in influencers { self.influencers[influencer.id] = influencer }
        if case .full(let full) = deals {
            self.deals.reserveCapacity(full.count)
            for deal in full { self.deals[deal.id] = deal } // a deal id given twice (only in a damaged folder): the last wins
        }
        if !rosterIndexesLater { searchKeys = searchIndex }
        let built = other.wait()
        sortNames = built.sortNames
        rosterFacts = built.rosterFacts
        archivedCreators = built.archivedCreators
        dealIndexes = built.deals
        if !rosterIndexesLater { nameOrder = creatorsByName }
    }

    /// Whether every full deal is in memory; false for a workspace started from the folder index's rows.
    public var holdsFullDeals: Bool { shelf == nil }

    /// Every deal's compact row, which Today, the Pipeline and the Roster's deal columns go over.
    public var dealRows: DealRows { dealIndexes.rows }

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
            (facts.lastContact, facts.openDeals) = dealFacts(of: r.id)
            if keepingNameOrder { nameOrder?.put(r.id, name: name, previousName: sortNames[r.id], facts: facts) }
            sortNames[r.id] = name
            rosterFacts[r.id] = facts
            if r.archived { archivedCreators.insert(r.id) } else { archivedCreators.remove(r.id) }
        case .campaign(let r):
            campaigns[r.id] = r
        case .deal(let r):
            let previous = dealIndexes.remove(r.id)
            if let shelf { shelf.remember(r) } else { deals[r.id] = r }
            dealIndexes.put(DealRow(r), discountCode: r.tracking.discountCodeKey)
            if let previous, previous.influencerID != r.influencerID { refreshDealFacts(of: previous.influencerID) }
            refreshDealFacts(of: r.influencerID)
        case .template(let r):
            templates[r.id] = r
        }
    }

    /// Removes a record (deleted here or by another session); returns whether it was there.
    @discardableResult
    public mutating func remove(_ kind: RecordKind, _ id: RecordID) -> Bool {
        switch kind {
        case .influencer:
            searchKeys?.remove(id)
            if let old = sortNames[id] { nameOrder?.remove(id, name: old) }
            sortNames[id] = nil
            rosterFacts[id] = nil
            archivedCreators.remove(id)
            return influencers.removeValue(forKey: id) != nil
        case .campaign:
            return campaigns.removeValue(forKey: id) != nil
        case .deal:
            deals[id] = nil
            shelf?.forget(id)
            guard let row = dealIndexes.remove(id) else { return false }
            refreshDealFacts(of: row.influencerID)
            return true
        case .template:
            return templates.removeValue(forKey: id) != nil
        }
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

    /// A creator's last contact and open deals as their deals' rows are now.
    private func dealFacts(of creator: RecordID) -> (Date?, Int) {
        Self.dealFacts(dealIndexes.byInfluencer[creator], rows: dealIndexes.rows, pipeline: pipeline)
    }

    /// Brings a creator's deal facts up to date after one of their deals changed (in the name order too).
    private mutating func refreshDealFacts(of creator: RecordID) {
        guard var facts = rosterFacts[creator] else { return }
        let (latest, open) = dealFacts(of: creator)
        guard facts.lastContact != latest || facts.openDeals != open else { return }
        (facts.lastContact, facts.openDeals) = (latest, open)
        rosterFacts[creator] = facts
        if let name = sortNames[creator] { nameOrder?.put(creator, name: name, previousName: name, facts: facts) }
    }

    /// Counts every creator's open deals again (the stages changed), in the name order too.
    private mutating func recountDealFacts() {
        for creator in Array(rosterFacts.keys) {
            let (latest, open) = dealFacts(of: creator)
            rosterFacts[creator]?.lastContact = latest
            rosterFacts[creator]?.openDeals = open
        }
        nameOrder?.replaceFacts(rosterFacts)
    }

    /// The full deal with `id`: the one way screens, editors and commands read a whole deal (lists read `dealRows`).
    /// From a workspace started from the index's rows, it is read from its file unless recently used.
    public func deal(_ id: RecordID) -> Deal? {
        guard let shelf else { return deals[id] }
        return dealIndexes.rows[id] != nil ? shelf.deal(id) : nil
    }

    /// The revision of the record as this session last saved or saw it, without reading a deal's file (nil: not
    /// known here): what another session's change is compared with.
    public func knownRevision(_ kind: RecordKind, _ id: RecordID) -> Int? {
        guard kind == .deal, let shelf else { return record(kind, id)?.revision }
        return shelf.peek(id)?.revision
    }

    /// How many deals there are.
    public var dealCount: Int { dealIndexes.rows.count }

    /// Every full deal, for whole-folder reports and checks (read from every file when the workspace started from
    /// the index's rows); no screen goes over it.
    public var allDeals: [Deal] {
        shelf == nil ? Array(deals.values) : fullDeals(dealIndexes.rows.all.lazy.map(\.id))
    }

    /// The full deals with these ids (those that are here), in no particular order: read in one batch when the
    /// workspace started from the index's rows.
    private func fullDeals(_ ids: some Collection<RecordID>) -> [Deal] {
        guard let shelf else { return ids.compactMap { deals[$0] } }
        return shelf.deals(ids.filter { dealIndexes.rows[$0] != nil })
    }

    /// Whether a deal other than `excluding` has the discount code `code` (compared as `Tracking.key` does).
    public func isDiscountCodeTaken(_ code: String, excluding: RecordID?) -> Bool {
        guard let key = Tracking.key(code) else { return false } // a blank code is no code
        return dealIndexes.byDiscountCode[key]?.contains { $0 != excluding } ?? false
    }

    /// Every name deals are owned by.
    public var dealOwners: Set<String> { Set(dealIndexes.byOwner.keys.compactMap { $0 }) }

    /// Ids of the deals whose owner `isShown` accepts, or nil when it accepts every owner (then go over `deals`).
    public func dealIDs(ownedBy isShown: (String?) -> Bool) -> [RecordID]? {
        let byOwner = dealIndexes.byOwner
        let owners = byOwner.keys.filter(isShown)
        guard owners.count < byOwner.count else { return nil }
        return owners.flatMap { byOwner[$0] ?? [] }
    }

    /// A creator's folded name, for sorting.
    public func sortName(_ id: RecordID) -> String { sortNames[id] ?? "" }

    /// Whether the record of `kind` with `id` is here (a deal's file is not read).
    public func contains(_ kind: RecordKind, _ id: RecordID) -> Bool {
        kind == .deal ? dealIndexes.rows[id] != nil : record(kind, id) != nil
    }

    /// The record of `kind` with `id`, if loaded.
    public func record(_ kind: RecordKind, _ id: RecordID) -> AnyRecord? {
        switch kind {
        case .influencer: influencers[id].map(AnyRecord.influencer)
        case .campaign: campaigns[id].map(AnyRecord.campaign)
        case .deal: deal(id).map(AnyRecord.deal)
        case .template: templates[id].map(AnyRecord.template)
        }
    }

    /// Deals of one creator, newest first (ties by id, so the order never depends on hashing).
    public func deals(ofInfluencer id: RecordID) -> [Deal] {
        fullDeals(dealIndexes.byInfluencer[id] ?? [])
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
    }

    /// Deals of one campaign, oldest first (ties by id).
    public func deals(ofCampaign id: RecordID) -> [Deal] {
        fullDeals(dealIndexes.byCampaign[id] ?? [])
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
    }

    /// How many deals a creator has (open or not).
    public func dealCount(ofInfluencer id: RecordID) -> Int { dealIndexes.byInfluencer[id]?.count ?? 0 }

    /// Ids of a campaign's deals, unordered: counts and per-campaign sums without sorting or copying deals.
    public func dealIDs(ofCampaign id: RecordID) -> Set<RecordID> { dealIndexes.byCampaign[id] ?? [] }

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

/// Where a new workspace's deals come from: full deals, or the folder index's rows.
private enum DealSource: Sendable {
    case full([Deal])
    case rows([IndexedDealRow])

    var count: Int {
        switch self {
        case .full(let deals): deals.count
        case .rows(let rows): rows.count
        }
    }
}

/// What a new workspace indexes besides records by id and the search index. Dictionaries are sized up front and
/// filled in place (through intermediate arrays and `put` they took twice as long).
private struct OtherIndexes: Sendable {
    var sortNames: [RecordID: String] = [:]
    var rosterFacts: [RecordID: RosterFacts] = [:]
    var archivedCreators: Set<RecordID> = []
    var deals = DealIndexes()

    init(_ source: DealSource, influencers: [Influencer], campaignCount: Int, pipeline: StagePipeline) {
        // Later duplicates win, as in the creators-by-id dictionary.
        sortNames.reserveCapacity(influencers.count)
        rosterFacts.reserveCapacity(influencers.count)
        for influencer in influencers {
            sortNames[influencer.id] = TextFolding.fold(influencer.displayName)
            rosterFacts[influencer.id] = RosterFacts(influencer)
            if influencer.archived { archivedCreators.insert(influencer.id) } else { archivedCreators.remove(influencer.id) }
        }
        deals = DealIndexes(reservingCapacity: source.count, creators: influencers.count, campaigns: campaignCount)
        switch source {
        case .full(let full): for deal in full { deals.put(DealRow(deal), discountCode: deal.tracking.discountCodeKey) }
        case .rows(let rows): for row in rows { deals.put(row.deal, discountCode: row.discountCode) }
        }
        for (creator, dealIDs) in deals.byInfluencer where rosterFacts[creator] != nil {
            let (latest, open) = Workspace.dealFacts(dealIDs, rows: deals.rows, pipeline: pipeline)
            rosterFacts[creator]?.lastContact = latest
            rosterFacts[creator]?.openDeals = open
        }
    }
}
