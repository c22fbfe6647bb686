import ReachCore
import ReachStore

/// Reads the whole data folder into a `Workspace`; problems (quarantined files, a damaged `reach.json`) become
/// messages for the app to show, never a crash.
public enum WorkspaceLoader {
    /// From the snapshot cache when the store has a usable one (`fromSnapshot`), else from the record files.
    /// After a snapshot load, the first `scanChanges` brings in whatever changed since, and any problem file.
    /// `searchIndexLater` leaves the search keys for after the first frame (see `Workspace.init`).
    public static func load(from store: RecordStore, searchIndexLater: Bool = false)
        -> (workspace: Workspace, problems: [String], fromSnapshot: Bool) {
        var problems: [String] = []
        let records: SnapshotRecords
        let fromSnapshot: Bool
        if let cached = store.loadAllFromSnapshot() {
            records = cached
            fromSnapshot = true
        } else {
            let influencers = store.loadAll(Influencer.self)
            let campaigns = store.loadAll(Campaign.self)
            let deals = store.loadAll(Deal.self)
            let templates = store.loadAll(Template.self)
            problems += (influencers.problems + campaigns.problems + deals.problems + templates.problems).map(\.description)
            records = SnapshotRecords(influencers: influencers.records, campaigns: campaigns.records, deals: deals.records,
                                      templates: templates.records)
            fromSnapshot = false
        }
        var settings = AppSettings()
        do {
            settings = try store.loadWorkspace(AppSettings.self) ?? AppSettings()
        } catch {
            problems.append("reach.json: \(error) Default settings are used until it is fixed.")
        }
        let workspace = Workspace(influencers: records.influencers, campaigns: records.campaigns, deals: records.deals,
                                  templates: records.templates, settings: settings, searchIndexLater: searchIndexLater)
        return (workspace, problems, fromSnapshot)
    }

    /// `load`, then (after a snapshot load) what other sessions changed since the snapshot, read at once rather
    /// than at the app's first poll: a command prints once and must not show the cache's older state.
    public static func loadCurrent(from store: RecordStore) -> (workspace: Workspace, problems: [String]) {
        var (workspace, problems, fromSnapshot) = load(from: store, searchIndexLater: true)
        guard fromSnapshot else { return (workspace, problems) }
        let changes = EffectPerformer.scanChanges(store)
        workspace.put(changes.upserted)
        for (kind, id) in changes.removed { _ = workspace.remove(kind, id) }
        problems += changes.problems.map(\.description)
        return (workspace, problems)
    }
}
