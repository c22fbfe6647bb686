import TerminalUI

/// Keys while a popup is open: the top overlay gets them all.
enum OverlayUpdate {
    static func handle(_ event: InputEvent, _ state: inout AppState) -> [Effect] {
        guard let top = state.overlays.last else { return [] }
        let key: KeyEvent? = if case .key(let k) = event { k } else { nil }
        if let key {
            if case .help = top, key == .char("?") || key.key == .function(1) { return close(&state) }
            if key.key == .function(1) || (key == .char("?") && !PopupKeys.takesText(top)) { return PopupKeys.help.run(&state) }
            // A button's own letter first, so "Leave" is not taken by `l` (next button).
            if case .confirm(let dialog) = top, let choice = PopupKeys.buttonChoice(key, dialog) {
                state.overlays.removeLast()
                return dialog.choose(choice, &state)
            }
        }
        if case .custom(var model) = top {
            let index = state.overlays.count - 1
            state.overlays.removeLast()
            let outcome = model.handle(event, &state)
            if outcome.keepOpen { state.overlays.insert(.custom(model), at: min(index, state.overlays.count)) }
            return outcome.effects
        }
        if let key, case .run(let binding) = KeyDispatch.resolve([key], in: PopupKeys.sections(top)) { return binding.run(&state) }
        // Not one of the popup's keys: typing into its text.
        switch top {
        case .palette(var palette):
            if palette.query.handle(event) { palette.cursor = ListCursor() }
            replaceTop(.palette(palette), &state)
        case .form(var form):
            form.form.handle(event)
            replaceTop(.form(form), &state)
        case .prompt(var prompt):
            if prompt.field.handle(event) { prompt.error = nil }
            replaceTop(.prompt(prompt), &state)
        case .help, .text, .confirm, .conflict, .custom:
            break
        }
        return []
    }

    private static func close(_ state: inout AppState) -> [Effect] {
        state.overlays.removeLast()
        return []
    }

    private static func replaceTop(_ overlay: Overlay, _ state: inout AppState) {
        guard !state.overlays.isEmpty else { return }
        state.overlays[state.overlays.count - 1] = overlay
    }

    /// Edits one form field in `$EDITOR`; the result goes back into the field with the same key if the form is still open.
    static func formFieldEdit(title: String, field: FormField) -> EditRequest {
        EditRequest(subject: field.label.lowercased(), text: field.value) { text, state in
            guard case .form(var overlay) = state.overlays.last, overlay.title == title else { return [] }
            // Keep the text verbatim (line breaks show as ^J in the one-line field and are saved as typed).
            var trimmed = text
            while trimmed.hasSuffix("\n") { trimmed.removeLast() }
            overlay.form[field.key]?.input.setText(trimmed)
            state.overlays[state.overlays.count - 1] = .form(overlay)
            return []
        }
    }
}
