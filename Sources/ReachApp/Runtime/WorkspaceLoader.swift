import Foundation
import ReachCore
import ReachStore

/// Reads the whole data folder into a `Workspace`; problems (quarantined files, a damaged `reach.json`) become
/// messages for the app to show, never a crash.
public enum WorkspaceLoader {
    /// From the folder index when it is built: each creator's summary and each deal's row, with full creators and
    /// deals read from their files on demand (at 100k creators the full records were 1.5 GB of every user's app),
    /// and campaigns and templates from their files. Without a built index: every full record, from the snapshot
    /// cache when the store has a usable one (deals, which it no longer holds, from their files), else from the
    /// files; and a large folder's index is built in the background for the next start.
    /// After a start from either cache (`fromSnapshot`), the first `scanChanges` brings in whatever changed since
    /// and any problem file. `rosterIndexesLater` leaves the search keys for after the first frame (see
    /// `Workspace.init`); `progress` tells a loading screen how far it has come.
    public static func load(from store: RecordStore, rosterIndexesLater: Bool = false, progress: LoadProgress = LoadProgress())
        -> (workspace: Workspace, problems: [String], fromSnapshot: Bool) {
        var problems: [String] = []
        progress.enter(.readingCache)
        if let indexed = fromIndex(store, problems: &problems) {
            progress.enter(.building)
            let settings = loadSettings(from: store, problems: &problems)
            var workspace = Workspace(creators: indexed.creators, campaigns: indexed.campaigns, dealRows: indexed.deals,
                                      templates: indexed.templates, settings: settings.settings ?? AppSettings(), store: store,
                                      rosterIndexesLater: rosterIndexesLater)
            workspace.settingsRevision = settings.revision
            return (workspace, problems, true)
        }
        var records: SnapshotRecords
        let fromSnapshot: Bool
        if let cached = store.loadAllFromSnapshot() {
            records = cached
            fromSnapshot = true
            if records.deals.isEmpty {
                // Written while deals came from the index, which is gone or of another version: read their files.
                let loaded = store.loadAll(Deal.self)
                problems += loaded.problems.map(\.description)
                records.deals = loaded.records
            }
        } else {
            let loaded = store.loadEverything(progress: progress, deals: true)
            problems += loaded.problems.map(\.description)
            records = loaded.records
            fromSnapshot = false
        }
        progress.enter(.building)
        let settings = loadSettings(from: store, problems: &problems)
        var workspace = Workspace(influencers: records.influencers, campaigns: records.campaigns, deals: records.deals,
                                  templates: records.templates, settings: settings.settings ?? AppSettings(),
                                  rosterIndexesLater: rosterIndexesLater)
        if records.deals.count >= indexInBackgroundFrom { buildIndexInBackground(store) }
        workspace.settingsRevision = settings.revision
        return (workspace, problems, fromSnapshot)
    }

    /// What a start takes from the folder index, and the campaigns and templates from their files.
    struct Indexed {
        var creators: [CreatorSummary]
        var deals: [IndexedDealRow]
        var campaigns: [Campaign]
        var templates: [Template]
    }

    /// Every creator's summary and every deal's row from the folder index, brought up to date with what Reach's
    /// writers and renames changed (the folder's problem files, which the refresh may have moved to quarantine, go
    /// to `problems`), the store told their files' stamps; nil when the index is not built yet (a first build reads
    /// every file: a minute at 100k) or cannot be used. The deal rows are read on another connection and thread
    /// while this one reads the creators' summaries (0.5 s each at 100k).
    static func fromIndex(_ store: RecordStore, problems: inout [String]) -> Indexed? {
        do {
            let index = try FolderIndex(store: store)
            guard try index.isBuilt(.influencer), try index.isBuilt(.deal) else { return nil }
            let refresh = try index.refreshSkippingFullCheck()
            let dealRows = ValueInBackground { () -> Result<[IndexedDealRow], any Error> in
                Result {
                    let rows = try FolderIndex(store: store).allDealRows()
                    store.knowFromIndex(.deal, stamps: stamps(rows.lazy.map { ($0.file, $0.stamp) }))
                    return rows
                }
            }
            let summaries = Result { try index.allCreatorSummaries() }
            let campaigns = store.loadAll(Campaign.self), templates = store.loadAll(Template.self)
            // Waited for even when the summaries failed, so the rows' stamps are set before a fallback reads the files.
            let rows = dealRows.wait()
            let creators = try summaries.get(), deals = try rows.get()
            store.knowFromIndex(.influencer, stamps: stamps(creators.lazy.map { ($0.file, $0.stamp) }))
            problems += refresh.problems + campaigns.problems.map(\.description) + templates.problems.map(\.description)
            store.logger.info("started from the folder index: \(creators.count) creator summaries, \(deals.count) deal rows")
            return Indexed(creators: creators.map(\.summary), deals: deals, campaigns: campaigns.records, templates: templates.records)
        } catch {
            store.logger.warning("starting without the folder index: \(error)")
            return nil
        }
    }

    private static func stamps(_ files: some Sequence<(String, Int64)>) -> [String: Int64] {
        Dictionary(files, uniquingKeysWith: { first, _ in first })
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
