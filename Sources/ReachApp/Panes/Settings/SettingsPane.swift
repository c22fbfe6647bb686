import Foundation
import ReachCore
import TerminalUI

/// The Settings screen (`,` or `:` Settings): currency rates, stages, tier thresholds and day defaults, and the team,
/// which used to be changed only by editing `reach.json` by hand. Sections on the left, the chosen one's entries on
/// the right; every change goes through a form or a confirmation and `SettingsSaves` (undo, revision check).
public enum SettingsPane: Pane {
    public static func open(_ state: inout AppState) {
        state.settingsScreen.isOpen = true
        state.pendingKeys = []
    }

    /// Width of the section list on the left.
    static func sidebarWidth(_ size: Size) -> Int { max(20, min(26, size.width / 5)) }

    /// Rows of entries that fit below the section title and the table header, above the two-line note.
    static func listHeight(_ size: Size) -> Int { max(1, AppLayout.main(size).height - 5) }

    public static func keymap(_ state: AppState) -> [KeySection] {
        let section = state.settingsScreen.section
        var keys = [
            KeyBinding(keys: [KeyEvent(.escape)], "Back", hint: true) { state in
                state.settingsScreen.isOpen = false
                return []
            },
            KeyBinding(chars: "]", help: "Next section", hint: true) { state in step(1, &state) },
            KeyBinding(chars: "[", help: "Previous section") { state in step(-1, &state) },
            KeyBinding(keys: [KeyEvent(.enter), .char("e")], "Edit", hint: true) { state in edit(&state) },
        ]
        if section != .defaults {
            keys.append(KeyBinding(chars: "n", help: "Add", hint: true) { state in add(&state) })
            keys.append(KeyBinding(chars: "d", help: "Remove", hint: true) { state in remove(&state) })
        }
        if section == .stages {
            keys.append(KeyBinding(chars: "J", help: "Move the open stage down the flow") { state in moveStage(1, &state) })
            keys.append(KeyBinding(chars: "K", help: "Move the open stage up the flow") { state in moveStage(-1, &state) })
        }
        let navigation = ListNavigation.section(cursor: \.settingsScreen.cursor,
                                                count: { SettingsRows.count($0.settingsScreen.section, $0.workspace.settings.workspace) },
                                                visible: { listHeight($0.size) })
        return [KeySection("Settings · \(section.title)", keys), navigation]
    }

    private static func step(_ delta: Int, _ state: inout AppState) -> [Effect] {
        let all = SettingsSection.allCases
        let next = (state.settingsScreen.section.rawValue + delta + all.count) % all.count
        state.settingsScreen.section = all[next]
        state.settingsScreen.cursor = ListCursor()
        return []
    }

    /// The entry under the cursor among `rows`, if the cursor is on one (another session may have shortened them).
    private static func selected<T>(_ rows: [T], _ state: AppState) -> T? {
        rows.indices.contains(state.settingsScreen.cursor.selected) ? rows[state.settingsScreen.cursor.selected] : nil
    }

    private static func edit(_ state: inout AppState) -> [Effect] {
        let settings = state.workspace.settings.workspace
        switch state.settingsScreen.section {
        case .rates: if let rate = selected(SettingsRows.rates(settings), state) { RateEditor.open(rate, &state) }
        case .stages: if let stage = selected(SettingsRows.stages(settings), state) { StageEditor.edit(stage.key, &state) }
        case .defaults: DefaultsEditor.open(focusing: selected(SettingsRows.defaults(settings), state)?.key ?? "", &state)
        case .team: if let member = selected(SettingsRows.team(settings), state) { TeamEditor.open(member, &state) }
        }
        return []
    }

    private static func add(_ state: inout AppState) -> [Effect] {
        let settings = state.workspace.settings.workspace
        switch state.settingsScreen.section {
        case .rates: RateEditor.open(nil, &state)
        case .stages: StageEditor.add(after: selected(SettingsRows.stages(settings), state)?.key, &state)
        case .defaults: break
        case .team: TeamEditor.open(nil, &state)
        }
        return []
    }

    private static func remove(_ state: inout AppState) -> [Effect] {
        let settings = state.workspace.settings.workspace
        switch state.settingsScreen.section {
        case .rates: if let rate = selected(SettingsRows.rates(settings), state) { RateEditor.delete(rate, &state) }
        case .stages: if let stage = selected(SettingsRows.stages(settings), state) { StageEditor.delete(stage.key, &state) }
        case .defaults: break
        case .team: if let member = selected(SettingsRows.team(settings), state) { TeamEditor.delete(member, &state) }
        }
        return []
    }

    private static func moveStage(_ delta: Int, _ state: inout AppState) -> [Effect] {
        guard let stage = selected(SettingsRows.stages(state.workspace.settings.workspace), state) else { return [] }
        return StageEditor.move(stage.key, by: delta, &state)
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width >= 20, area.height >= 4 else { return }
        let screen = state.settingsScreen
        let side = sidebarWidth(state.size)
        buffer.write("Settings", x: area.x + 1, y: area.y, maxWidth: side - 1, style: theme.title)
        var sections = SelectionState(selected: screen.section.rawValue, offset: 0)
        ListView(count: SettingsSection.allCases.count, theme: theme) { SettingsSection.allCases[$0].title }
            .render(into: &buffer, area: Rect(x: area.x, y: area.y + 2, width: side - 1, height: area.height - 2), state: &sections)
        if area.height > 8 {
            buffer.write("]/[ section", x: area.x + 2, y: area.y + 3 + SettingsSection.allCases.count, maxWidth: side - 3, style: theme.muted)
        }
        for y in area.y..<area.maxY { buffer.write("│", x: area.x + side - 1, y: y, maxWidth: 1, style: theme.border) }
        let right = Rect(x: area.x + side + 1, y: area.y, width: area.width - side - 2, height: area.height)
        SettingsView.render(screen, state, into: &buffer, area: right, theme: theme)
    }
}
