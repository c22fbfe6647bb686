import Foundation
import ReachCore
import TerminalUI

/// `C` on a creator: the GDPR record of where their contact data came from, on what lawful basis it is kept,
/// when they consented, and a note; saved through `RecordForm`, so `u` undoes it.
enum ConsentEditor {
    enum Key {
        static let source = "consent.source"
        static let basis = "consent.lawfulBasis"
        static let date = "consent.consentAt"
        static let note = "consent.note"
    }

    /// The lawful bases of GDPR article 6, written as the team notes them.
    static let bases = ["consent", "legitimate interest", "contract", "legal obligation", "vital interests", "public task"]
    static let noBasis = "—"

    static func open(_ id: RecordID, _ state: inout AppState) {
        guard let creator = state.workspace.influencer(id) else { return }
        let consent = creator.consent ?? DataConsent()
        // A basis typed elsewhere (an import, another tool) stays choosable as it was written.
        let stored = consent.lawfulBasis.flatMap { basis in
            bases.first { $0 == basis.lowercased() } ?? (basis.trimmingCharacters(in: .whitespaces).isEmpty ? nil : basis)
        }
        let options = [noBasis] + bases + (stored.map { bases.contains($0) ? [] : [$0] } ?? [])
        let timeZone = state.timeZone
        let fields = [
            FormField("Source", key: Key.source, value: consent.source ?? ""),
            FormField("Lawful basis", key: Key.basis, kind: .choice(options), value: stored ?? noBasis),
            FormField.day("Consent date", key: Key.date, value: consent.consentAt, now: state.now, timeZone: timeZone),
            FormField("Note", key: Key.note, value: consent.note ?? ""),
        ]
        RecordForm.open("GDPR consent", id, fields: fields, editorFields: [Key.note],
                        label: { (creator: Influencer, _) in "edit consent of \(creator.displayName)" }, &state) { form, values, creator, state in
            let typed = values.day(Key.date)
            if let typed, Humanize.day(typed, timeZone: timeZone) > Humanize.day(state.now, timeZone: timeZone) {
                var form = form
                form[Key.date]?.error = "Consent date: it is in the future; enter the day they consented."
                return .stay(form, message: "Fix the marked fields.")
            }
            // The same day as before keeps the stored moment, so an untouched date never counts as a change.
            let previous = creator.consent?.consentAt
            let date = typed.flatMap { typed in
                previous.flatMap { Humanize.day($0, timeZone: timeZone) == Humanize.day(typed, timeZone: timeZone) ? $0 : nil } ?? typed
            }
            let basis = values.values[Key.basis].flatMap { $0 == noBasis ? nil : $0 }
            let new = DataConsent(source: values.text(Key.source), consentAt: date, lawfulBasis: basis, note: values.text(Key.note))
            creator.consent = new == DataConsent() ? nil : new
            return nil
        }
    }
}
