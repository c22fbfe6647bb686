import Foundation
import ReachCore
import TerminalUI

extension TemplateKind {
    /// "firstOutreach" → "first outreach".
    var label: String {
        rawValue.reduce(into: "") { text, character in
            if character.isUppercase, !text.isEmpty { text += " " }
            text += character.lowercased()
        }
    }
}

/// Create and edit outreach templates: name, kind, language, subject, and a body edited in `$EDITOR` (Ctrl-O).
enum TemplateForm {
    /// Field keys, shared by the form and the code reading it back, so a label can be reworded without breaking either.
    enum Key {
        static let name = "template.name"
        static let kind = "template.kind"
        static let language = "template.language"
        static let subject = "template.subject"
        static let body = "template.body"
    }

    static let fieldForIssue: [(prefix: String, key: String)] = [("name", Key.name), ("body", Key.body)]

    /// A first draft for a new template that shows the placeholders in use.
    static let starterBody = "Hi {first_name},\n\nI loved your post {recent_post}. I work with {brand} on {campaign} and "
        + "would like to offer you {offer} for one post by {deadline}.\n\nYour code would be {code}.\n"

    static func open(editing id: RecordID?, _ state: inout AppState) {
        let template = id.flatMap { state.workspace.templates[$0] }
        let kinds = TemplateKind.known + (template.map { TemplateKind.known.contains($0.kind) ? [] : [$0.kind] } ?? [])
        let form = FormState(fields: [
            FormField("Name", key: Key.name, value: template?.name ?? "", isRequired: true),
            FormField("Kind", key: Key.kind, kind: .choice(kinds.map(\.label)), value: (template?.kind ?? .firstOutreach).label),
            FormField("Language", key: Key.language, value: template?.language ?? "en"),
            FormField("Subject", key: Key.subject, value: template?.subject ?? ""),
            FormField("Body", key: Key.body, value: template?.body ?? starterBody, isRequired: true),
        ])
        let title = template.map { "Edit template · \($0.name) (Ctrl-O on Body: $EDITOR)" } ?? "New template (Ctrl-O on Body: $EDITOR)"
        state.overlays.append(.form(FormOverlay(title: title, form: form, editorFields: [Key.body]) { form, state in
            submit(form, editing: id, kinds: kinds, &state)
        }))
    }

    static func submit(_ form: FormState, editing id: RecordID?, kinds: [TemplateKind], _ state: inout AppState) -> FormOverlay.Outcome {
        var form = form
        guard form.validate() else { return .stay(form, message: nil) }
        let values = FormValues(form, now: state.now, timeZone: state.timeZone)
        var template = id.flatMap { state.workspace.templates[$0] }
            ?? Template(id: RecordID.generate(at: state.now), createdAt: state.now, name: "", body: "")
        template.name = values.text(Key.name) ?? ""
        template.kind = values.choice(Key.kind, kinds, name: \.label) ?? template.kind
        template.language = values.text(Key.language) ?? "en"
        template.subject = values.text(Key.subject)
        // The body keeps its line breaks and spacing exactly as written.
        template.body = values.values[Key.body] ?? ""
        let issues = template.validate()
        if let stay = FormIssues.stay(issues, fields: fieldForIssue, form: form) { return stay }
        let effects = Edits.commit(.template(template), label: "\(id == nil ? "add" : "edit") template \(template.name)", &state)
        if let warning = issues.first(where: { $0.severity == .warning }) { state.show("Saved; \(warning.message)", .warning) }
        return .close(effects)
    }
}
