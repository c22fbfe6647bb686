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
    /// first `scanChanges` finds any edit made in place, and any problem file. Without a built index: every full
    /// record from its file, and a large folder's index is built in the background for the next start.
    /// `rosterIndexesLater` leaves the search keys for after the first frame (see `Workspace.init`); `progress` tells
    /// a loading screen how far it has come.
    public static func load(from store: RecordStore, rosterIndexesLater: Bool = false, progress: LoadProgress = LoadProgress())
        -> (workspace: Workspace, problems: [String], fromIndex: Bool) {
        var problems: [String] = []
        progress.enter(.readingIndex)
        if let index = openIndex(store), let indexed = fromIndex(index, problems: &problems, refresh: { index in
            guard try index.isBuilt(.influencer), try index.isBuilt(.deal) else { return nil }
            return try index.refreshSkippingFullCheck()
        }) {
            progress.enter(.building)
            return (workspace(indexed, store: store, rosterIndexesLater: rosterIndexesLater, problems: &problems), problems, true)
        }
        let workspace = fromFiles(store, rosterIndexesLater: rosterIndexesLater, progress: progress, problems: &problems)
        if workspace.dealCount >= indexInBackgroundFrom { buildIndexInBackground(store) }
        return (workspace, problems, false)
    }

    /// The whole folder as it is now, for a command that prints once: from `index`, built first when missing and
    /// compared file by file with the folder (so a later command reads only what changed, and an edit made in place
    /// shows), else from every file.
    public static func loadCurrent(from store: RecordStore, index: FolderIndex?) -> (workspace: Workspace, problems: [String]) {
        var problems: [String] = []
        if let index, let indexed = fromIndex(index, problems: &problems, refresh: { try $0.refresh(fullCheck: true) }) {
            return (workspace(indexed, store: store, rosterIndexesLater: true, problems: &problems), problems)
        }
        return (fromFiles(store, rosterIndexesLater: true, progress: LoadProgress(), problems: &problems), problems)
    }

    private static func workspace(_ indexed: Indexed, store: RecordStore, rosterIndexesLater: Bool, problems: inout [String]) -> Workspace {
        let settings = loadSettings(from: store, problems: &problems)
        var workspace = Workspace(creators: indexed.creators, campaigns: indexed.campaigns, dealRows: indexed.deals,
                                  templates: indexed.templates, settings: settings.settings ?? AppSettings(), store: store,
                                  rosterIndexesLater: rosterIndexesLater)
        workspace.settingsRevision = settings.revision
        return workspace
    }

    private static func fromFiles(_ store: RecordStore, rosterIndexesLater: Bool, progress: LoadProgress, problems: inout [String]) -> Workspace {
        let loaded = store.loadEverything(progress: progress)
        problems += loaded.problems.map(\.description)
        let records = loaded.records
        progress.enter(.building)
        let settings = loadSettings(from: store, problems: &problems)
        var workspace = Workspace(influencers: records.influencers, campaigns: records.campaigns, deals: records.deals,
                                  templates: records.templates, settings: settings.settings ?? AppSettings(),
                                  rosterIndexesLater: rosterIndexesLater)
        workspace.settingsRevision = settings.revision
        return workspace
    }

    /// What a start takes from the folder index, and the campaigns and templates from their files.
    struct Indexed {
        var creators: [CreatorSummary]
        var deals: [IndexedDealRow]
        var campaigns: [Campaign]
        var templates: [Template]
    }

    /// Every creator's summary and every deal's row from the folder index after `refresh` brought it up to date (the
    /// folder's problem files, which the refresh may have moved to quarantine, go to `problems`), the store told their
    /// files' stamps; nil when `refresh` says the index is not to be used (nil: not built yet, a first build reads
    /// every file: a minute at 100k) or the index cannot be used. The deal rows are read on another connection and
    /// thread while this one reads the creators' summaries (0.5 s each at 100k).
    static func fromIndex(_ index: FolderIndex, problems: inout [String], refresh: (FolderIndex) throws -> IndexRefresh?) -> Indexed? {
        let store = index.store
        do {
            guard let refresh = try refresh(index) else { return nil }
            let dealRows = ValueInBackground { () -> Result<[IndexedDealRow], any Error> in
                Result {
                    let rows = try FolderIndex(store: store).allDealRows()
                    store.knowFromIndex(.deal, stamps: rows.map { (file: $0.file, stamp: $0.stamp) })
                    return rows
                }
            }
            let summaries = Result { try index.allCreatorSummaries() }
            let campaigns = store.loadAll(Campaign.self), templates = store.loadAll(Template.self)
            // Waited for even when the summaries failed, so the rows' stamps are set before a fallback reads the files.
            let rows = dealRows.wait()
            let creators = try summaries.get(), deals = try rows.get()
            store.knowFromIndex(.influencer, stamps: creators.map { (file: $0.file, stamp: $0.stamp) })
            problems += refresh.problems + campaigns.problems.map(\.description) + templates.problems.map(\.description)
            store.logger.info("started from the folder index: \(creators.count) creator summaries, \(deals.count) deal rows")
            return Indexed(creators: creators.map(\.summary), deals: deals, campaigns: campaigns.records, templates: templates.records)
        } catch {
            store.logger.warning("starting without the folder index: \(error)")
            index.discardIfDamaged(by: error)
            return nil
        }
    }

    private static func openIndex(_ store: RecordStore) -> FolderIndex? {
        do {
            return try FolderIndex(store: store)
        } catch {
            store.logger.warning("starting without the folder index: \(error)")
            return nil
        }
    }

    /// From this many deals a start without a built index builds it in the background: below, reading every deal
    /// file at start is quick and holding them small.
    static let indexInBackgroundFrom = 5_000

    /// Builds (or brings up to date) the folder index off the main thread, at the lowest priority, for the next start.
    static func buildIndexInBackground(_ store: RecordStore) {
        DispatchQueue.global(qos: .background).async {
            do {
                try FolderIndex(store: store).refresh()
            } catch {
                store.logger.warning("could not build the folder index: \(error)")
            }
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
