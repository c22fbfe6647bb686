import Foundation

/// Workspace-wide settings stored in `reach.json`: pipeline, rates, thresholds and team mode.
public struct WorkspaceSettings: Hashable, Codable, Sendable {
    public var tierThresholds: TierThresholds
    public var pipeline: StagePipeline
    public var currencyRates: CurrencyRates
    /// Used for roster-wide totals; each campaign reports in its own budget currency.
    public var reportingCurrency: CurrencyCode
    /// Metric snapshots older than this are flagged stale.
    public var staleMetricDays: Int
    /// Suggested gap before a follow-up when there is no reply.
    public var followUpAfterDays: Int
    /// Warn this many days before usage rights, exclusivity or whitelisting end.
    public var rightsExpiryWarningDays: Int
    /// Several people share the data folder (group-writable files).
    public var sharedTeamMode: Bool
    /// Niches offered in pickers (free tags still allowed).
    public var knownNiches: [Niche]
    /// The people who work in this folder (login → display name): who "mine" means and whom deals can go to.
    public var teamMembers: [TeamMember]
    /// In a folder synced through git (`reach sync init`), the app syncs in the background this often; 0 is off.
    public var autoSyncMinutes: Int
    /// In a synced folder, the app syncs once more when it quits.
    public var syncOnQuit: Bool

    public init(tierThresholds: TierThresholds = .standard, pipeline: StagePipeline = .default,
                currencyRates: CurrencyRates = CurrencyRates(), reportingCurrency: CurrencyCode = .eur,
                staleMetricDays: Int = 30, followUpAfterDays: Int = 4, rightsExpiryWarningDays: Int = 14,
                sharedTeamMode: Bool = false, knownNiches: [Niche] = Niche.suggested, teamMembers: [TeamMember] = [],
                autoSyncMinutes: Int = 0, syncOnQuit: Bool = false) {
        self.tierThresholds = tierThresholds
        self.pipeline = pipeline
        self.currencyRates = currencyRates
        self.reportingCurrency = reportingCurrency
        self.staleMetricDays = staleMetricDays
        self.followUpAfterDays = followUpAfterDays
        self.rightsExpiryWarningDays = rightsExpiryWarningDays
        self.sharedTeamMode = sharedTeamMode
        self.knownNiches = knownNiches
        self.teamMembers = teamMembers
        self.autoSyncMinutes = autoSyncMinutes
        self.syncOnQuit = syncOnQuit
    }

    /// Every field as written, except `teamMembers` and the sync settings, which older `reach.json` files lack.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tierThresholds = try c.decode(TierThresholds.self, forKey: .tierThresholds)
        pipeline = try c.decode(StagePipeline.self, forKey: .pipeline)
        currencyRates = try c.decode(CurrencyRates.self, forKey: .currencyRates)
        reportingCurrency = try c.decode(CurrencyCode.self, forKey: .reportingCurrency)
        staleMetricDays = try c.decode(Int.self, forKey: .staleMetricDays)
        followUpAfterDays = try c.decode(Int.self, forKey: .followUpAfterDays)
        rightsExpiryWarningDays = try c.decode(Int.self, forKey: .rightsExpiryWarningDays)
        sharedTeamMode = try c.decode(Bool.self, forKey: .sharedTeamMode)
        knownNiches = try c.decode([Niche].self, forKey: .knownNiches)
        teamMembers = try c.decodeIfPresent([TeamMember].self, forKey: .teamMembers) ?? []
        autoSyncMinutes = try c.decodeIfPresent(Int.self, forKey: .autoSyncMinutes) ?? 0
        syncOnQuit = try c.decodeIfPresent(Bool.self, forKey: .syncOnQuit) ?? false
    }
}
