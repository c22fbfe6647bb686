import Foundation
import ReachCore
import ReachStore

/// Reads the whole data folder into a `Workspace`; problems (quarantined files, a damaged `reach.json`) become
/// messages for the app to show, never a crash.
public enum WorkspaceLoader {
    /// From the folder index when it is built: each creator's summary and each deal's row, with full creators and
    /// deals read from their files on demand (at 100k creators the full records were 1.5 GB of every user's app),
    /// and campaigns and templates from their files. The index is brought up to date with what Reach's writers and
    /// renames changed, not compared file by file (300,000 stats): after a start from it (`fromIndex`), the app's
    /// first `scanChanges` finds any edit made in place, and any problem file. Without a built index, a folder of
    /// `buildIndexFrom` record files or more has it built first, every file read once into it (held full, 100,000
    /// creators and their deals were 2 GB of the first start, and the index was built again behind it); a smaller
    /// one is read whole from its files. `rosterIndexesLater` leaves the search keys for after the first frame (see
    /// `Workspace.init`); `progress` tells a loading screen how far it has come.
    public static func load(from store: RecordStore, rosterIndexesLater: Bool = false, progress: LoadProgress = LoadProgress(),
                            buildIndexFrom: Int = 5_000) -> (workspace: Workspace, problems: [String], fromIndex: Bool) {
        var problems: [String] = []
        let settings = loadSettings(from: store, problems: &problems)
        progress.enter(.readingIndex)
        if let index = openIndex(store), var workspace = fromIndex(index, settings: settings, rosterIndexesLater: rosterIndexesLater,
                                                                 problems: &problems, refresh: { index in
            if try index.isBuilt(.influencer), try index.isBuilt(.deal) { return try index.refreshSkippingFullCheck() }
            guard store.hasIndexedRecordFiles(atLeast: buildIndexFrom) else { return nil }
            let built = try index.refresh(progress: progress)
            FreedMemory.giveBackNow()
            progress.enter(.readingIndex)
            return built
        }) {
            workspace.settingsRevision = settings.revision
            return (workspace, problems, true)
        }
        var workspace = fromFiles(store, settings: settings.settings, rosterIndexesLater: rosterIndexesLater, progress: progress, problems: &problems)
        workspace.settingsRevision = settings.revision
        return (workspace, problems, false)
    }

    /// The whole folder as it is now, for a command that prints once: from `index`, built first when missing and
    /// compared file by file with the folder (so a later command reads only what changed, and an edit made in place
    /// shows), else from every file.
    public static func loadCurrent(from store: RecordStore, index: FolderIndex?) -> (workspace: Workspace, problems: [String]) {
        var problems: [String] = []
        let settings = loadSettings(from: store, problems: &problems)
        var workspace = index.flatMap { fromIndex($0, settings: settings, rosterIndexesLater: true, problems: &problems,
                                                  refresh: { try $0.refresh(fullCheck: true) }) }
            ?? fromFiles(store, settings: settings.settings, rosterIndexesLater: true, progress: LoadProgress(), problems: &problems)
        workspace.settingsRevision = settings.revision
        return (workspace, problems)
    }

    private static func fromFiles(_ store: RecordStore, settings: AppSettings?, rosterIndexesLater: Bool, progress: LoadProgress,
                                  problems: inout [String]) -> Workspace {
        let loaded = store.loadEverything(progress: progress)
        problems += loaded.problems.map(\.description)
        let records = loaded.records
        progress.enter(.building)
        return Workspace(influencers: records.influencers, campaigns: records.campaigns, deals: records.deals,
                         templates: records.templates, settings: settings ?? AppSettings(), rosterIndexesLater: rosterIndexesLater)
    }

    /// A workspace of every creator's summary and every deal's row from the folder index after `refresh` brought it
    /// up to date (the folder's problem files, which the refresh may have moved to quarantine, go to `problems`), the
    /// store told their files' stamps; nil when `refresh` says the index is not to be used (nil: not built, and the
    /// folder too small to build it first) or the index cannot be used.
    ///
    /// Two threads, each reading from its own connection and building its side as it reads: the deal indexes on
    /// another thread as the rows come (never holding all 200,000 rows: 98 MB at 100k), the creator side here as the
    /// summaries come. Read first and built after, one side waited for the other, idle, for a quarter second.
    static func fromIndex(_ index: FolderIndex, settings: WorkspaceVersion<AppSettings>, rosterIndexesLater: Bool,
                          problems: inout [String], refresh: (FolderIndex) throws -> IndexRefresh?) -> Workspace? {
        let store = index.store
        do {
            guard let refresh = try refresh(index) else { return nil }
            let appSettings = settings.settings ?? AppSettings(), pipeline = appSettings.workspace.pipeline
            let dealSide = ValueInBackground { Result { try readDealSide(FolderIndex(store: store), pipeline: pipeline) } }
            // A plain variable, the only one holding the creator side (no `Result` beside it): their deal facts are set
            // in place (shared, the 100,000 entries were copied first).
            var creators: Workspace.CreatorSide
            do {
                creators = try readCreatorSide(index)
            } catch {
                _ = dealSide.wait() // so the rows' stamps are set before a fallback reads the files
                throw error
            }
            let campaigns = store.loadAll(Campaign.self), templates = store.loadAll(Template.self)
            let (dealIndexes, dealFacts) = try dealSide.wait().get()
            creators.takeDealFacts(dealFacts)
            problems += refresh.problems + campaigns.problems.map(\.description) + templates.problems.map(\.description)
            store.logger.info("started from the folder index: \(creators.count) creator summaries, \(dealIndexes.rows.count) deal rows")
            return Workspace(creators, dealIndexes: dealIndexes, campaigns: campaigns.records, templates: templates.records,
                             settings: appSettings, store: store, rosterIndexesLater: rosterIndexesLater)
        } catch {
            store.logger.warning("starting without the folder index: \(error)")
            index.discardIfDamaged(by: error)
            return nil
        }
    }

    /// Every creator's summary in `index` put in the creator side as it is read, the store told their files'
    /// stamps. (All 100,000 read first, then put in, were 50 MB more at the start's peak.)
    private static func readCreatorSide(_ index: FolderIndex) throws -> Workspace.CreatorSide {
        let count = try index.creatorCount()
        var side = Workspace.CreatorSide(reservingCapacity: count)
        var stamps: [(file: RecordID, stamp: Int64)] = []
        stamps.reserveCapacity(count)
        try index.forEachCreatorSummary { summary, file, stamp in
            side.add(summary)
            if let file { stamps.append((file, stamp)) }
        }
        index.store.knowFromIndex(.influencer, stamps: stamps)
        return side
    }

    /// The deal indexes of every row in `index`, the store told the rows' stamps, and each creator's deal facts under
    /// `pipeline`. The rows are put in on a thread of their own, a batch at a time, while this one reads the next:
    /// reading and putting were each about half of the deal side, which went on alone for 0.4 s after the creator side
    /// was done. That thread also counts the facts (it waits for rows anyway): counted after both sides were read,
    /// they were a tenth of a second before the first frame.
    private static func readDealSide(_ index: FolderIndex, pipeline: StagePipeline)
        throws -> (DealIndexes, [RecordID: DealIndexes.CreatorDealFacts]) {
        let counts = try index.recordCounts()
        let side = ValueFilledInBackground((indexes: DealIndexes(reservingCapacity: counts.deals, creators: counts.creators,
                                                                 campaigns: counts.campaigns, codes: counts.codedDeals),
                                            facts: DealIndexes.CreatorFactsTally(pipeline: pipeline, creators: counts.creators)))
        var batch: [(row: DealRow, discountCode: String?)] = []
        func putBatch() {
            let rows = batch
            side.add { side in
                for entry in rows {
                    side.indexes.put(entry.row, discountCode: entry.discountCode)
                    side.facts.count(entry.row)
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        var stamps: [(file: RecordID, stamp: Int64)] = []
        stamps.reserveCapacity(counts.deals)
        do {
            try index.forEachDealRow { row, file, stamp, discountCode in
                batch.append((row, discountCode))
                if batch.count == 4_096 { putBatch() }
                if let file { stamps.append((file, stamp)) }
            }
        } catch {
            _ = side.finish() // nothing left running behind a failed read
            throw error
        }
        putBatch()
        index.store.knowFromIndex(.deal, stamps: stamps)
        let (indexes, tally) = side.finish()
        // A deal id in two rows (only in a damaged folder): the kept row replaced the other, which was counted too.
        let facts = tally.counted == indexes.rows.count ? tally.facts : indexes.creatorDealFacts(pipeline: pipeline)
        return (indexes, facts)
    }

    private static func openIndex(_ store: RecordStore) -> FolderIndex? {
        do {
            return try FolderIndex(store: store)
        } catch {
            store.logger.warning("starting without the folder index: \(error)")
            return nil
        }
    }

    /// `reach.json`, or the defaults with a problem saying why they are used.
    public static func loadSettings(from store: RecordStore, problems: inout [String]) -> WorkspaceVersion<AppSettings> {
        do {
            return try store.loadWorkspaceVersion(AppSettings.self)
        } catch {
            problems.append("reach.json: \(error) Default settings are used until it is fixed.")
            return WorkspaceVersion(settings: nil, revision: 0)
        }
    }
}
