import Foundation
import ReachCore
import TerminalUI

/// The home screen: what needs doing today across all deals, worked through with the keyboard.
public enum TodayPane: Pane {
    public static func keymap(_ state: AppState) -> [KeySection] {
        [
            ListNavigation.section(cursor: \AppState.today.cursor, count: { $0.today.items.count },
                                   visible: visibleRows, didMove: keepSelectionVisible),
            KeySection("Today", [
                KeyBinding(keys: [KeyEvent(.enter)], "Open deal", hint: true) { state in
                    if let id = state.today.selectedDealID { DealDetailPane.open(id, &state) }
                    return []
                },
                KeyBinding(chars: "y", help: "Copy line") { state in
                    guard state.today.items.indices.contains(state.today.cursor.selected) else { return [] }
                    return [.copy(line(for: state.today.items[state.today.cursor.selected], state).joined(separator: " · "))]
                },
                OwnerActions.scopeBinding,
            ]),
            DealActions.section { $0.today.selectedDealID },
            Marking.section(\.deals, rows: { $0.today.items.map(\.dealID) }, selectedID: { $0.today.selectedDealID },
                            selected: { $0.today.cursor.selected },
                            moveDown: { state in
                state.today.cursor.move(by: 1, count: state.today.items.count, visible: visibleRows(state))
                keepSelectionVisible(&state)
            }, bulk: BulkActions.openForDeals),
        ]
    }

    /// Makes everyone's items from every deal's row, then shows the owners the scope shows.
    public static func workspaceChanged(_ state: inout AppState) {
        let selected = state.today.selectedDealID
        state.today.items = [] // not kept beside everyone's new items
        state.today.everyone = items(of: state.workspace.dealRows.all, state)
        state.today.everyoneIsPartial = false
        showScope(&state, selecting: selected)
    }

    /// Only the items of the deals the scope shows (an account manager's 44,000 of 200,000 deals at 100k creators:
    /// making and sorting everyone's items, then filtering them, was a tenth of a start); everyone's follow
    /// (`afterFirstFrame`).
    public static func firstFrame(_ state: inout AppState) {
        guard let rows = state.workspace.dealRows(ownedBy: state.ownerScope.matcher(user: state.user)) else { return workspaceChanged(&state) }
        state.today.everyone = items(of: rows, state)
        state.today.everyoneIsPartial = true
        show(state.today.everyone, &state, selecting: state.today.selectedDealID)
    }

    public static func afterFirstFrame(_ state: inout AppState) {
        if state.today.everyoneIsPartial { workspaceChanged(&state) }
    }

    /// Shows the items of the owners the scope shows: everyone's list itself (shared, not copied), or a filter over
    /// it, so `o` at 200k deals does not make 85,000 items again (that pass took 144 ms at p99).
    static func scopeChanged(_ state: inout AppState) {
        guard !state.today.everyoneIsPartial else { return workspaceChanged(&state) }
        showScope(&state, selecting: state.today.selectedDealID)
    }

    private static func showScope(_ state: inout AppState, selecting selected: RecordID?) {
        show(state.ownerScope == .everyone ? state.today.everyone : state.today.everyone.filter(shownItems(state)), &state,
             selecting: selected)
    }

    /// Replaces only the changed deals' items, merged into the screen's order, instead of going over every deal
    /// again: a save on Today at 200k deals took two full passes (the edit, then the store's answer).
    public static func recordsChanged(_ changes: RecordChanges, _ state: inout AppState) {
        let changed = changes.ids(of: .deal)
        guard !changed.isEmpty else { return }
        guard changed.count <= 200, !state.today.everyoneIsPartial else { return workspaceChanged(&state) }
        let fresh = items(of: changed.compactMap { state.workspace.dealRows[$0] }, state)
        let selected = state.today.selectedDealID
        // Everyone's list, when it is the one shown, is changed in place: not copied for the shown one's sake.
        var shown = state.ownerScope == .everyone ? [] : state.today.items
        state.today.items = []
        state.today.everyone.removeAll { changed.contains($0.dealID) }
        Today.merge(fresh, into: &state.today.everyone, order: .screen)
        if state.ownerScope == .everyone { return show(state.today.everyone, &state, selecting: selected) }
        shown.removeAll { changed.contains($0.dealID) }
        Today.merge(fresh.filter(shownItems(state)), into: &shown, order: .screen)
        show(shown, &state, selecting: selected)
    }

    /// Whether the owner scope shows an item: its deal's owner, read from the deal's row (items keep no owner).
    private static func shownItems(_ state: AppState) -> (TodayItem) -> Bool {
        let isShown = state.ownerScope.matcher(user: state.user), rows = state.workspace.dealRows
        return { item in isShown(rows.owner(of: item.dealID)) }
    }

    private static func items(of deals: [DealRow], _ state: AppState) -> [TodayItem] {
        let settings = state.workspace.settings.workspace
        return Today.items(rows: deals, now: state.now, timeZone: state.timeZone,
                           rightsWarningDays: settings.rightsExpiryWarningDays, pipeline: settings.pipeline, order: .screen)
    }

    /// Shows items (in the screen's order) under their headings, keeping the cursor on the deal it was on.
    private static func show(_ items: [TodayItem], _ state: inout AppState, selecting selected: RecordID?) {
        state.today.items = items
        state.today.rows = TodayRows(items)
        if let selected, let index = items.firstIndex(where: { $0.dealID == selected }) { state.today.cursor.selected = index }
        keepSelectionVisible(&state)
    }

    public static func resized(_ state: inout AppState) { keepSelectionVisible(&state) }

    static func visibleRows(_ state: AppState) -> Int { max(1, AppLayout.main(state.size).height - 1) }

    /// Scrolls the rows so the selected item (and, when possible, its group header) is on screen.
    static func keepSelectionVisible(_ state: inout AppState) {
        state.today.cursor.clamp(count: state.today.items.count, visible: visibleRows(state))
        let page = visibleRows(state)
        guard let row = state.today.rows.line(ofItem: state.today.cursor.selected) else {
            state.today.rowOffset = 0
            return
        }
        var offset = min(state.today.rowOffset, max(0, state.today.rows.count - page))
        let headerAbove: Bool = if row > 0, case .header = state.today.rows[row - 1] { true } else { false }
        let top = headerAbove ? row - 1 : row
        if top < offset { offset = top }
        if row >= offset + page { offset = row - page + 1 }
        state.today.rowOffset = max(0, offset)
    }

    /// Cells of one item: due, creator, campaign, what, whose move.
    static func line(for item: TodayItem, _ state: AppState) -> [String] {
        let workspace = state.workspace
        var cells = line(for: item, deal: workspace.dealRows[item.dealID], now: state.now, timeZone: state.timeZone,
                         pipeline: workspace.pipeline, creatorName: workspace.influencerName, campaignName: workspace.campaignName)
        cells[1] = state.conflictMark(.deal, item.dealID) + cells[1]
        return cells
    }

    /// Due, creator, campaign, what, whose move: one row of Today and one line of `reach today`, worded from the
    /// item's deal (`deal`: its row; nil, a deal gone since, leaves the names and words blank).
    static func line(for item: TodayItem, deal: DealRow?, now: Date, timeZone: TimeZone, pipeline: StagePipeline,
                     creatorName: (RecordID) -> String, campaignName: (RecordID) -> String) -> [String] {
        let due = item.due.map { Humanize.due($0, now: now, timeZone: timeZone) } ?? "—"
        guard let deal else { return [due, Workspace.missingCreator, Workspace.missingCampaign, "", item.whoseMove?.moveLabel ?? ""] }
        return [due, creatorName(deal.influencerID), campaignName(deal.campaignID),
                item.summary(of: deal, now: now, pipeline: pipeline), item.whoseMove?.moveLabel ?? ""]
    }

    static let columns = [
        TableColumn("Due", width: .fixed(11)), TableColumn("Creator", width: .fill(3)),
        TableColumn("Campaign", width: .fill(2)), TableColumn("What", width: .fill(4)),
        TableColumn("Whose move", width: .fixed(10)),
    ]

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let today = state.today
        // Counted lazily: an array of the overdue items (150,000 of everyone's 233,000 at 100k) made for every frame
        // was megabytes that each redraw took from the system and glibc kept.
        let overdue = today.items.lazy.filter(\.isOverdue).count
        let owner = OwnerActions.scopeTag(state).map { " · \($0)" } ?? ""
        var title = "Today · \(Humanize.day(state.now, timeZone: state.timeZone))\(owner) · \(today.items.count) to do"
        if overdue > 0 { title += " · \(overdue) overdue" }
        buffer.write(title, x: area.x, y: area.y, maxWidth: area.width, style: theme.title)
        let list = area.inset(top: 1)
        guard !list.isEmpty else { return }
        if today.items.isEmpty {
            let hint = state.ownerScope == .everyone ? "Nothing due." : "Nothing due for \(OwnerActions.scopeDescription(state)); o shows everyone's."
            buffer.write("\(hint) Press 2 for the roster or : for commands.", x: list.x, y: list.y,
                         maxWidth: list.width, style: theme.muted)
            return
        }
        let widths = Layout.sizes(total: list.width - 2, constraints: columns.map(\.width), spacing: 1)
        for (lineIndex, row) in today.rows.dropFirst(today.rowOffset).prefix(list.height).enumerated() {
            let y = list.y + lineIndex
            switch row {
            case .header(let group, let count):
                buffer.write("\(group.title) (\(count))", x: list.x, y: y, maxWidth: list.width, style: theme.header)
            case .item(let index):
                let item = today.items[index]
                let isSelected = index == today.cursor.selected
                var style = item.isOverdue ? theme.overdue : theme.normal
                if isSelected {
                    style = style.adding(theme.selected.attributes)
                    buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: style)
                }
                buffer.write(isSelected ? "›" : " ", x: list.x, y: y, maxWidth: 1, style: style)
                if state.marks.deals.contains(item.dealID) { buffer.write(Marking.sign, x: list.x + 1, y: y, maxWidth: 1, style: style) }
                var x = list.x + 2
                for (cell, width) in zip(line(for: item, state), widths) {
                    buffer.write(cell, x: x, y: y, width: width, alignment: .leading, style: style)
                    x += width + 1
                }
            }
        }
    }
}
