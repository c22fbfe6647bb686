import Foundation
import ReachApp
import ReachCore
import ReachStore

/// For a command that shows a few records of a large folder (`reach report`, `reach today`): the folder index,
/// brought up to date, says which files to read, and what is shown is read from those files. At 100k creators this
/// reads a few thousand files instead of 300,000.
struct IndexedRecords {
    let store: RecordStore
    let index: FolderIndex
    let settings: AppSettings
    /// Problem files and a damaged `reach.json`, for standard error, each said once.
    private(set) var problems: [String]

    /// Nil when the index cannot be used (it is logged, with the reason); the command then reads the whole folder.
    static func open(_ store: RecordStore) -> IndexedRecords? {
        do {
            let index = try index(of: store)
            var problems = try index.refresh().problems
            let settings = WorkspaceLoader.loadSettings(from: store, problems: &problems).settings ?? AppSettings()
            return IndexedRecords(store: store, index: index, settings: settings, problems: problems)
        } catch {
            store.logger.warning("not using the folder index: \(error)")
            return nil
        }
    }

    /// The folder's index for a command: a refresh that must read thousands of files (the index is new here, of an
    /// older version, or `git pull` rewrote the folder) says so on standard error first, since at 100k creators it
    /// takes a minute that would otherwise look like a hang.
    static func index(of store: RecordStore) throws -> FolderIndex {
        try FolderIndex(store: store) { kind, count in
            let notice = "reach: reading \(count) \(kind.noun) files into the folder index (new here, or of an older version); "
                + "later commands read only what changed\n"
            FileHandle.standardError.write(Data(notice.utf8))
        }
    }

    /// Every campaign (they are few: a report finds its campaign by name among them).
    mutating func campaigns() -> [Campaign] {
        let loaded = store.loadAll(Campaign.self)
        note(loaded.problems.map(\.description))
        return loaded.records
    }

    /// A workspace of the deals whose files `dealFiles` picks from the index, their creators and `campaigns`; nil
    /// when the index fails on the way (logged), for the command to read the whole folder instead.
    mutating func workspace(campaigns: [Campaign], dealFiles: (FolderIndex) throws -> [String]) -> Workspace? {
        do {
            let deals = index.read(Deal.self, files: try dealFiles(index))
            let creators = index.read(Influencer.self, files: try index.creators(Set(deals.records.map(\.influencerID))).files)
            note(deals.problems + creators.problems)
            return Workspace(influencers: creators.records, campaigns: campaigns, deals: deals.records, settings: settings,
                             rosterIndexesLater: true)
        } catch {
            store.logger.warning("not using the folder index: \(error)")
            return nil
        }
    }

    /// Today's items for `scope` built from the index's compact rows (`DealRow`), no deal file read: the files of
    /// the deals and creators shown are first confirmed by their stamps (re-read when another program changed them in
    /// place, and the rows asked for again). Nil when the index fails on the way (logged).
    func agendaPage(now: Date, timeZone: TimeZone, user: UserIdentity?, scope: OwnerScope) -> Agenda.Page? {
        let settings = settings.workspace
        let isShown = scope.matcher(user: user)
        func dueItems() throws -> (items: [TodayItem], shown: [IndexedDealRow]) {
            let window = Today.Window(now: now, timeZone: timeZone, rightsWarningDays: settings.rightsExpiryWarningDays)
            let rows = try index.agenda(isShown: isShown, window: window, pipeline: settings.pipeline)
            let items = Today.items(rows: rows.map(\.deal), now: now, timeZone: timeZone,
                                    rightsWarningDays: settings.rightsExpiryWarningDays, pipeline: settings.pipeline)
            let shown = Set(items.map(\.dealID))
            return (items, rows.filter { shown.contains($0.deal.id) })
        }
        func changedSince(_ shown: [IndexedDealRow]) throws -> Bool {
            var deals: [String: Int64] = [:], creators: [String: Int64] = [:]
            for row in shown {
                deals[row.file] = row.stamp
                if let creator = row.creator { creators[creator.file] = creator.stamp }
            }
            // Both kinds are confirmed even when the deals already changed: each re-reads what it finds.
            let changedDeals = try index.confirm(.deal, stamps: deals)
            return try index.confirm(.influencer, stamps: creators) + changedDeals > 0
        }
        do {
            var due = try dueItems()
            if try changedSince(due.shown) { due = try dueItems() }
            var creators: [RecordID: String] = [:], deals: [RecordID: DealRow] = [:]
            deals.reserveCapacity(due.shown.count)
            for row in due.shown {
                creators[row.deal.influencerID] = row.creator?.name
                deals[row.deal.id] = row.deal
            }
            let campaigns = try index.campaignNames()
            return Agenda.Page(items: due.items, now: now, timeZone: timeZone, user: user, scope: scope,
                               deal: { [deals] in deals[$0] }, pipeline: settings.pipeline,
                               creatorName: { [creators] in creators[$0] ?? Workspace.missingCreator },
                               campaignName: { campaigns[$0] ?? Workspace.missingCampaign })
        } catch {
            store.logger.warning("not using the folder index: \(error)")
            return nil
        }
    }

    private mutating func note(_ more: [String]) {
        for problem in more where !problems.contains(problem) { problems.append(problem) }
    }
}
