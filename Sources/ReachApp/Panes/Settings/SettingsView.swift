import Foundation
import ReachCore
import TerminalUI

/// Draws the chosen section of the Settings screen: its title, its entries as a table, and a note on what it governs.
enum SettingsView {
    static func render(_ screen: SettingsState, _ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard area.width > 4, area.height >= 4 else { return }
        let settings = state.workspace.settings.workspace
        let count = SettingsRows.count(screen.section, settings)
        let unsaved = state.pendingSettings == nil ? "" : " · not saved yet (R retries)"
        buffer.write(screen.section.title + (screen.section == .defaults ? "" : " (\(count))") + unsaved,
                     x: area.x, y: area.y, maxWidth: area.width, style: state.pendingSettings == nil ? theme.title : theme.error)
        let noteLines = TextViewer.wrap(screen.section.note, width: area.width).prefix(2)
        for (i, line) in noteLines.enumerated() {
            buffer.write(line, x: area.x, y: area.maxY - 2 + i, maxWidth: area.width, style: theme.muted)
        }
        let tableArea = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 3))
        if count == 0 {
            buffer.write(emptyText(screen.section), x: area.x, y: tableArea.y + 1, maxWidth: area.width, style: theme.muted)
            return
        }
        var cursor = screen.cursor
        cursor.clamp(count: count, visible: max(1, tableArea.height - 1))
        var selection = cursor.selection(hasRows: true)
        table(screen.section, state, theme: theme).render(into: &buffer, area: tableArea, state: &selection)
    }

    private static func emptyText(_ section: SettingsSection) -> String {
        switch section {
        case .rates: "No rates yet: n adds one (EUR → USD 1.08, quoted today)."
        case .stages: "No stages: n adds one."
        case .defaults: ""
        case .team: "No team members yet: n adds one. Until then \"mine\" is whoever $USER names."
        }
    }

    private static func table(_ section: SettingsSection, _ state: AppState, theme: Theme) -> Table {
        let settings = state.workspace.settings.workspace
        switch section {
        case .rates:
            let rates = SettingsRows.rates(settings)
            // The newest quote of a pair is the one conversions use; older ones are kept for the record, muted.
            let older = Set(rates.indices.filter { $0 > 0 && (rates[$0 - 1].from, rates[$0 - 1].to) == (rates[$0].from, rates[$0].to) })
            return Table(columns: [TableColumn("Pair", width: .fixed(11)), TableColumn("Rate", width: .fixed(12), alignment: .trailing),
                                  TableColumn("Quoted", width: .fixed(10)), TableColumn("Source", width: .fill(1))],
                         rowCount: rates.count, theme: theme, rowStyle: { older.contains($0) ? theme.muted : nil }) { i in
                let r = rates[i]
                return ["\(r.from) → \(r.to)", SettingsRows.rateText(r.rate), Humanize.day(r.asOf, timeZone: state.timeZone),
                        r.source ?? (older.contains(i) ? "older quote" : "")]
            }
        case .stages:
            let stages = SettingsRows.stages(settings)
            // The key is what deals store: it never changes here, which is why renaming or moving strands no deal.
            return Table(columns: [TableColumn("#", width: .fixed(3), alignment: .trailing), TableColumn("Name", width: .fill(2)),
                                   TableColumn("Key", width: .fill(1)), TableColumn("Role", width: .fixed(13)),
                                   TableColumn("Stalls", width: .fixed(6), alignment: .trailing)],
                         rowCount: stages.count, theme: theme, rowStyle: { stages[$0].role == .open ? nil : theme.muted }) { i in
                let s = stages[i]
                let position = i < settings.pipeline.stages.count ? "\(i + 1)" : "–"
                return [position, s.name, s.key.rawValue, SettingsRows.roleText(s.role), s.stallAfterDays.map { "\($0)d" } ?? "never"]
            }
        case .defaults:
            let rows = SettingsRows.defaults(settings)
            return Table(columns: [TableColumn("Setting", width: .fill(1)), TableColumn("Value", width: .fixed(14), alignment: .trailing)],
                         rowCount: rows.count, theme: theme) { [rows[$0].label, rows[$0].value] }
        case .team:
            let team = SettingsRows.team(settings)
            return Table(columns: [TableColumn("Login", width: .fixed(16)), TableColumn("Name", width: .fill(1))],
                         rowCount: team.count, theme: theme) { i in
                let you = state.user?.login.map { UserIdentity.same($0, team[i].login) } == true ? "  (you)" : ""
                return [team[i].login, team[i].name + you]
            }
        }
    }
}
