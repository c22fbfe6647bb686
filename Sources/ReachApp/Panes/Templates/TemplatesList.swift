import Foundation
import ReachCore
import TerminalUI

/// The outreach templates in a popup: manage them (n new, e edit, d delete) or, opened from a deal with `t`,
/// pick one to fill in for that deal.
public struct TemplatesList: OverlayModel {
    /// Why the list is open: to manage templates, or to pick one for a deal.
    public enum Purpose: Sendable, Hashable {
        case manage
        /// Enter previews the chosen template filled in for this deal.
        case pick(dealID: RecordID)
        /// Enter walks through the template filled in for each of these deals (a bulk action).
        case pickForEach(dealIDs: [RecordID])
    }

    public var purpose: Purpose
    public var cursor = ListCursor()

    public init(purpose: Purpose) { self.purpose = purpose }

    /// Opens the list (from the palette, or from a deal).
    public static func open(_ purpose: Purpose, _ state: inout AppState) {
        state.overlays.append(.custom(TemplatesList(purpose: purpose)))
    }

    /// Templates in the list's order: by kind (first outreach first), then name.
    static func templates(_ state: AppState) -> [Template] {
        func rank(_ kind: TemplateKind) -> Int { TemplateKind.known.firstIndex(of: kind) ?? TemplateKind.known.count }
        return state.workspace.templates.values.filter { !$0.archived }
            .sorted { (rank($0.kind), $0.name, $0.id) < (rank($1.kind), $1.name, $1.id) }
    }

    /// Rows of the table, its header included.
    static func listHeight(_ size: Size, count: Int) -> Int { max(2, min(AppLayout.main(size).height - 6, max(3, count + 1))) }

    public var hints: [KeyHint] {
        let enter = KeyHint("Enter", purpose == .manage ? "view" : "fill in")
        return [enter, KeyHint("n", "new"), KeyHint("e", "edit"), KeyHint("d", "delete"), KeyHint("Esc", "close")]
    }

    public mutating func handle(_ event: InputEvent, _ state: inout AppState) -> (keepOpen: Bool, effects: [Effect]) {
        guard case .key(let key) = event else { return (true, []) }
        let templates = Self.templates(state)
        let page = Self.listHeight(state.size, count: templates.count) - 1
        let selected = templates.indices.contains(cursor.selected) ? templates[cursor.selected] : nil
        switch (key.key, key.modifiers) {
        case (.escape, _), (.character("q"), []):
            return (false, [])
        case (.down, []), (.character("j"), []):
            cursor.move(by: 1, count: templates.count, visible: page)
        case (.up, []), (.character("k"), []):
            cursor.move(by: -1, count: templates.count, visible: page)
        case (.character("n"), []):
            TemplateForm.open(editing: nil, &state)
        case (.character("e"), []):
            if let selected { TemplateForm.open(editing: selected.id, &state) }
        case (.character("d"), []):
            if let selected { confirmDelete(selected, &state) }
        case (.enter, _):
            guard let selected else { return (true, []) }
            switch purpose {
            case .manage:
                let subject = selected.subject.map { "Subject: \($0)\n\n" } ?? ""
                state.overlays.append(.text(TextOverlay(title: "\(selected.name) (\(selected.kind.label), \(selected.language))",
                                                        text: subject + selected.body)))
            case .pick(let dealID):
                state.overlays.append(.custom(TemplatePreview(dealID: dealID, templateID: selected.id)))
                return (false, [])
            case .pickForEach(let dealIDs):
                if let walk = TemplatePreview(dealIDs: dealIDs, templateID: selected.id) { state.overlays.append(.custom(walk)) }
                return (false, [])
            }
        default:
            break
        }
        return (true, [])
    }

    private func confirmDelete(_ template: Template, _ state: inout AppState) {
        let id = template.id
        state.overlays.append(.confirm(ConfirmDialog(title: "Delete template", message: "Move \(template.name) to the trash? u undoes.",
                                                     buttons: ["Delete", "Cancel"], cancelIndex: 1) { choice, state in
            guard choice == 0, let current = state.workspace.templates[id] else { return [] }
            return Edits.delete(.template(current), &state)
        }))
    }

    public func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let templates = Self.templates(state)
        let rows = Self.listHeight(state.size, count: templates.count)
        let title: String = switch purpose {
        case .manage: "Templates"
        case .pick(let dealID): "Template for \(state.workspace.deal(dealID).map { state.workspace.title(of: .deal($0)) } ?? "deal")"
        case .pickForEach(let dealIDs): "Template for each of \(dealIDs.count) deals"
        }
        let inner = Popup(title: title, theme: theme).render(into: &buffer, area: area, width: min(area.width, 76), height: rows + 4)
        let content = inner.inset(horizontal: 1, vertical: 0)
        guard content.height >= 2 else { return }
        if templates.isEmpty {
            buffer.write("No templates yet. n creates one.", x: content.x, y: content.y, maxWidth: content.width, style: theme.muted)
            return
        }
        let listArea = Rect(x: content.x, y: content.y, width: content.width, height: min(rows, content.height - 2))
        var selection = cursor.selection(hasRows: true)
        Table(columns: [TableColumn("Name", width: .fill(1)), TableColumn("Kind", width: .fixed(16)), TableColumn("Lang", width: .fixed(4))],
              rowCount: templates.count, theme: theme) { index in
            [templates[index].name, templates[index].kind.label, templates[index].language]
        }.render(into: &buffer, area: listArea, state: &selection)
        if templates.indices.contains(cursor.selected) {
            let placeholders = TemplateRenderer.placeholders(in: (templates[cursor.selected].subject ?? "") + templates[cursor.selected].body)
            let text = placeholders.isEmpty ? "No placeholders" : "Uses " + placeholders.map { "{\($0)}" }.joined(separator: " ")
            buffer.write(text, x: content.x, y: content.maxY - 1, maxWidth: content.width, style: theme.muted)
        }
    }
}
