import Foundation
import ReachCore
import ReachStore

/// Reads the whole data folder into a `Workspace`; problems (quarantined files, a damaged `reach.json`) become
/// messages for the app to show, never a crash.
public enum WorkspaceLoader {
    /// Creators, campaigns and templates from the snapshot cache when the store has a usable one (`fromSnapshot`),
    /// else from their files. Deals as rows from the folder index when it is built: full deals are then read from
    /// their files on demand (at 100k creators they were 1.17 GB of the app). Without a built index, every full deal
    /// is read (from a snapshot that still holds them, else from their files), and a large folder's index is built in
    /// the background for the next start.
    /// After a start, the first `scanChanges` brings in whatever changed since the snapshot or the index, and any
    /// problem file. `rosterIndexesLater` leaves the search keys for after the first frame (see `Workspace.init`);
    /// `progress` tells a loading screen how far it has come.
    public static func load(from store: RecordStore, rosterIndexesLater: Bool = false, progress: LoadProgress = LoadProgress())
        -> (workspace: Workspace, problems: [String], fromSnapshot: Bool) {
        var problems: [String] = []
        progress.enter(.readingCache)
        // The index's rows are read on another thread while the snapshot is decoded (0.5 s each at 100k).
        let indexed = ValueInBackground { () -> (rows: [IndexedDealRow]?, problems: [String]) in
            var problems: [String] = []
            return (indexedDealRows(store, problems: &problems), problems)
        }
        let cached = store.loadAllFromSnapshot()
        let (dealRows, indexProblems) = indexed.wait()
        problems += indexProblems
        var records: SnapshotRecords
        let fromSnapshot: Bool
        if let cached {
            records = cached
            fromSnapshot = true
            if dealRows != nil, !cached.deals.isEmpty {
                records.deals = [] // written by an older Reach: the next quit writes it without them
                store.snapshotNeedsRewriting()
            }
        } else {
            let loaded = store.loadEverything(progress: progress, deals: dealRows == nil)
            problems += loaded.problems.map(\.description)
            records = loaded.records
            fromSnapshot = false
        }
        if dealRows == nil, fromSnapshot, records.deals.isEmpty {
            // The snapshot holds no deals (they come from the index, which is gone or new): read their files.
            let loaded = store.loadAll(Deal.self)
            problems += loaded.problems.map(\.description)
            records.deals = loaded.records
        }
        progress.enter(.building)
        let settings = loadSettings(from: store, problems: &problems)
        var workspace: Workspace
        if let dealRows {
            store.knowFromIndex(.deal, stamps: Dictionary(dealRows.map { ($0.file, $0.stamp) }, uniquingKeysWith: { a, _ in a }))
            workspace = Workspace(influencers: records.influencers, campaigns: records.campaigns, dealRows: dealRows,
                                  templates: records.templates, settings: settings.settings ?? AppSettings(), store: store,
                                  rosterIndexesLater: rosterIndexesLater)
        } else {
            workspace = Workspace(influencers: records.influencers, campaigns: records.campaigns, deals: records.deals,
                                  templates: records.templates, settings: settings.settings ?? AppSettings(),
                                  rosterIndexesLater: rosterIndexesLater)
            if records.deals.count >= indexInBackgroundFrom { buildIndexInBackground(store) }
        }
        workspace.settingsRevision = settings.revision
        return (workspace, problems, fromSnapshot)
    }

    /// From this many deals a start without a built index builds it in the background: below, reading every deal
    /// file at start is quick and holding them small.
    static let indexInBackgroundFrom = 5_000

    /// Every deal's row from the folder index, brought up to date with what Reach's writers and renames changed
    /// (the folder's problem files, which the refresh may have moved to quarantine, go to `problems`); nil when the
    /// index is not built yet (a first build reads every file: a minute at 100k) or cannot be used.
    static func indexedDealRows(_ store: RecordStore, problems: inout [String]) -> [IndexedDealRow]? {
        do {
            let index = try FolderIndex(store: store)
            guard try index.isBuilt(.deal) else { return nil }
            let refresh = try index.refreshSkippingFullCheck()
            let rows = try index.allDealRows()
            problems += refresh.problems
            return rows
        } catch {
            store.logger.warning("starting without the folder index: \(error)")
            return nil
        }
    }

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

    /// `load`, then (after a snapshot load) what other sessions changed since the snapshot, read at once rather
    /// than at the app's first poll: a command prints once and must not show the cache's older state.
    public static func loadCurrent(from store: RecordStore) -> (workspace: Workspace, problems: [String]) {
        var (workspace, problems, fromSnapshot) = load(from: store, rosterIndexesLater: true)
        guard fromSnapshot else { return (workspace, problems) }
        let changes = EffectPerformer.scanChanges(store)
        workspace.put(changes.upserted)
        for (kind, id) in changes.removed { _ = workspace.remove(kind, id) }
        problems += changes.problems.map(\.description)
        return (workspace, problems)
    }
}
