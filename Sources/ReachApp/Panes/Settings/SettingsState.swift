/// The parts of the Settings screen, listed on its left; `]` and `[` step through them.
public enum SettingsSection: Int, CaseIterable, Sendable {
    case rates, stages, defaults, team

    public var title: String {
        switch self {
        case .rates: "Currency rates"
        case .stages: "Stages"
        case .defaults: "Tiers & defaults"
        case .team: "Team"
        }
    }

    /// One line under the entries saying what the section governs and what cannot change.
    var note: String {
        switch self {
        case .rates: "Totals convert at the newest rate for a pair (or its inverse), never a live feed."
        case .stages: "Deals keep their stage when it is renamed or moved; the closing stage and side exits keep their roles."
        case .defaults: "Tiers by followers on the main account: nano < micro < macro < mega."
        case .team: "Who \"mine\" means ($REACH_USER or $USER) and whom deals can be assigned to."
        }
    }
}

/// Whether the Settings screen is open, which section shows, and the selected entry.
public struct SettingsState: Sendable {
    public var isOpen = false
    public var section: SettingsSection = .rates
    public var cursor = ListCursor()

    public init() {}
}
