import Foundation
import ReachCore
import TerminalUI

/// The create/edit form for a creator: fields in, an `Influencer` out, checked with ReachCore's `validate()`
/// and, on create, against the roster for likely duplicates.
enum InfluencerForm {
    /// Field keys, shared by the form and the code reading it back, so a label can be reworded without breaking either.
    enum Key {
        static let name = "creator.displayName"
        static let platform = "creator.platform"
        static let handle = "creator.handle"
        static let followers = "creator.followers"
        static let email = "creator.email"
        static let country = "creator.country"
        static let city = "creator.city"
        static let languages = "creator.languages"
        static let timeZone = "creator.timeZone"
        static let tags = "creator.tags"
        static let niches = "creator.niches"
        static let notes = "creator.notes"
        static let relationship = "creator.relationship"
        static let doNotContact = "creator.doNotContact"
        static let reason = "creator.doNotContactReason"
    }

    /// Which form field shows a `validate()` issue (by field path prefix).
    static let fieldForIssue: [(prefix: String, key: String)] = [
        ("displayName", Key.name), ("contact.email", Key.email), ("country", Key.country),
        ("timeZone", Key.timeZone), ("doNotContactReason", Key.reason), ("accounts", Key.handle),
    ]

    static func fields(_ inf: Influencer?) -> [FormField] {
        let main = inf?.mainAccount
        let platforms = Platform.known.map(\.displayName)
        return [
            FormField("Display name", key: Key.name, value: inf?.displayName ?? "", isRequired: true),
            FormField("Platform", key: Key.platform, kind: .choice(platforms), value: (main?.platform ?? .instagram).displayName),
            FormField("Handle or URL", key: Key.handle, value: main.map { "@" + $0.handle } ?? ""),
            FormField("Followers", key: Key.followers, kind: .number, value: main?.latestFollowers.map { "\($0.value)" } ?? ""),
            FormField("Email", key: Key.email, value: inf?.contact.email ?? ""),
            FormField("Country", key: Key.country, value: inf?.country ?? ""),
            FormField("City", key: Key.city, value: inf?.city ?? ""),
            FormField("Languages", key: Key.languages, value: inf?.languages.joined(separator: ", ") ?? ""),
            FormField("Time zone", key: Key.timeZone, value: inf?.timeZone ?? ""),
            FormField("Tags", key: Key.tags, value: inf?.tags.joined(separator: ", ") ?? ""),
            FormField("Niches", key: Key.niches, value: inf?.niches.map(\.rawValue).joined(separator: ", ") ?? ""),
            FormField("Notes", key: Key.notes, value: inf?.notes ?? ""),
            FormField("Relationship", key: Key.relationship, kind: .choice(RelationshipStatus.allCases.map(\.displayName)),
                      value: (inf?.relationship ?? .prospect).displayName),
            FormField("Do not contact", key: Key.doNotContact, kind: .toggle, value: inf?.doNotContact == true ? "true" : "false"),
            FormField("Why not", key: Key.reason, value: inf?.doNotContactReason ?? ""),
        ]
    }

    /// `base` with the form's values applied. A new follower figure is added as a dated manual snapshot.
    static func apply(_ values: [String: String], to base: Influencer, now: Date) -> Influencer {
        func text(_ key: String) -> String? {
            let v = (values[key] ?? "").trimmingCharacters(in: .whitespaces)
            return v.isEmpty ? nil : v
        }
        func list(_ key: String) -> [String] {
            (values[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var inf = base
        inf.displayName = text(Key.name) ?? ""
        inf.contact.email = text(Key.email)
        inf.country = text(Key.country)?.uppercased()
        inf.city = text(Key.city)
        inf.languages = list(Key.languages)
        inf.timeZone = text(Key.timeZone)
        inf.tags = list(Key.tags)
        inf.niches = list(Key.niches).map(Niche.init(rawValue:))
        inf.notes = values[Key.notes].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        inf.relationship = RelationshipStatus.allCases.first { $0.displayName == values[Key.relationship] } ?? inf.relationship
        inf.doNotContact = values[Key.doNotContact] == "true"
        inf.doNotContactReason = text(Key.reason)
        if let handleText = text(Key.handle) {
            let chosen = Platform.known.first { $0.displayName == values[Key.platform] } ?? .instagram
            let platform = Handle.platform(fromURL: handleText) ?? chosen
            let handle = Handle.normalise(handleText)
            let index = inf.accounts.firstIndex { $0.id == base.mainAccount?.id }
            if let index {
                inf.accounts[index].platform = platform
                inf.accounts[index].handle = handle
            } else {
                inf.accounts.append(PlatformAccount(platform: platform, handle: handle, isMain: true))
            }
            let mainIndex = index ?? inf.accounts.count - 1
            if let followers = text(Key.followers).flatMap({ Int($0) }),
               inf.accounts[mainIndex].latestFollowers?.value != followers {
                inf.accounts[mainIndex].record(MetricSnapshot(asOf: now, source: .manual, followers: followers))
            }
        }
        inf.updatedAt = now
        return inf
    }

    static func openNew(_ state: inout AppState) {
        state.overlays.append(.form(overlay(title: "New creator", form: FormState(fields: fields(nil)), editing: nil)))
    }

    static func openEdit(_ id: RecordID, _ state: inout AppState) {
        guard let inf = state.workspace.influencer(id) else { return }
        state.overlays.append(.form(overlay(title: "Edit \(inf.displayName)", form: FormState(fields: fields(inf)), editing: inf)))
    }

    /// `editing` is the version the form was filled from: saving checks its revision, so a change made meanwhile by
    /// another session raises the conflict dialog instead of being overwritten by this form's older values.
    static func overlay(title: String, form: FormState, editing original: Influencer?) -> FormOverlay {
        FormOverlay(title: title, form: form, editorFields: [Key.notes]) { form, state in
            submit(form, title: title, editing: original, &state)
        }
    }

    /// Validates and saves; on create, a likely duplicate first asks whether to open the existing creator.
    static func submit(_ form: FormState, title: String, editing original: Influencer?, _ state: inout AppState) -> FormOverlay.Outcome {
        // Field-kind checks (required, numbers) and ReachCore's rules both run, so every problem shows at once.
        var form = form
        let fieldsValid = form.validate()
        let base = original ?? Influencer(id: RecordID.generate(at: state.now), createdAt: state.now, displayName: "")
        let candidate = apply(form.values, to: base, now: state.now)
        let issues = candidate.validate()
        let errors = issues.filter { $0.severity == .error }
        guard fieldsValid, errors.isEmpty else {
            var unplaced: [String] = []
            var placed: [(Int, String)] = []
            for issue in errors {
                if let key = fieldForIssue.first(where: { issue.field.hasPrefix($0.prefix) })?.key,
                   let index = form.fields.firstIndex(where: { $0.key == key }) {
                    placed.append((index, issue.message))
                } else {
                    unplaced.append(issue.message)
                }
            }
            // Focus the first problem first: moving focus re-checks the field it leaves, which would clear its message.
            let firstProblem = (form.fields.indices.filter { form.fields[$0].error != nil } + placed.map(\.0)).min()
            if let firstProblem { form.moveFocus(by: firstProblem - form.focus) }
            for (index, message) in placed where form.fields[index].error == nil { form.fields[index].error = message }
            return .stay(form, message: unplaced.isEmpty ? nil : unplaced.joined(separator: " "))
        }
        let warning = issues.first { $0.severity == .warning }?.message
        guard original == nil else {
            let effects = Edits.commit(.influencer(candidate), label: "edit \(candidate.displayName)", &state)
            if let warning { state.show("Saved with a warning: \(warning)", .warning) }
            return .close(effects)
        }
        let matches = state.workspace.likelyDuplicates(of: candidate)
        if let match = matches.first, let existing = state.workspace.influencer(match.existingID) {
            askAboutDuplicate(candidate, existing: existing, reasons: match.reasons, form: form, title: title, &state)
            return .close([])
        }
        return .close(create(candidate, &state))
    }

    static func create(_ candidate: Influencer, _ state: inout AppState) -> [Effect] {
        let effects = Edits.commit(.influencer(candidate), label: "add \(candidate.displayName)", &state)
        RosterPane.select(candidate.id, &state)
        return effects
    }

    static func askAboutDuplicate(_ candidate: Influencer, existing: Influencer, reasons: [DuplicateReason],
                                  form: FormState, title: String, _ state: inout AppState) {
        let why = reasons.map(\.description).joined(separator: ", ")
        let dialog = ConfirmDialog(
            title: "Possible duplicate",
            message: "\(existing.displayName) is already on the roster (\(why)).",
            buttons: ["Open existing", "Add anyway", "Back to form"], cancelIndex: 2
        ) { choice, state in
            switch choice {
            case 0:
                RosterPane.open(existing.id, &state)
                return []
            case 1:
                return create(candidate, &state)
            default:
                state.overlays.append(.form(overlay(title: title, form: form, editing: nil)))
                return []
            }
        }
        state.overlays.append(.confirm(dialog))
    }
}
