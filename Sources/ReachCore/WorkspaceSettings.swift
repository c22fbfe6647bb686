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

    public init(tierThresholds: TierThresholds = .standard, pipeline: StagePipeline = .default,
                currencyRates: CurrencyRates = CurrencyRates(), reportingCurrency: CurrencyCode = .eur,
                staleMetricDays: Int = 30, followUpAfterDays: Int = 4, rightsExpiryWarningDays: Int = 14,
                sharedTeamMode: Bool = false, knownNiches: [Niche] = Niche.suggested) {
        self.tierThresholds = tierThresholds
        self.pipeline = pipeline
        self.currencyRates = currencyRates
        self.reportingCurrency = reportingCurrency
        self.staleMetricDays = staleMetricDays
        self.followUpAfterDays = followUpAfterDays
        self.rightsExpiryWarningDays = rightsExpiryWarningDays
        self.sharedTeamMode = sharedTeamMode
        self.knownNiches = knownNiches
    }
}
