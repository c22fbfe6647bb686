import Foundation
import ReachCore
import ReachStore

/// Creators, campaigns and templates by id, every creator's summary and every deal's compact row (the full
/// creators and deals in memory, or read from their files on demand), and the indexes screens need, each kept up to
/// date one record at a time so a save or an external change costs the same on a 100,000-creator roster as on a
/// small one.
public struct Workspace: Sendable {
    /// Full creators by id when they are all in memory (`creatorShelf` is nil), read only through `influencer(_:)`
    /// and the accessors beside it.
    private var creators: [RecordID: Influencer] = [:]
    /// Where full creators come from instead, for a workspace started from the folder index: their files, on demand,
    /// with the recently used kept.
    private let creatorShelf: RecordShelf<Influencer>?
    /// Every creator's name, folded name, roster facts and duplicate keys.
    private var creatorIndexes = CreatorIndexes()
    public private(set) var campaigns: [RecordID: Campaign] = [:]
    /// Full deals by id when they are all in memory (`dealShelf` is nil), read only through `deal(_:)` and the
    /// accessors beside it.
    private var deals: [RecordID: Deal] = [:]
    /// Where full deals come from instead, for a workspace started from the folder index's rows: their files, on
    /// demand, with the recently used kept.
    private let dealShelf: RecordShelf<Deal>?
    /// Every deal's row and the deal ids by creator, campaign, owner and discount code.
    private var dealIndexes = DealIndexes()
    public private(set) var templates: [RecordID: Template] = [:]
    public var settings: AppSettings {
        // Which stages are closed decides which deals are open.
        didSet { if settings.workspace.pipeline != oldValue.workspace.pipeline { recountDealFacts() } }
    }
    /// The revision of `reach.json` these settings came from: a settings save expects to find it on disk.
    public var settingsRevision = 0
    /// Fuzzy-search keys of the roster, held from the start; not in name order until `buildRosterIndexes()` (a
    /// start-up orders them, and the creators' entries, right after its first frame).
    private var searchKeys = SearchIndex()

    /// With `rosterIndexesLater`, the search keys and the name order are left for `buildRosterIndexes()`: at 100k
    /// creators they take half a second and a tenth that the first frame does not need.
    public init(influencers: [Influencer] = [], campaigns: [Campaign] = [], deals: [Deal] = [], templates: [Template] = [],
                settings: AppSettings = AppSettings(), rosterIndexesLater: Bool = false) {
        // Built on two cores at once (at 100k creators and 200k deals each half takes about half a second): in the
        // background the deal indexes; here full records by id and the creator side.
        let dealSide = ValueInBackground { DealIndexes(deals, creatorCount: influencers.count, campaignCount: campaigns.count) }
        var creatorSide = CreatorSide(influencers.lazy.map(CreatorSummary.init), count: influencers.count)
        // A record id given twice (only in a damaged folder): the last wins, as in the indexes.
        let creatorsByID = Dictionary(influencers.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let dealsByID = Dictionary(deals.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let dealIndexes = dealSide.wait()
        creatorSide.takeDealFacts(dealIndexes.creatorDealFacts(pipeline: settings.workspace.pipeline))
        self.init(creatorSide, dealIndexes: dealIndexes, campaigns: campaigns, templates: templates, settings: settings,
                  store: nil, rosterIndexesLater: rosterIndexesLater)
        creators = creatorsByID
        self.deals = dealsByID
    }

    /// A workspace that holds each creator's summary and each deal's row (both from the folder index) and reads full
    /// creators and deals from `store`'s files when asked: at 100k creators the full deals were 1.17 GB of every
    /// user's app, and the full creators 0.3 GB.
    public init(creators: [CreatorSummary], campaigns: [Campaign], dealRows: [IndexedDealRow], templates: [Template],
                settings: AppSettings, store: RecordStore, rosterIndexesLater: Bool = false) {
        let dealSide = ValueInBackground { DealIndexes(dealRows, creatorCount: creators.count, campaignCount: campaigns.count) }
        var creatorSide = CreatorSide(creators, count: creators.count)
        let dealIndexes = dealSide.wait()
        creatorSide.takeDealFacts(dealIndexes.creatorDealFacts(pipeline: settings.workspace.pipeline))
        self.init(creatorSide, dealIndexes: dealIndexes, campaigns: campaigns, templates: templates, settings: settings,
                  store: store, rosterIndexesLater: rosterIndexesLater)
    }

    /// A workspace of the two sides built beforehand (on two threads; the creators' deal facts taken from the deal
    /// side), reading full creators and deals from `store`'s files on demand, or holding them all (no `store`: the
    /// caller puts them in).
    init(_ creatorSide: CreatorSide, dealIndexes: DealIndexes, campaigns: [Campaign], templates: [Template],
         settings: AppSettings, store: RecordStore?, rosterIndexesLater: Bool) {
        self.settings = settings
        creatorIndexes = creatorSide.indexes
        searchKeys = creatorSide.searchKeys
        self.dealIndexes = dealIndexes
        creatorShelf = store.map { RecordShelf(store: $0) }
        dealShelf = store.map { RecordShelf(store: $0) }
        for campaign in campaigns { self.campaigns[campaign.id] = campaign }
        for template in templates { self.templates[template.id] = template }
        if !rosterIndexesLater { buildRosterIndexes() }
    }

    /// What a new workspace knows of its creators, made from their summaries alone: built on one thread while the
    /// deal indexes are built on another.
    struct CreatorSide: Sendable {
        fileprivate var indexes: CreatorIndexes
        fileprivate var searchKeys: SearchIndex

        var count: Int { indexes.entries.count }

        /// Each creator's last contact and open deals from their deals' rows. Call it on the only copy of the side:
        /// shared, the first change copies every creator's entry.
        mutating func takeDealFacts(_ facts: [RecordID: DealIndexes.CreatorDealFacts]) {
            for (creator, facts) in facts {
                _ = indexes.setDealFacts(of: creator, lastContact: facts.lastContact, openDeals: facts.openDeals)
            }
        }

        /// An empty side with room for `count` creators, filled by `add` as their summaries are read.
        init(reservingCapacity count: Int) {
            indexes = CreatorIndexes(unorderedCapacity: count)
            searchKeys = SearchIndex(unorderedCapacity: count)
        }

        init(_ summaries: some Sequence<CreatorSummary>, count: Int) {
            self.init(reservingCapacity: count)
            for summary in summaries { add(summary) }
        }

        /// Adds a creator; a later one of the same id wins, as in the creators-by-id dictionary.
        mutating func add(_ summary: CreatorSummary) {
            indexes.put(summary, facts: summary.facts)
            searchKeys.appendUnordered(summary.id, keys: summary.searchKeys)
        }
    }

    /// Whether every full creator is in memory; false for a workspace started from the folder index.
    public var holdsFullCreators: Bool { creatorShelf == nil }

    /// Whether every full deal is in memory; false for a workspace started from the folder index's rows.
    public var holdsFullDeals: Bool { dealShelf == nil }

    /// Every deal's compact row, which Today, the Pipeline and the Roster's deal columns go over.
    public var dealRows: DealRows { dealIndexes.rows }

    public var pipeline: StagePipeline { settings.workspace.pipeline }

    /// The roster's fuzzy-search keys (ordered on the spot, slowly, if asked for before `buildRosterIndexes()`).
    public var searchIndex: SearchIndex {
        guard !searchKeys.isOrdered else { return searchKeys }
        var ordered = searchKeys
        ordered.orderByName()
        return ordered
    }

    /// The roster's name order (`RosterOrder` starts there; made on the spot if asked for before `buildRosterIndexes()`).
    public var creatorsByName: CreatorNameOrder { creatorIndexes.entries.inNameOrder }

    /// Orders the search keys and the creators' entries by name, which a start-up left for after its first frame:
    /// the two sorts side by side, on two cores (at 100k creators one after the other took 0.19–0.20 s, keys typed
    /// meanwhile waiting).
    public mutating func buildRosterIndexes() {
        let unordered = searchKeys
        searchKeys = SearchIndex()
        let ordered = ValueInBackground {
            var keys = unordered // only the entries' ranks are copied to be changed: the texts stay shared
            keys.orderByName()
            return keys
        }
        creatorIndexes.orderByName()
        searchKeys = ordered.wait()
    }

    /// Adds or replaces a record and updates the indexes it touches.
    public mutating func put(_ record: AnyRecord) {
        if let keys = store(record) { searchKeys.update(record.id, keys: keys) }
    }

    /// Adds or replaces many records (another session's changes), the creators' search keys in one go (and their
    /// name order, when there are more than a few hundred: inserting 100,000 one by one moves the columns each time).
    public mutating func put(_ records: [AnyRecord]) {
        let reorder = records.lazy.filter { $0.kind == .influencer }.count > 500 && creatorIndexes.entries.isInNameOrder
        if reorder { creatorIndexes.appendUnordered() }
        var creatorKeys: [(RecordID, CreatorSearchKeys)] = []
        for record in records {
            if let keys = store(record) { creatorKeys.append((record.id, keys)) }
        }
        if reorder { creatorIndexes.orderByName() }
        searchKeys.update(keys: creatorKeys)
    }

    /// `put` but for the search index: a creator's search keys are returned for the caller to put there (one at a
    /// time, or many in one go).
    private mutating func store(_ record: AnyRecord) -> CreatorSearchKeys? {
        switch record {
        case .influencer(let r):
            if let creatorShelf { creatorShelf.remember(r) } else { creators[r.id] = r }
            let summary = CreatorSummary(r)
            var facts = summary.facts
            (facts.lastContact, facts.openDeals) = dealFacts(of: r.id)
            creatorIndexes.put(summary, facts: facts)
            return summary.searchKeys
        case .campaign(let r):
            campaigns[r.id] = r
        case .deal(let r):
            let previous = dealIndexes.rows[r.id]
            if let dealShelf { dealShelf.remember(r) } else { deals[r.id] = r }
            dealIndexes.put(DealRow(r), discountCode: r.tracking.discountCodeKey)
            if let previous, previous.influencerID != r.influencerID { refreshDealFacts(of: previous.influencerID) }
            refreshDealFacts(of: r.influencerID)
        case .template(let r):
            templates[r.id] = r
        }
        return nil
    }

    /// Keeps a full creator or deal in memory (`true`) until released: edited here, its save is on its way or failed,
    /// and its file still holds the version before the edit. (A workspace holding every record keeps it anyway.)
    func holdUnsaved(_ record: AnyRecord, _ holding: Bool) {
        switch record.kind {
        case .influencer: creatorShelf?.hold(record.id, holding)
        case .deal: dealShelf?.hold(record.id, holding)
        case .campaign, .template: break
        }
    }

    /// Removes a record (deleted here or by another session); returns whether it was there.
    @discardableResult
    public mutating func remove(_ kind: RecordKind, _ id: RecordID) -> Bool {
        switch kind {
        case .influencer:
            searchKeys.remove(id)
            creators[id] = nil
            creatorShelf?.forget(id)
            return creatorIndexes.remove(id)
        case .campaign:
            return campaigns.removeValue(forKey: id) != nil
        case .deal:
            deals[id] = nil
            dealShelf?.forget(id)
            guard let row = dealIndexes.remove(id) else { return false }
            refreshDealFacts(of: row.influencerID)
            return true
        case .template:
            return templates.removeValue(forKey: id) != nil
        }
    }

    /// A creator's last contact and open deals as their deals' rows are now.
    private func dealFacts(of creator: RecordID) -> DealIndexes.CreatorDealFacts {
        dealIndexes.dealFacts(of: creator, pipeline: pipeline)
    }

    /// Brings a creator's deal facts up to date after one of their deals changed.
    private mutating func refreshDealFacts(of creator: RecordID) {
        let (latest, open) = dealFacts(of: creator)
        _ = creatorIndexes.setDealFacts(of: creator, lastContact: latest, openDeals: open)
    }

    /// Counts every creator's open deals again (the stages changed).
    private mutating func recountDealFacts() {
        let facts = dealIndexes.creatorDealFacts(pipeline: pipeline)
        for creator in creatorIndexes.entries.ids {
            let (latest, open) = facts[creator] ?? (nil, 0)
            _ = creatorIndexes.setDealFacts(of: creator, lastContact: latest, openDeals: open)
        }
    }

    /// The full creator with `id`: the one way screens, editors and commands read a whole creator (lists read
    /// `rosterFacts` and `influencerName`). From a workspace started from the folder index, it is read from its file
    /// unless recently used.
    public func influencer(_ id: RecordID) -> Influencer? {
        guard let creatorShelf else { return creators[id] }
        return creatorIndexes.entries.contains(id) ? creatorShelf.record(id) : nil
    }

    /// The full creators with these ids (those that are here), in no particular order: read in one batch when the
    /// workspace started from the folder index.
    public func influencers(_ ids: some Collection<RecordID>) -> [Influencer] {
        guard let creatorShelf else { return ids.compactMap { creators[$0] } }
        return creatorShelf.records(ids.filter(creatorIndexes.entries.contains))
    }

    /// `influencers(_:)` by id.
    public func influencersByID(_ ids: some Sequence<RecordID>) -> [RecordID: Influencer] {
        Dictionary(influencers(Set(ids)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The latest followers of these creators' main accounts (those that have a figure), from their roster facts.
    public func followers(of ids: some Sequence<RecordID>) -> [RecordID: Int] {
        var followers: [RecordID: Int] = [:]
        for id in ids { if let count = creatorIndexes.entries[id]?.facts.followers { followers[id] = count } }
        return followers
    }

    /// The full creators whose search keys hold `text` folded (name, handles, real name, emails and other contact
    /// lines, agent, tags, notes: see `CreatorSearchKeys`): a command looking a creator up by any of those reads only
    /// these, not 100,000 files.
    public func influencers(whoseSearchKeysContain text: String) -> [Influencer] {
        let folded = Array(TextFolding.fold(text).utf8)
        let ids = searchKeys.ids(whoseKeysContain: folded)
        return influencers(ids)
    }

    /// Every full creator, for whole-folder commands (read from every file when the workspace started from the
    /// folder index); no screen goes over it.
    public var allInfluencers: [Influencer] {
        creatorShelf == nil ? Array(creators.values) : influencers(creatorIndexes.entries.ids)
    }

    /// How many creators there are.
    public var creatorCount: Int { creatorIndexes.entries.count }

    /// Every creator's names and the roster facts the filter reads, by id.
    public var creatorEntries: CreatorEntries { creatorIndexes.entries }

    /// The archived creators: while there are none, a search need not be filtered to hide them.
    public var archivedCreators: Set<RecordID> { creatorIndexes.archived }

    /// Existing creators that `candidate` likely duplicates (a handle on the same platform, an email), by id.
    public func likelyDuplicates(of candidate: Influencer) -> [DuplicateMatch] {
        let ids = creatorIndexes.byDuplicateKey.candidates(for: DuplicateDetector.keys(of: candidate))
        return DuplicateDetector.matches(for: candidate, in: influencers(ids).sorted { $0.id < $1.id })
    }

    /// The full deal with `id`: the one way screens, editors and commands read a whole deal (lists read `dealRows`).
    /// From a workspace started from the index's rows, it is read from its file unless recently used.
    public func deal(_ id: RecordID) -> Deal? {
        guard let dealShelf else { return deals[id] }
        return dealIndexes.rows[id] != nil ? dealShelf.record(id) : nil
    }

    /// The revision of the record as this session last saved or saw it, without reading a deal's file (nil: not
    /// known here): what another session's change is compared with.
    public func knownRevision(_ kind: RecordKind, _ id: RecordID) -> Int? {
        switch kind {
        case .influencer: creatorShelf.map { $0.peek(id)?.revision } ?? creators[id]?.revision
        case .deal: dealShelf.map { $0.peek(id)?.revision } ?? deals[id]?.revision
        case .campaign, .template: record(kind, id)?.revision
        }
    }

    /// How many deals there are.
    public var dealCount: Int { dealIndexes.rows.count }

    /// Every full deal, for whole-folder reports and checks (read from every file when the workspace started from
    /// the index's rows); no screen goes over it.
    public var allDeals: [Deal] {
        dealShelf == nil ? Array(deals.values) : fullDeals(dealIndexes.rows.all.lazy.map(\.id))
    }

    /// The full deals with these ids (those that are here), in no particular order: read in one batch when the
    /// workspace started from the index's rows.
    private func fullDeals(_ ids: some Collection<RecordID>) -> [Deal] {
        guard let dealShelf else { return ids.compactMap { deals[$0] } }
        return dealShelf.records(ids.filter { dealIndexes.rows[$0] != nil })
    }

    /// Whether a deal other than `excluding` has the discount code `code` (compared as `Tracking.key` does).
    public func isDiscountCodeTaken(_ code: String, excluding: RecordID?) -> Bool {
        guard let key = Tracking.key(code) else { return false } // a blank code is no code
        return dealIndexes.dealIDs(withCode: key).contains { $0 != excluding }
    }

    /// Every name deals are owned by.
    public var dealOwners: Set<String> { Set(dealIndexes.owners.compactMap { $0 }) }

    /// The rows of the deals whose owner `isShown` accepts, or nil when it accepts every owner (then go over
    /// `dealRows.all`).
    public func dealRows(ownedBy isShown: (String?) -> Bool) -> [DealRow]? {
        let owners = dealIndexes.owners.filter(isShown)
        guard owners.count < dealIndexes.ownerCount else { return nil }
        return owners.flatMap(dealIndexes.rows(ownedBy:))
    }

    /// A creator's folded name, for sorting.
    public func sortName(_ id: RecordID) -> String { creatorIndexes.entries[id]?.sortName ?? "" }

    /// Whether the record of `kind` with `id` is here (no creator's or deal's file is read).
    public func contains(_ kind: RecordKind, _ id: RecordID) -> Bool {
        switch kind {
        case .influencer: creatorIndexes.entries.contains(id)
        case .campaign: campaigns[id] != nil
        case .deal: dealIndexes.rows[id] != nil
        case .template: templates[id] != nil
        }
    }

    /// The record of `kind` with `id`, if loaded.
    public func record(_ kind: RecordKind, _ id: RecordID) -> AnyRecord? {
        switch kind {
        case .influencer: influencer(id).map(AnyRecord.influencer)
        case .campaign: campaigns[id].map(AnyRecord.campaign)
        case .deal: deal(id).map(AnyRecord.deal)
        case .template: templates[id].map(AnyRecord.template)
        }
    }

    /// Deals of one creator, newest first (ties by id, so the order never depends on hashing).
    public func deals(ofInfluencer id: RecordID) -> [Deal] {
        fullDeals(dealIndexes.dealIDs(ofInfluencer: id))
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id < $1.id }
    }

    /// Deals of one campaign, oldest first (ties by id).
    public func deals(ofCampaign id: RecordID) -> [Deal] {
        fullDeals(dealIndexes.dealIDs(ofCampaign: id))
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
    }

    /// How many deals a creator has (open or not).
    public func dealCount(ofInfluencer id: RecordID) -> Int { dealIndexes.dealCount(ofInfluencer: id) }

    /// Whether `deals(ofCampaign:)` needs no file read: every deal is held, or the campaign's are all on the shelf.
    public func dealsAreAtHand(ofCampaign id: RecordID) -> Bool {
        dealShelf?.holdsAll(dealIDs(ofCampaign: id)) ?? true
    }

    /// Ids of a campaign's deals, unordered: counts and per-campaign sums without sorting or copying deals.
    public func dealIDs(ofCampaign id: RecordID) -> [RecordID] { dealIndexes.dealIDs(ofCampaign: id) }

    /// Open (not closed, not archived) deals of a creator.
    public func activeDealCount(ofInfluencer id: RecordID) -> Int { creatorIndexes.entries[id]?.facts.openDeals ?? 0 }

    /// The newest contact with a creator (any non-system timeline entry of their deals).
    public func lastContact(withInfluencer id: RecordID) -> Date? { creatorIndexes.entries[id]?.facts.lastContact }

    /// Display name of a creator, or a marker for a dangling reference.
    public func influencerName(_ id: RecordID) -> String { creatorIndexes.entries[id]?.name ?? Self.missingCreator }

    /// Display name of a campaign, or a marker for a dangling reference.
    public func campaignName(_ id: RecordID) -> String { campaigns[id]?.name ?? Self.missingCampaign }

    /// What a reference to a creator or campaign that is not there shows.
    public static let missingCreator = "(missing creator)", missingCampaign = "(missing campaign)"
}

private extension DealIndexes {
    /// Sized up front and filled in place (through intermediate arrays and `put` it took twice as long).
    init(_ deals: [Deal], creatorCount: Int, campaignCount: Int) {
        self.init(reservingCapacity: deals.count, creators: creatorCount, campaigns: campaignCount,
                  codes: deals.count { $0.tracking.discountCodeKey != nil })
        for deal in deals { put(DealRow(deal), discountCode: deal.tracking.discountCodeKey) }
    }

    init(_ rows: [IndexedDealRow], creatorCount: Int, campaignCount: Int) {
        self.init(reservingCapacity: rows.count, creators: creatorCount, campaigns: campaignCount,
                  codes: rows.count { $0.discountCode != nil })
        for row in rows { put(row.deal, discountCode: row.discountCode) }
    }
}

