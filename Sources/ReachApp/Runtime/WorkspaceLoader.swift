import ReachCore
import ReachStore

/// Reads the whole data folder into a `Workspace`; problems (quarantined files, a damaged `reach.json`) become
/// messages for the app to show, never a crash.
public enum WorkspaceLoader {
    public static func load(from store: RecordStore) -> (workspace: Workspace, problems: [String]) {
        var problems: [String] = []
        let influencers = store.loadAll(Influencer.self)
        let campaigns = store.loadAll(Campaign.self)
        let deals = store.loadAll(Deal.self)
        let templates = store.loadAll(Template.self)
        problems += (influencers.problems + campaigns.problems + deals.problems + templates.problems).map(\.description)
        var settings = AppSettings()
        do {
            settings = try store.loadWorkspace(AppSettings.self) ?? AppSettings()
        } catch {
            problems.append("reach.json: \(error) Default settings are used until it is fixed.")
        }
        let workspace = Workspace(influencers: influencers.records, campaigns: campaigns.records, deals: deals.records,
                                  templates: templates.records, settings: settings)
        return (workspace, problems)
    }
}
