import Foundation
import ReachCore
import TerminalUI

/// The next-step fields (what, due, whose move) shared by the next-step form, the log dialog and the bulk
/// "set next step", read back into a `NextStepDraft` that leaves unset what the user did not touch.
enum NextStepFields {
    static let summaryKey = "next.summary"
    static let dueKey = "next.due"
    static let whoseKey = "next.whose"

    /// The fields, pre-filled with the deal's current next step (empty when it has none).
    static func fields(_ current: NextAction?, _ state: AppState, required: Bool) -> [FormField] {
        [
            FormField("Next step", key: summaryKey, value: current?.summary ?? "", isRequired: required),
            .day("Due", key: dueKey, value: current?.due, now: state.now, timeZone: state.timeZone, required: required),
            FormField("Whose move", key: whoseKey, kind: .choice(Party.moveLabels), value: (current?.whoseMove ?? .us).moveLabel),
        ]
    }

    /// What the fields say, or nil when the next step's text is empty; with `untitled`, a day given without text
    /// is a next step called that (the new-deal form's "Follow up"). A due day or whose move left as shown
    /// comes back nil when `unsetIfUnchanged` (the log dialog: then the contact's direction decides them).
    static func draft(_ form: FormState, shown: FormState, _ state: AppState, unsetIfUnchanged: Bool,
                      untitled: String? = nil) -> NextStepDraft? {
        let values = FormValues(form, now: state.now, timeZone: state.timeZone)
        guard let summary = values.text(summaryKey) ?? (values.day(dueKey) == nil ? nil : untitled) else { return nil }
        let dueTouched = form.values[dueKey] != shown.values[dueKey]
        let whoseTouched = form.values[whoseKey] != shown.values[whoseKey]
        return NextStepDraft(summary: summary,
                             due: unsetIfUnchanged && !dueTouched ? nil : values.day(dueKey),
                             whoseMove: unsetIfUnchanged && !whoseTouched ? nil : Party.from(moveLabel: form.values[whoseKey]))
    }

    /// Whether any next-step field differs from what was shown.
    static func edited(_ form: FormState, shown: FormState) -> Bool {
        [summaryKey, dueKey, whoseKey].contains { form.values[$0] != shown.values[$0] }
    }

    /// Today's end and the usual follow-up day, for next steps whose day the user left open.
    static func days(_ state: AppState) -> NextStepDays {
        NextStepDays(now: state.now, timeZone: state.timeZone, followUpAfterDays: state.workspace.settings.workspace.followUpAfterDays)
    }
}

extension NextStepDays {
    /// The end of today and of the day `followUpAfterDays` on, as `f` reads "today" and "+Nd": the app's dialogs
    /// and `reach log` settle an open day the same way.
    public init(now: Date, timeZone: TimeZone, followUpAfterDays: Int) {
        let today = DateInput.parse("today", now: now, timeZone: timeZone) ?? now
        self.init(replyBy: today, followUpBy: DateInput.parse("+\(followUpAfterDays)d", now: now, timeZone: timeZone) ?? today)
    }
}

extension Party {
    static var moveLabels: [String] { allCases.map(\.moveLabel) }
    static func from(moveLabel: String?) -> Party? { allCases.first { $0.moveLabel == moveLabel } }
}
