import ReachCore
import ReachStore

/// Reads the whole data folder into a `Workspace`; problems (quarantined files, a damaged `reach.json`) become
/// messages for the app to show, never a crash.
public enum WorkspaceLoader {
    /// From the snapshot cache when the store has a usable one (`fromSnapshot`), else from the record files.
    /// After a snapshot load, the first `scanChanges` brings in whatever changed since, and any problem file.
    /// `rosterIndexesLater` leaves the search keys for after the first frame (see `Workspace.init`); `progress`
    /// tells a loading screen how far it has come.
    public static func load(from store: RecordStore, rosterIndexesLater: Bool = false, progress: LoadProgress = LoadProgress())
        -> (workspace: Workspace, problems: [String], fromSnapshot: Bool) {
        var problems: [String] = []
        let records: SnapshotRecords
        let fromSnapshot: Bool
        progress.enter(.readingCache)
        if let cached = store.loadAllFromSnapshot() {
            records = cached
            fromSnapshot = true
        } else {
            let loaded = store.loadEverything(progress: progress)
            problems += loaded.problems.map(\.description)
            records = loaded.records
            fromSnapshot = false
        }
        progress.enter(.building)
        let settings = loadSettings(from: store, problems: &problems)
        var workspace = Workspace(influencers: records.influencers, campaigns: records.campaigns, deals: records.deals,
                                  templates: records.templates, settings: settings.settings ?? AppSettings(),
                                  rosterIndexesLater: rosterIndexesLater)
        workspace.settingsRevision = settings.revision
        return (workspace, problems, fromSnapshot)
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
