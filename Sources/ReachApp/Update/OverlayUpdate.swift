import TerminalUI

/// Keys while a popup is open: the top overlay gets them all.
enum OverlayUpdate {
    static func handle(_ event: InputEvent, _ state: inout AppState) -> [Effect] {
        guard let top = state.overlays.last else { return [] }
        let key: KeyEvent? = if case .key(let k) = event { k } else { nil }
        switch top {
        case .help(var help):
            if let key, isClose(key) || key == .char("?") { state.overlays.removeLast(); return [] }
            if let key, let delta = scrollDelta(key, page: state.size.height - 4) { help.scroll.scroll(by: delta) }
            replaceTop(.help(help), &state)
        case .text(var text):
            if let key, isClose(key) || key.key == .enter { state.overlays.removeLast(); return [] }
            if let key, let delta = scrollDelta(key, page: state.size.height - 4) { text.scroll.scroll(by: delta) }
            replaceTop(.text(text), &state)
        case .palette(var palette):
            return paletteKey(event, key, &palette, &state)
        case .form(var form):
            return formKey(event, key, &form, &state)
        case .confirm(var dialog):
            guard let key else { return [] }
            if isClose(key) {
                state.overlays.removeLast()
                return dialog.cancelIndex.map { dialog.choose($0, &state) } ?? []
            }
            if let choice = buttonChoice(key, dialog) {
                state.overlays.removeLast()
                return dialog.choose(choice, &state)
            }
            dialog.selected = moveButton(key, selected: dialog.selected, count: dialog.buttons.count)
            replaceTop(.confirm(dialog), &state)
        case .conflict(var dialog):
            guard let key else { return [] }
            let choice: Int? = switch key.key {
            case .character("m"): 0
            case .character("t"): 1
            case .enter: dialog.selected
            default: nil
            }
            if let choice {
                state.overlays.removeLast()
                return StoreResults.resolve(dialog, keepMine: choice == 0, &state)
            }
            if isClose(key) { state.show("Choose: m keeps your version, t takes theirs", .warning); return [] }
            dialog.selected = moveButton(key, selected: dialog.selected, count: 2)
            replaceTop(.conflict(dialog), &state)
        case .prompt(var prompt):
            if let key, isClose(key) { state.overlays.removeLast(); return [] }
            if let key, key.key == .enter {
                state.overlays.removeLast()
                switch prompt.submit(prompt.field.text, &state) {
                case .close(let effects): return effects
                case .invalid(let message):
                    prompt.error = message
                    state.overlays.append(.prompt(prompt))
                    return []
                }
            }
            if prompt.field.handle(event) { prompt.error = nil }
            replaceTop(.prompt(prompt), &state)
        case .custom(var model):
            let index = state.overlays.count - 1
            state.overlays.removeLast()
            let outcome = model.handle(event, &state)
            if outcome.keepOpen { state.overlays.insert(.custom(model), at: min(index, state.overlays.count)) }
            return outcome.effects
        }
        return []
    }

    private static func isClose(_ key: KeyEvent) -> Bool { key.key == .escape }

    private static func replaceTop(_ overlay: Overlay, _ state: inout AppState) {
        guard !state.overlays.isEmpty else { return }
        state.overlays[state.overlays.count - 1] = overlay
    }

    private static func scrollDelta(_ key: KeyEvent, page: Int) -> Int? {
        switch (key.key, key.modifiers) {
        case (.down, []), (.character("j"), []): 1
        case (.up, []), (.character("k"), []): -1
        case (.pageDown, []), (.character(" "), []), (.character("d"), .ctrl): max(1, page)
        case (.pageUp, []), (.character("u"), .ctrl): -max(1, page)
        case (.home, []), (.character("g"), []): -1_000_000
        case (.end, []), (.character("G"), []): 1_000_000
        default: nil
        }
    }

    /// Enter picks the highlighted button; a button's first letter picks it directly when no other button shares it.
    private static func buttonChoice(_ key: KeyEvent, _ dialog: ConfirmDialog) -> Int? {
        if key.key == .enter { return dialog.selected }
        guard case .character(let c) = key.key, key.modifiers.isEmpty else { return nil }
        let letter = Character(c.lowercased())
        let matching = dialog.buttons.indices.filter { dialog.buttons[$0].lowercased().first == letter }
        return matching.count == 1 ? matching[0] : nil
    }

    private static func moveButton(_ key: KeyEvent, selected: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        switch (key.key, key.modifiers) {
        case (.left, []), (.backTab, _), (.character("h"), []): return (selected + count - 1) % count
        case (.right, []), (.tab, []), (.character("l"), []): return (selected + 1) % count
        default: return selected
        }
    }

    private static func paletteKey(_ event: InputEvent, _ key: KeyEvent?, _ palette: inout PaletteState,
                                   _ state: inout AppState) -> [Effect] {
        let visible = max(1, min(state.size.height - 6, 16))
        if let key {
            switch (key.key, key.modifiers) {
            case (.escape, _):
                state.overlays.removeLast()
                return []
            case (.enter, _):
                let matches = CommandRegistry.matches(palette.query.text, state)
                state.overlays.removeLast()
                guard matches.indices.contains(palette.cursor.selected) else { return [] }
                return matches[palette.cursor.selected].run(&state)
            case (.down, []), (.character("n"), .ctrl), (.tab, []):
                palette.cursor.move(by: 1, count: CommandRegistry.matches(palette.query.text, state).count, visible: visible)
                replaceTop(.palette(palette), &state)
                return []
            case (.up, []), (.character("p"), .ctrl), (.backTab, _):
                palette.cursor.move(by: -1, count: CommandRegistry.matches(palette.query.text, state).count, visible: visible)
                replaceTop(.palette(palette), &state)
                return []
            default:
                break
            }
        }
        if palette.query.handle(event) { palette.cursor = ListCursor() }
        replaceTop(.palette(palette), &state)
        return []
    }

    private static func formKey(_ event: InputEvent, _ key: KeyEvent?, _ overlay: inout FormOverlay,
                                _ state: inout AppState) -> [Effect] {
        if let key, let shortcut = overlay.shortcuts.first(where: { $0.key == key }) {
            shortcut.apply(&overlay.form)
            replaceTop(.form(overlay), &state)
            return []
        }
        if let key {
            switch (key.key, key.modifiers) {
            case (.escape, _):
                state.overlays.removeLast()
                state.show("Cancelled")
                return []
            case (.enter, _):
                state.overlays.removeLast()
                switch overlay.submit(overlay.form, &state) {
                case .close(let effects): return effects
                case .stay(let form, let message):
                    overlay.form = form
                    overlay.message = message
                    state.overlays.append(.form(overlay))
                    return []
                }
            case (.character("o"), .ctrl):
                let field = overlay.form.fields[overlay.form.focus]
                guard overlay.editorFields.contains(field.label) else { break }
                return [.editText(formFieldEdit(title: overlay.title, focus: overlay.form.focus, field: field))]
            default:
                break
            }
        }
        overlay.form.handle(event)
        replaceTop(.form(overlay), &state)
        return []
    }

    /// Edits one form field in `$EDITOR`; the result goes back into the form if it is still open.
    private static func formFieldEdit(title: String, focus: Int, field: FormField) -> EditRequest {
        EditRequest(subject: field.label.lowercased(), text: field.value) { text, state in
            guard case .form(var overlay) = state.overlays.last, overlay.title == title,
                  overlay.form.fields.indices.contains(focus) else { return [] }
            // Keep the text verbatim (line breaks show as ^J in the one-line field and are saved as typed).
            var trimmed = text
            while trimmed.hasSuffix("\n") { trimmed.removeLast() }
            overlay.form.fields[focus].input.setText(trimmed)
            state.overlays[state.overlays.count - 1] = .form(overlay)
            return []
        }
    }
}
