import Foundation
import ReachStore
import TerminalUI

/// Draws popups: help (from the live keymap), the palette, forms, dialogs, prompts and text.
enum OverlayView {
    static func render(_ overlay: Overlay, _ state: AppState, into buffer: inout Buffer, theme: Theme) {
        let area = AppLayout.main(buffer.size)
        switch overlay {
        case .help(let help):
            // Over a popup, the popup's keys; over a screen, the screen's and the global ones.
            let below = state.overlays.dropLast().last { if case .help = $0 { false } else { true } }
            let sections = (below.map(PopupKeys.sections) ?? KeyDispatch.helpSections(state)).map { section in
                HelpSection(section.title, section.bindings.map(\.hint))
            }
            var scroll = help.scroll
            HelpOverlay(title: "Keys · \(below.map(popupName) ?? screenName(state)) (Esc closes)", sections: sections, theme: theme)
                .render(into: &buffer, area: area, scroll: &scroll)
        case .text(let text):
            let width = min(area.width, max(40, area.width * 3 / 4))
            let lines = TextViewer.wrap(text.text, width: max(1, width - 4))
            let inner = Popup(title: text.title, theme: theme)
                .render(into: &buffer, area: area, width: width, height: min(area.height, lines.count + 2))
            var scroll = text.scroll
            TextViewer(text.text, style: theme.normal).render(into: &buffer, area: inner.inset(horizontal: 1, vertical: 0), scroll: &scroll)
        case .palette(let palette):
            renderPalette(palette, state, into: &buffer, area: area, theme: theme)
        case .form(let form):
            renderForm(form, into: &buffer, area: area, theme: theme)
        case .confirm(let dialog):
            Modal(title: dialog.title, message: dialog.message, buttons: dialog.buttons, selectedButton: dialog.selected,
                  theme: theme, preferredWidth: 60).render(into: &buffer, area: area)
        case .conflict(let dialog):
            renderConflict(dialog, state, into: &buffer, area: area, theme: theme)
        case .prompt(let prompt):
            renderPrompt(prompt, into: &buffer, area: area, theme: theme)
        case .custom(let model):
            model.render(state, into: &buffer, area: area, theme: theme)
        }
    }

    /// Status-bar hints while an overlay is open: its keymap's hints, `F1` for the rest.
    static func hints(_ overlay: Overlay) -> [KeyHint] {
        if case .custom(let model) = overlay { return model.hints }
        return PopupKeys.sections(overlay).flatMap(\.bindings).filter(\.isHint).map(\.hint) + [KeyHint("F1", "keys")]
    }

    private static func popupName(_ overlay: Overlay) -> String {
        switch overlay {
        case .help: "Help"
        case .text(let text): text.title
        case .palette: "Commands"
        case .form(let form): form.title
        case .confirm(let dialog): dialog.title
        case .conflict(let dialog): if case .sync = dialog.versions { "Sync conflict" } else { "Edit conflict" }
        case .prompt(let prompt): prompt.title
        case .custom: "Popup"
        }
    }

    private static func screenName(_ state: AppState) -> String {
        state.settingsScreen.isOpen ? "Settings" : state.dealDetail != nil ? "Deal" : state.tab.title
    }

    private static func renderPalette(_ palette: PaletteState, _ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let matches = CommandRegistry.matches(palette.query.text, state)
        let width = min(area.width, 72)
        let height = min(area.height, max(6, min(matches.count, 16) + 4))
        let inner = Popup(title: "Commands", theme: theme).render(into: &buffer, area: area, width: width, height: height)
        guard inner.height >= 2 else { return }
        let used = buffer.write(": ", x: inner.x, y: inner.y, maxWidth: inner.width, style: theme.keyHint)
        var query = palette.query
        TextField(placeholder: "type a command or a creator's name", style: theme.input, placeholderStyle: theme.muted)
            .render(into: &buffer, area: Rect(x: inner.x + used, y: inner.y, width: inner.width - used, height: 1), state: &query)
        let listArea = inner.inset(top: 2)
        if matches.isEmpty {
            buffer.write("No command matches.", x: listArea.x, y: listArea.y, maxWidth: listArea.width, style: theme.muted)
            return
        }
        var selection = palette.cursor.selection(hasRows: true)
        ListView(count: matches.count, theme: theme) { index in
            let command = matches[index]
            return command.key.map { "\(command.title)  (\($0))" } ?? command.title
        }.render(into: &buffer, area: listArea, state: &selection)
    }

    private static func renderForm(_ overlay: FormOverlay, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let rows = overlay.form.fields.reduce(0) { $0 + ($1.error == nil ? 1 : 2) } + (overlay.message == nil ? 0 : 2)
        let width = min(area.width, min(100, max(76, area.width * 2 / 3)))
        let inner = Popup(title: overlay.title, theme: theme)
            .render(into: &buffer, area: area, width: width, height: min(area.height, rows + 2))
        let content = inner.inset(horizontal: 1, vertical: 0)
        guard !content.isEmpty else { return }
        var formArea = content
        if let message = overlay.message, content.height > 2 {
            buffer.write("⚠ " + message, x: content.x, y: content.y, maxWidth: content.width, style: theme.error)
            formArea = content.inset(top: 2)
        }
        var form = overlay.form
        Form(theme: theme).render(into: &buffer, area: formArea, state: &form)
    }

    private static func renderConflict(_ dialog: ConflictDialog, _ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        if case .sync(let clash, let subject) = dialog.versions {
            return renderSyncClash(clash, subject, dialog.selected, state, into: &buffer, area: area, theme: theme)
        }
        let title = dialog.mine.map { state.workspace.title(of: $0) } ?? "the settings (reach.json)"
        var lines = ["Someone else saved \(title) while you were editing it.", ""]
        lines += dialog.differences
        lines += ["", "Keep mine saves your version over theirs; take theirs drops yours. Either way u brings the other back."]
        Modal(title: "Edit conflict", message: lines.joined(separator: "\n"), buttons: ["Keep mine (m)", "Take theirs (t)"],
              selectedButton: dialog.selected, theme: theme, preferredWidth: 76).render(into: &buffer, area: area)
    }

    private static func renderSyncClash(_ clash: Clash, _ subject: ConflictSubject, _ selected: Int, _ state: AppState,
                                        into buffer: inout Buffer, area: Rect, theme: Theme) {
        let title = switch subject {
        case .record(let kind, let id): state.workspace.record(kind, id).map { state.workspace.title(of: $0) } ?? id.rawValue
        case .settings: "the settings (reach.json)"
        }
        let (mine, theirs) = SyncClashes.values(clash)
        func when(_ date: Date?) -> String { date.map { ", " + Humanize.day($0, timeZone: state.timeZone) } ?? "" }
        let open = state.conflicts[subject]?.count ?? 1
        let lines = ["Sync found two edits of \(title)\(open > 1 ? " (1 of \(open) conflicts)" : "").", "",
                     "Field:  \(clash.field)",
                     "Mine:   \(mine)  (\(clash.authors.ours)\(when(clash.oursAt)))",
                     "Theirs: \(theirs)  (\(clash.authors.theirs)\(when(clash.theirsAt)))", "",
                     "The record holds mine until you choose; edit opens the editor to combine both."]
        Modal(title: "Sync conflict", message: lines.joined(separator: "\n"),
              buttons: ["Keep mine (m)", "Take theirs (t)", "Edit (e)"],
              selectedButton: selected, theme: theme, preferredWidth: 76).render(into: &buffer, area: area)
    }

    private static func renderPrompt(_ prompt: PromptOverlay, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let width = min(area.width, 64)
        let height = 3 + (prompt.hint == nil ? 0 : 1) + (prompt.error == nil ? 0 : 1)
        let inner = Popup(title: prompt.title, theme: theme).render(into: &buffer, area: area, width: width, height: height + 1)
        let content = inner.inset(horizontal: 1, vertical: 0)
        guard !content.isEmpty else { return }
        let used = buffer.write(prompt.label + ": ", x: content.x, y: content.y, maxWidth: content.width, style: theme.title)
        var field = prompt.field
        TextField(style: theme.input, placeholderStyle: theme.muted)
            .render(into: &buffer, area: Rect(x: content.x + used, y: content.y, width: content.width - used, height: 1), state: &field)
        var y = content.y + 2
        if let error = prompt.error {
            buffer.write("⚠ " + error, x: content.x, y: y, maxWidth: content.width, style: theme.error)
            y += 1
        }
        if let hint = prompt.hint, y < content.maxY {
            buffer.write(hint, x: content.x, y: y, maxWidth: content.width, style: theme.muted)
        }
    }
}
