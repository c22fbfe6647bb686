import TerminalUI

/// The keys of the built-in popups as `KeyBinding`s, like a pane's keymap: the same values handle a key, draw the
/// status-bar hints and fill the help (`F1` in any popup, `?` where the popup takes no typing), so what a popup
/// says it does is what it does. Each binding acts on the popup on top of the stack.
enum PopupKeys {
    /// The sections for `overlay`; a screen's own popup (`.custom`) lists its hints as one section.
    static func sections(_ overlay: Overlay) -> [KeySection] {
        switch overlay {
        case .help, .text: [scrolling]
        case .palette: [palette]
        case .form(let form): [formSection(form)]
        case .confirm: [confirm]
        case .conflict(let dialog): [conflict(dialog)]
        case .prompt: [prompt]
        case .custom(let model): [KeySection("Popup", model.hints.map { KeyBinding(describing: $0.key, $0.label) })]
        }
    }

    /// Whether typed characters are text in this popup (then `?` is typed, and only `F1` opens the help).
    static func takesText(_ overlay: Overlay) -> Bool {
        switch overlay {
        case .palette, .form, .prompt, .custom: true
        case .help, .text, .confirm, .conflict: false
        }
    }

    static let help = KeyBinding(keys: [KeyEvent(.function(1))], "Keys of this popup") { state in
        state.overlays.append(.help(HelpState()))
        return []
    }

    // MARK: Shared pieces

    /// Replaces the top overlay with `change(top)` when it is of the kind `change` accepts.
    private static func onTop(_ state: inout AppState, _ change: (Overlay) -> Overlay?) {
        guard let top = state.overlays.last, let changed = change(top) else { return }
        state.overlays[state.overlays.count - 1] = changed
    }

    private static func close(_ state: inout AppState) -> [Effect] {
        if !state.overlays.isEmpty { state.overlays.removeLast() }
        return []
    }

    private static func scroll(_ delta: @escaping @Sendable (Int) -> Int) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            let page = max(1, state.size.height - 4)
            onTop(&state) { top in
                switch top {
                case .help(var help): help.scroll.scroll(by: delta(page)); return .help(help)
                case .text(var text): text.scroll.scroll(by: delta(page)); return .text(text)
                default: return nil
                }
            }
            return []
        }
    }

    static let scrolling = KeySection("Popup", [
        KeyBinding(keys: [KeyEvent(.escape), .char("q"), KeyEvent(.enter)], "close", hint: true, run: close),
        KeyBinding(keys: [.char("j"), KeyEvent(.down)], "scroll down", hint: true, run: scroll { _ in 1 }),
        KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Scroll up", run: scroll { _ in -1 }),
        KeyBinding(keys: [KeyEvent(.pageDown), .char(" "), .ctrl("d")], "Page down", run: scroll { $0 }),
        KeyBinding(keys: [KeyEvent(.pageUp), .ctrl("u")], "Page up", run: scroll { -$0 }),
        KeyBinding(keys: [.char("g"), KeyEvent(.home)], "Top", run: scroll { _ in -1_000_000 }),
        KeyBinding(keys: [.char("G"), KeyEvent(.end)], "Bottom", run: scroll { _ in 1_000_000 }),
    ])

    // MARK: Palette

    private static let paletteVisible: @Sendable (AppState) -> Int = { max(1, min($0.size.height - 6, 16)) }

    private static func paletteMove(_ delta: Int) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            let visible = paletteVisible(state)
            guard case .palette(let palette)? = state.overlays.last else { return [] }
            let count = CommandRegistry.matches(palette.query.text, state).count
            onTop(&state) { top in
                guard case .palette(var palette) = top else { return nil }
                palette.cursor.move(by: delta, count: count, visible: visible)
                return .palette(palette)
            }
            return []
        }
    }

    static let palette = KeySection("Commands", [
        KeyBinding(keys: [KeyEvent(.enter)], "run", hint: true) { state in
            guard case .palette(let palette)? = state.overlays.last else { return [] }
            let matches = CommandRegistry.matches(palette.query.text, state)
            state.overlays.removeLast()
            guard matches.indices.contains(palette.cursor.selected) else { return [] }
            return matches[palette.cursor.selected].run(&state)
        },
        KeyBinding(keys: [KeyEvent(.down), KeyEvent(.tab), .ctrl("n")], "next", hint: true, run: paletteMove(1)),
        KeyBinding(keys: [KeyEvent(.up), .ctrl("p"), KeyEvent(.backTab)], "Previous", run: paletteMove(-1)),
        KeyBinding(keys: [KeyEvent(.escape)], "close", hint: true, run: close),
    ])

    // MARK: Form

    private static func onForm(_ change: @escaping @Sendable (inout FormOverlay) -> Void) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            onTop(&state) { top in
                guard case .form(var form) = top else { return nil }
                change(&form)
                return .form(form)
            }
            return []
        }
    }

    /// The form's own keys, its shortcuts (`Alt-d`…) and `Ctrl-O` when a field opens in `$EDITOR`.
    static func formSection(_ form: FormOverlay) -> KeySection {
        var bindings = [
            KeyBinding(keys: [KeyEvent(.enter)], "save", hint: true) { state in
                guard case .form(var overlay)? = state.overlays.last else { return [] }
                state.overlays.removeLast()
                switch overlay.submit(overlay.form, &state) {
                case .close(let effects): return effects
                case .stay(let form, let message):
                    overlay.form = form
                    overlay.message = message
                    state.overlays.append(.form(overlay))
                    return []
                }
            },
        ]
        bindings += form.shortcuts.map { shortcut in
            KeyBinding(keys: [shortcut.key], shortcut.help, hint: true, run: onForm { shortcut.apply(&$0.form) })
        }
        bindings += [
            KeyBinding(keys: [KeyEvent(.tab), KeyEvent(.down)], "next field", hint: true,
                       run: onForm { $0.form.handle(.key(KeyEvent(.tab))) }),
            KeyBinding(keys: [KeyEvent(.backTab), KeyEvent(.up)], "Previous field",
                       run: onForm { $0.form.handle(.key(KeyEvent(.backTab))) }),
            KeyBinding(describing: "Space/←/→", "Choose an option (or type its first letter)"),
            KeyBinding(describing: "Ctrl-A/E/K/U/W", "Line editing in a text field"),
            KeyBinding(keys: [KeyEvent(.escape)], "cancel", hint: true) { state in
                _ = close(&state)
                state.show("Cancelled")
                return []
            },
        ]
        if !form.editorFields.isEmpty {
            bindings.append(KeyBinding(keys: [.ctrl("o")], "edit in $EDITOR", hint: true) { state in
                guard case .form(let overlay)? = state.overlays.last else { return [] }
                let field = overlay.form.fields[overlay.form.focus]
                guard overlay.editorFields.contains(field.key) else {
                    let labels = overlay.form.fields.filter { overlay.editorFields.contains($0.key) }.map(\.label)
                    state.show("Only \(labels.joined(separator: ", ")) open in $EDITOR", .warning)
                    return []
                }
                return [.editText(OverlayUpdate.formFieldEdit(title: overlay.title, field: field))]
            })
        }
        return KeySection("Form", bindings)
    }

    // MARK: Dialogs

    private static func dialogMove(_ delta: Int) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            onTop(&state) { top in
                switch top {
                case .confirm(var dialog):
                    let count = max(1, dialog.buttons.count)
                    dialog.selected = (dialog.selected + delta + count) % count
                    return .confirm(dialog)
                case .conflict(var dialog):
                    dialog.selected = (dialog.selected + delta + dialog.buttonCount) % dialog.buttonCount
                    return .conflict(dialog)
                default: return nil
                }
            }
            return []
        }
    }

    private static func choose(_ pick: @escaping @Sendable (ConfirmDialog) -> Int?) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            guard case .confirm(let dialog)? = state.overlays.last else { return [] }
            state.overlays.removeLast()
            return pick(dialog).map { dialog.choose($0, &state) } ?? []
        }
    }

    static let confirm = KeySection("Question", [
        KeyBinding(keys: [KeyEvent(.enter)], "choose", hint: true, run: choose { $0.selected }),
        KeyBinding(describing: "a…z", "A button's first letter chooses it"),
        KeyBinding(keys: [KeyEvent(.left), KeyEvent(.backTab), .char("h")], "Previous button", run: dialogMove(-1)),
        KeyBinding(keys: [KeyEvent(.right), KeyEvent(.tab), .char("l")], "next button", hint: true, run: dialogMove(1)),
        KeyBinding(keys: [KeyEvent(.escape)], "cancel", hint: true, run: choose { $0.cancelIndex }),
    ])

    /// A button's first letter picks it when no other button starts with it.
    static func buttonChoice(_ key: KeyEvent, _ dialog: ConfirmDialog) -> Int? {
        guard case .character(let c) = key.key, key.modifiers.isEmpty else { return nil }
        let letter = Character(c.lowercased())
        let matching = dialog.buttons.indices.filter { dialog.buttons[$0].lowercased().first == letter }
        return matching.count == 1 ? matching[0] : nil
    }

    private static func resolveConflict(keepMine: Bool?) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            guard case .conflict(let dialog)? = state.overlays.last else { return [] }
            state.overlays.removeLast()
            if keepMine == nil, case .sync(let clash, let subject) = dialog.versions {
                return SyncClashes.choose(dialog.selected, clash, subject, &state)
            }
            return StoreResults.resolve(dialog, keepMine: keepMine ?? (dialog.selected == 0), &state)
        }
    }

    /// A sync clash can wait (the record holds mine meanwhile), and can be combined by hand in the editor.
    static func conflict(_ dialog: ConflictDialog) -> KeySection {
        guard case .sync(let clash, let subject) = dialog.versions else { return conflict }
        return KeySection("Sync conflict", conflict.bindings.dropLast() + [
            KeyBinding(chars: "e", help: "edit", hint: true) { state in
                state.overlays.removeLast()
                return SyncClashes.choose(2, clash, subject, &state)
            },
            KeyBinding(keys: [KeyEvent(.escape)], "later", hint: true, run: close),
        ])
    }

    static let conflict = KeySection("Edit conflict", [
        KeyBinding(chars: "m", help: "keep mine", hint: true, run: resolveConflict(keepMine: true)),
        KeyBinding(chars: "t", help: "take theirs", hint: true, run: resolveConflict(keepMine: false)),
        KeyBinding(keys: [KeyEvent(.enter)], "Choose the highlighted button", run: resolveConflict(keepMine: nil)),
        KeyBinding(keys: [KeyEvent(.left), KeyEvent(.backTab), .char("h")], "Previous button", run: dialogMove(-1)),
        KeyBinding(keys: [KeyEvent(.right), KeyEvent(.tab), .char("l")], "Next button", run: dialogMove(1)),
        KeyBinding(keys: [KeyEvent(.escape)], "(Nothing: one of the two must be chosen)") { state in
            state.show("Choose: m keeps your version, t takes theirs", .warning)
            return []
        },
    ])

    static let prompt = KeySection("Prompt", [
        KeyBinding(keys: [KeyEvent(.enter)], "OK", hint: true) { state in
            guard case .prompt(var prompt)? = state.overlays.last else { return [] }
            state.overlays.removeLast()
            switch prompt.submit(prompt.field.text, &state) {
            case .close(let effects): return effects
            case .invalid(let message):
                prompt.error = message
                state.overlays.append(.prompt(prompt))
                return []
            }
        },
        KeyBinding(keys: [KeyEvent(.escape)], "cancel", hint: true, run: close),
    ])
}
