/// The four top-level screens, reached with `1`–`4`; each maps to the pane type that implements it.
public enum Tab: Int, CaseIterable, Sendable {
    case today, roster, pipeline, campaigns

    public var title: String {
        switch self {
        case .today: "Today"
        case .roster: "Roster"
        case .pipeline: "Pipeline"
        case .campaigns: "Campaigns"
        }
    }

    /// The pane shown under this tab.
    var pane: any Pane.Type {
        switch self {
        case .today: TodayPane.self
        case .roster: RosterPane.self
        case .pipeline: PipelinePane.self
        case .campaigns: CampaignsPane.self
        }
    }
}
