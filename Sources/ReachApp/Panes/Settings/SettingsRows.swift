import Foundation
import ReachCore

/// What each section of the Settings screen lists, read from the settings in memory; rows point back at what
/// they show (a rate, a stage key, a login) so an edit finds it again even if another session reordered them.
enum SettingsRows {
    /// An entry of the Tiers & defaults section: its label, the form field it opens on, and its value as text.
    struct Default: Sendable {
        var label: String
        var key: String
        var value: String
    }

    /// Rates by pair, the newest first within a pair (the one conversions use).
    static func rates(_ settings: WorkspaceSettings) -> [ExchangeRate] {
        settings.currencyRates.rates.sorted { a, b in
            (a.from, a.to) != (b.from, b.to) ? (a.from, a.to) < (b.from, b.to) : a.asOf > b.asOf
        }
    }

    /// The main flow in order, then the side exits.
    static func stages(_ settings: WorkspaceSettings) -> [StageDefinition] { settings.pipeline.allStages }

    static func defaults(_ settings: WorkspaceSettings) -> [Default] {
        let t = settings.tierThresholds
        return [
            Default(label: "Micro from (followers)", key: SettingsKey.micro, value: "\(t.micro)"),
            Default(label: "Macro from (followers)", key: SettingsKey.macro, value: "\(t.macro)"),
            Default(label: "Mega from (followers)", key: SettingsKey.mega, value: "\(t.mega)"),
            Default(label: "Follow-up after (days)", key: SettingsKey.followUp, value: "\(settings.followUpAfterDays)"),
            Default(label: "Stale after (days)", key: SettingsKey.stale, value: "\(settings.staleMetricDays)"),
            Default(label: "Rights warning (days)", key: SettingsKey.rightsWarning, value: "\(settings.rightsExpiryWarningDays)"),
            Default(label: "Reporting currency", key: SettingsKey.reportingCurrency, value: settings.reportingCurrency.rawValue),
            Default(label: "Auto-sync every (minutes)", key: SettingsKey.autoSync,
                    value: settings.autoSyncMinutes == 0 ? "off" : "\(settings.autoSyncMinutes)"),
            Default(label: "Sync on quit", key: SettingsKey.syncOnQuit, value: settings.syncOnQuit ? "yes" : "no"),
        ]
    }

    static func team(_ settings: WorkspaceSettings) -> [TeamMember] { settings.teamMembers }

    /// How many entries `section` lists.
    static func count(_ section: SettingsSection, _ settings: WorkspaceSettings) -> Int {
        switch section {
        case .rates: settings.currencyRates.rates.count
        case .stages: settings.pipeline.stages.count + settings.pipeline.sideExits.count
        case .defaults: defaults(settings).count
        case .team: settings.teamMembers.count
        }
    }

    /// "1.0845" as typed and stored (never through Double).
    static func rateText(_ rate: Decimal) -> String {
        NSDecimalNumber(decimal: rate).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// "open", "closing (won)", "side exit".
    static func roleText(_ role: StageRole) -> String {
        switch role {
        case .open: "open"
        case .complete: "closing (won)"
        case .sideExit: "side exit"
        }
    }
}

/// Form field keys of the settings editors: the names of the settings' own fields, so an issue from
/// `WorkspaceSettings.validate()` (`tierThresholds.macro`, `currencyRates.rates[2].rate`) lands under the field
/// named by its last component.
enum SettingsKey {
    static let from = "from", to = "to", rate = "rate", asOf = "asOf", source = "source"
    static let name = "name", stall = "stallAfterDays"
    static let login = "login"
    static let micro = "micro", macro = "macro", mega = "mega"
    static let followUp = "followUpAfterDays", stale = "staleMetricDays", rightsWarning = "rightsExpiryWarningDays"
    static let reportingCurrency = "reportingCurrency"
    static let autoSync = "autoSyncMinutes", syncOnQuit = "syncOnQuit"
}
