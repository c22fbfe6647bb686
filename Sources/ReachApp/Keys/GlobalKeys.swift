import TerminalUI

/// Keys and palette commands that work on every screen (unless a pane is taking typed text).
enum GlobalKeys {
    static func sections(_ state: AppState) -> [KeySection] {
        let tabKeys = Tab.allCases.map { tab in
            KeyBinding(chars: Character("\(tab.rawValue + 1)"), help: tab.title) { state in
                switchTab(tab, &state)
                return []
            }
        }
        return [
            KeySection("Screens", tabKeys + [
                KeyBinding(keys: [KeyEvent(.tab)], "Next screen") { state in
                    switchTab(Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count) ?? .today, &state)
                    return []
                },
                KeyBinding(keys: [KeyEvent(.backTab)], "Previous screen") { state in
                    let count = Tab.allCases.count
                    switchTab(Tab(rawValue: (state.tab.rawValue + count - 1) % count) ?? .today, &state)
                    return []
                },
            ]),
            KeySection("Everywhere", [
                KeyBinding(chars: "?", help: "Help", hint: true) { state in openHelp(&state); return [] },
                KeyBinding(chars: ":", help: "Commands", hint: true) { state in
                    state.overlays.append(.palette(PaletteState()))
                    return []
                },
                KeyBinding(chars: "u", help: "Undo") { state in Edits.undo(&state) },
                KeyBinding(chars: ",", help: "Settings") { state in SettingsPane.open(&state); return [] },
                KeyBinding(chars: "R", help: "Retry failed saves") { state in Edits.retryPending(&state) },
                KeyBinding(chars: "Y", help: "Sync now (git, docs/sync.md)") { state in SyncUpdate.syncNow(&state) },
                KeyBinding(keys: [KeyEvent(.escape)], "Back / clear message") { state in
                    state.status = nil
                    return []
                },
                KeyBinding(chars: "q", help: "Quit") { state in quit(&state) },
            ]),
            alwaysSection,
        ]
    }

    /// Keys that work even while a pane takes typed text (the terminal is in raw mode, so Ctrl-C arrives as a key).
    static let alwaysSection = KeySection("Always", [
        KeyBinding(keys: [.ctrl("c")], "Quit") { state in quit(&state) },
    ])

    static func commands(_ state: AppState) -> [PaletteCommand] {
        var commands = Tab.allCases.map { tab in
            PaletteCommand("Go to \(tab.title)", key: "\(tab.rawValue + 1)") { state in
                switchTab(tab, &state)
                return []
            }
        }
        commands += [
            PaletteCommand("Help: list keys", key: "?") { state in openHelp(&state); return [] },
            PaletteCommand("Undo", key: "u") { state in Edits.undo(&state) },
            PaletteCommand("Settings: currency rates, stages, tiers, defaults, team", key: ",") { state in
                SettingsPane.open(&state)
                return []
            },
            PaletteCommand("Retry failed saves", key: "R") { state in Edits.retryPending(&state) },
            PaletteCommand("Sync now with the other servers (git)", key: "Y") { state in SyncUpdate.syncNow(&state) },
            PaletteCommand("Load problems: files that did not load") { state in
                let text = state.loadProblems.isEmpty ? "Every file loaded." : state.loadProblems.joined(separator: "\n\n")
                state.overlays.append(.text(TextOverlay(title: "Load problems", text: text)))
                return []
            },
            PaletteCommand("Quit", key: "q") { state in quit(&state) },
        ]
        return commands
    }

    static func switchTab(_ tab: Tab, _ state: inout AppState) {
        state.dealDetail = nil
        state.settingsScreen.isOpen = false
        state.tab = tab
    }

    static func openHelp(_ state: inout AppState) {
        state.overlays.append(.help(HelpState()))
    }

    /// Quits, unless edits are unsaved: then asks (retry, quit anyway, cancel).
    static func quit(_ state: inout AppState) -> [Effect] {
        guard state.unsavedCount > 0 else {
            state.shouldQuit = true
            return [.quit]
        }
        let count = state.unsavedCount
        let dialog = ConfirmDialog(
            title: "Unsaved changes",
            message: "\(count) edit\(count == 1 ? " is" : "s are") not saved. Quitting loses \(count == 1 ? "it" : "them").",
            buttons: ["Retry saving", "Quit anyway", "Cancel"], cancelIndex: 2
        ) { choice, state in
            switch choice {
            case 0: return Edits.retryPending(&state)
            case 1:
                state.shouldQuit = true
                return [.quit]
            default: return []
            }
        }
        state.overlays.append(.confirm(dialog))
        return []
    }
}
