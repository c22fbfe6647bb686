import Foundation
import ReachCore
import TerminalUI

/// A record an editor form can change: how to find it in the workspace and how to save it.
protocol FormEditable: Record {
    static func current(_ id: RecordID, in workspace: Workspace) -> Self?
    var asAnyRecord: AnyRecord { get }
}

extension Deal: FormEditable {
    static func current(_ id: RecordID, in workspace: Workspace) -> Deal? { workspace.deal(id) }
    var asAnyRecord: AnyRecord { .deal(self) }
}

extension Influencer: FormEditable {
    static func current(_ id: RecordID, in workspace: Workspace) -> Influencer? { workspace.influencer(id) }
    var asAnyRecord: AnyRecord { .influencer(self) }
}

extension Campaign: FormEditable {
    static func current(_ id: RecordID, in workspace: Workspace) -> Campaign? { workspace.campaigns[id] }
    var asAnyRecord: AnyRecord { .campaign(self) }
}

/// The one form builder of the record editors (a deal's offers, deliverables and payments; a creator's vetting,
/// accounts, audience, consent…; a campaign's brief): the submit reads the record fresh (another session may have
/// changed it while the form was open), applies the form, lets `check` refuse it with messages under the fields, and saves through
/// `Edits.commit`, so `u` undoes it and a concurrent edit raises the conflict dialog.
enum RecordForm {
    /// `apply` and `check` return an outcome only to keep the form open; `label` names the edit for undo.
    static func open<R: FormEditable>(
        _ title: String, _ id: RecordID, fields: [FormField], focus: Int = 0, editorFields: Set<String> = [],
        label: @escaping @Sendable (R, AppState) -> String, _ state: inout AppState,
        check: @escaping @Sendable (R, FormState) -> FormOverlay.Outcome? = { _, _ in nil },
        apply: @escaping @Sendable (FormState, FormValues, inout R, AppState) -> FormOverlay.Outcome?
    ) {
        guard let record = R.current(id, in: state.workspace) else { return }
        let overlay = FormOverlay(title: "\(title) · \(state.workspace.title(of: record.asAnyRecord))",
                                  form: FormState(fields: fields, focus: focus), editorFields: editorFields) { form, state in
            var form = form
            guard form.validate() else { return .stay(form, message: nil) }
            guard var record = R.current(id, in: state.workspace) else { return .close([]) }
            if let refusal = apply(form, FormValues(form, now: state.now, timeZone: state.timeZone), &record, state) { return refusal }
            if let refusal = check(record, form) { return refusal }
            record.updatedAt = state.now
            return .close(Edits.commit(record.asAnyRecord, label: label(record, state), &state))
        }
        state.overlays.append(.form(overlay))
    }
}
