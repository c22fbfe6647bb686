import ReachCore
import TerminalUI

/// Edits the tier thresholds, the follow-up, staleness and rights-warning days, the reporting currency and the
/// sync settings in one form (thresholds must ascend, so they are checked together).
enum DefaultsEditor {
    /// Opens the form with the field of `key` focused.
    static func open(focusing key: String, _ state: inout AppState) {
        let s = state.workspace.settings.workspace
        let fields = [
            SettingsForm.count("Micro from (followers)", key: SettingsKey.micro, value: s.tierThresholds.micro, minimum: 1),
            SettingsForm.count("Macro from (followers)", key: SettingsKey.macro, value: s.tierThresholds.macro, minimum: 1),
            SettingsForm.count("Mega from (followers)", key: SettingsKey.mega, value: s.tierThresholds.mega, minimum: 1),
            SettingsForm.count("Follow-up after (days)", key: SettingsKey.followUp, value: s.followUpAfterDays),
            SettingsForm.count("Stale after (days)", key: SettingsKey.stale, value: s.staleMetricDays, minimum: 1),
            SettingsForm.count("Rights warning (days)", key: SettingsKey.rightsWarning, value: s.rightsExpiryWarningDays),
            SettingsForm.currency("Reporting currency", key: SettingsKey.reportingCurrency, value: s.reportingCurrency),
            SettingsForm.count("Auto-sync (min, 0 = off)", key: SettingsKey.autoSync, value: s.autoSyncMinutes),
            FormField("Sync on quit", key: SettingsKey.syncOnQuit, kind: .toggle, value: s.syncOnQuit ? "true" : "false"),
        ]
        let focus = fields.firstIndex { $0.key == key } ?? 0
        SettingsForm.open("Tiers & defaults", fields: fields, focus: focus, label: "edit tiers & defaults", &state) { values, settings in
            guard let micro = values.int(SettingsKey.micro), let macro = values.int(SettingsKey.macro), let mega = values.int(SettingsKey.mega),
                  let followUp = values.int(SettingsKey.followUp), let stale = values.int(SettingsKey.stale),
                  let rights = values.int(SettingsKey.rightsWarning), let currency = values.text(SettingsKey.reportingCurrency),
                  let autoSync = values.int(SettingsKey.autoSync) else {
                return "Fill in every field."
            }
            settings.tierThresholds = TierThresholds(micro: micro, macro: macro, mega: mega)
            settings.followUpAfterDays = followUp
            settings.staleMetricDays = stale
            settings.rightsExpiryWarningDays = rights
            settings.reportingCurrency = CurrencyCode(currency)
            settings.autoSyncMinutes = autoSync
            settings.syncOnQuit = values.isOn(SettingsKey.syncOnQuit)
            return nil
        }
    }
}
