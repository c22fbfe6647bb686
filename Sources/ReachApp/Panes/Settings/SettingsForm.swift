import Foundation
import ReachCore
import TerminalUI

/// The one form builder of the settings editors (a rate, a stage, a team member, the thresholds): the submit
/// applies the form to the settings as they are then (another session's change may have arrived meanwhile),
/// validates the result, puts each problem the edit brought under the field it names (the form keeps what was
/// typed), and commits through `SettingsSaves`, so `u` undoes it and a concurrent save raises the conflict dialog.
enum SettingsForm {
    /// `apply` changes the settings from the typed values, or returns a message that keeps the form open.
    static func open(_ title: String, fields: [FormField], focus: Int = 0, label: String, _ state: inout AppState,
                     apply: @escaping @Sendable (FormValues, inout WorkspaceSettings) -> String?) {
        let overlay = FormOverlay(title: title, form: FormState(fields: fields, focus: focus)) { form, state in
            var form = form
            guard form.validate() else { return .stay(form, message: nil) }
            var settings = state.workspace.settings
            if let refusal = apply(FormValues(form, now: state.now, timeZone: state.timeZone), &settings.workspace) {
                return .stay(form, message: refusal)
            }
            if let stay = problems(introducedIn: settings.workspace, over: state.workspace.settings.workspace, form: form) { return stay }
            guard settings != state.workspace.settings else { return .close([]) }
            return .close(SettingsSaves.commit(settings, label: label, &state))
        }
        state.overlays.append(.form(overlay))
    }

    /// Problems of `edited` that `before` did not have, each under the form field its path ends in: a problem the
    /// folder already had (a rate added by hand with a bad code) must not block an unrelated edit.
    private static func problems(introducedIn edited: WorkspaceSettings, over before: WorkspaceSettings,
                                 form: FormState) -> FormOverlay.Outcome? {
        let old = Set(before.validate().map(\.message))
        let new = edited.validate().filter { !old.contains($0.message) }.map { issue in
            ValidationIssue(String(issue.field.split(separator: ".").last ?? ""), issue.message, severity: issue.severity)
        }
        return FormIssues.stay(new, fields: form.fields.map { (prefix: $0.key, key: $0.key) }, form: form)
    }

    /// A field for a whole number of at least `minimum`, whose message names it ("Stale after (days) must be …").
    static func count(_ label: String, key: String, value: Int?, minimum: Int = 0, required: Bool = true) -> FormField {
        FormField(label, key: key, value: value.map(String.init) ?? "", isRequired: required) { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Int(trimmed) else { return "\(label) must be a whole number, e.g. \(max(minimum, 14)); \"\(text)\" is not one." }
            return number < minimum ? "\(label) cannot be below \(minimum) (\(number))." : nil
        }
    }

    /// A field for an ISO 4217 code: three letters (whether Reach knows the code is checked with the settings).
    static func currency(_ label: String, key: String, value: CurrencyCode?) -> FormField {
        FormField(label, key: key, value: value?.rawValue ?? "", isRequired: true) { text in
            let code = text.trimmingCharacters(in: .whitespaces)
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                return "\(label): a currency is 3 letters (ISO 4217), e.g. EUR; \"\(text)\" is not one."
            }
            return nil
        }
    }
}
