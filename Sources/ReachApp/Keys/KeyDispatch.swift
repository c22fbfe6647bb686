import TerminalUI

/// Resolves typed keys against the active keymap, including multi-key sequences such as `gg`.
enum KeyDispatch {
    enum Resolution {
        case run(KeyBinding)
        /// The keys so far start a longer binding: wait for the next key.
        case pending
        case unbound
    }

    /// Matches `typed` (pending keys plus the new one) against `sections`.
    static func resolve(_ typed: [KeyEvent], in sections: [KeySection]) -> Resolution {
        var isPrefix = false
        for section in sections {
            for binding in section.bindings {
                for sequence in binding.sequences {
                    if sequence == typed { return .run(binding) }
                    if sequence.count > typed.count, Array(sequence.prefix(typed.count)) == typed { isPrefix = true }
                }
            }
        }
        return isPrefix ? .pending : .unbound
    }

    /// The key handling of the main screen (no overlay): pane keys first, then global keys, then the pane's text input.
    static func handle(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        let pane = state.activePane
        let sections = activeSections(state)
        let typed = state.pendingKeys + [key]
        switch resolve(typed, in: sections) {
        case .run(let binding):
            state.pendingKeys = []
            return binding.run(&state)
        case .pending:
            state.pendingKeys = typed
            return []
        case .unbound:
            let hadPending = !state.pendingKeys.isEmpty
            state.pendingKeys = []
            // `g` then `j`: forget the `g` and treat `j` on its own.
            if hadPending { return handle(key, &state) }
            return pane.handleUnbound(.key(key), &state) ?? []
        }
    }

    /// The pane's sections, then the global ones minus key sequences the pane already uses (the pane wins, so the
    /// help must not list the shadowed global meaning). Used for dispatch, help and hints alike.
    static func activeSections(_ state: AppState) -> [KeySection] {
        let pane = state.activePane
        let local = pane.keymap(state)
        guard !pane.capturesText(state) else { return local + [GlobalKeys.alwaysSection] }
        let taken = Set(local.flatMap(\.bindings).flatMap(\.sequences))
        let global = GlobalKeys.sections(state).map { section in
            KeySection(section.title, section.bindings.compactMap { binding in
                var binding = binding
                binding.sequences.removeAll { taken.contains($0) }
                return binding.sequences.isEmpty ? nil : binding
            })
        }
        return local + global.filter { !$0.bindings.isEmpty }
    }

    /// Every section the help overlay lists for the current screen.
    static func helpSections(_ state: AppState) -> [KeySection] { activeSections(state) }

    /// Hints for the status bar: help and commands first (they lead to everything else), then the pane's keys.
    static func hints(_ state: AppState) -> [KeyHint] {
        let bindings = activeSections(state).flatMap(\.bindings).filter(\.isHint)
        let paneCount = state.activePane.keymap(state).flatMap(\.bindings).filter(\.isHint).count
        return (bindings.dropFirst(paneCount) + bindings.prefix(paneCount)).map(\.hint)
    }
}
