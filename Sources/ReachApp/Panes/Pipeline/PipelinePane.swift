import Foundation
import ReachCore
import TerminalUI

/// The Pipeline tab: every open deal by stage, as a kanban board or a sortable table, for one campaign or all.
public enum PipelinePane: Pane {
    public static func keymap(_ state: AppState) -> [KeySection] {
        let movement = state.pipeline.mode == .board ? boardSection
            : ListNavigation.section(cursor: \AppState.pipeline.tableCursor, count: { $0.pipeline.rows.count },
                                     visible: PipelineTable.visibleRows)
        var pane = [
            KeyBinding(keys: [KeyEvent(.enter)], "Open deal", hint: true) { state in
                if let id = state.pipeline.selectedDealID { DealDetailPane.open(id, &state) }
                return []
            },
            KeyBinding(chars: "n", help: "New deal", hint: true) { state in
                DealForm.openNew(campaignID: state.pipeline.campaignFilter, &state)
                return []
            },
            KeyBinding(chars: "c", help: "Filter by campaign", hint: true) { state in
                chooseCampaign(&state)
                return []
            },
            KeyBinding(chars: "v", help: state.pipeline.mode == .board ? "Table view" : "Board view", hint: true) { state in
                state.pipeline.mode = state.pipeline.mode == .board ? .table : .board
                let selected = state.pipeline.selectedDealID
                refresh(&state)
                if let selected { select(selected, &state) }
                return []
            },
            KeyBinding(chars: "z", help: state.pipeline.showSideExits ? "Hide side exits" : "Show side exits") { state in
                state.pipeline.showSideExits.toggle()
                refresh(&state)
                return []
            },
            KeyBinding(chars: "m", help: "Move to stage…") { state in
                if let id = state.pipeline.selectedDealID { DealActions.changeStage(id, &state) }
                return []
            },
            KeyBinding(chars: "t", help: "Outreach template") { state in
                if let id = state.pipeline.selectedDealID { OutreachFlow.pickTemplate(for: id, &state) }
                return []
            },
            OwnerActions.scopeBinding,
        ]
        if state.pipeline.mode == .table {
            pane += [
                KeyBinding(chars: "s", help: "Sort by next column") { state in
                    let all = PipelineField.allCases
                    state.pipeline.sortField = all[(state.pipeline.sortField.rawValue + 1) % all.count]
                    state.pipeline.ascending = true
                    resort(&state)
                    return []
                },
                KeyBinding(chars: "S", help: "Flip sort direction") { state in
                    state.pipeline.ascending.toggle()
                    resort(&state)
                    return []
                },
            ]
        }
        var sections = [movement, KeySection("Pipeline", pane), DealActions.section { $0.pipeline.selectedDealID }]
        if state.pipeline.mode == .table {
            sections.append(Marking.section(\.deals, rows: { $0.pipeline.rows }, selectedID: { $0.pipeline.selectedDealID },
                                            selected: { $0.pipeline.tableCursor.selected },
                                            moveDown: { state in
                state.pipeline.tableCursor.move(by: 1, count: state.pipeline.rows.count, visible: PipelineTable.visibleRows(state))
            }, bulk: BulkActions.openForDeals))
        }
        return sections
    }

    /// Board movement: columns with h/l, cards with j/k.
    static let boardSection: KeySection = {
        @Sendable func move(columns: Int = 0, cards: @escaping @Sendable (Int) -> Int) -> @Sendable (inout AppState) -> [Effect] {
            { state in
                let counts = state.pipeline.columns.map(\.dealIDs.count)
                if columns != 0 { state.pipeline.columnChosen = true }
                state.pipeline.board.move(columns: columns, cards: cards(PipelineBoard.cardsPerColumn(state)), cardCounts: counts)
                PipelineBoard.keepVisible(&state)
                return []
            }
        }
        return KeySection("Board", [
            KeyBinding(keys: [.char("h"), KeyEvent(.left)], "Previous stage column", run: move(columns: -1) { _ in 0 }),
            KeyBinding(keys: [.char("l"), KeyEvent(.right)], "Next stage column", run: move(columns: 1) { _ in 0 }),
            KeyBinding(keys: [.char("j"), KeyEvent(.down)], "Next card", run: move { _ in 1 }),
            KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Previous card", run: move { _ in -1 }),
            KeyBinding([[.char("g"), .char("g")], [KeyEvent(.home)]], "First card", run: move { _ in -1_000_000 }),
            KeyBinding(keys: [.char("G"), KeyEvent(.end)], "Last card", run: move { _ in 1_000_000 }),
            KeyBinding(keys: [KeyEvent(.pageDown), .ctrl("d")], "Page down", run: move { $0 }),
            KeyBinding(keys: [KeyEvent(.pageUp), .ctrl("u")], "Page up", run: move { -$0 }),
        ])
    }()

    public static func commands(_ state: AppState) -> [PaletteCommand] {
        [
            PaletteCommand("New deal", key: "n") { state in
                let creator = state.tab == .roster && state.dealDetail == nil ? state.roster.selectedID : nil
                let campaign = state.tab == .campaigns ? state.campaigns.selectedID : state.pipeline.campaignFilter
                DealForm.openNew(influencerID: creator, campaignID: campaign, &state)
                return []
            },
            PaletteCommand("Change stage of this deal…", key: "m") { state in
                guard let id = DealActions.currentDealID(state) else {
                    state.show("Select or open a deal first (Pipeline or Today).", .warning)
                    return []
                }
                DealActions.changeStage(id, &state)
                return []
            },
            PaletteCommand("Pipeline: filter by campaign", key: "c") { state in
                GlobalKeys.switchTab(.pipeline, &state)
                chooseCampaign(&state)
                return []
            },
        ] + OutreachFlow.commands()
    }

    public static func workspaceChanged(_ state: inout AppState) {
        let selected = state.pipeline.selectedDealID
        refresh(&state)
        if let selected { select(selected, &state) }
    }

    public static func resized(_ state: inout AppState) {
        PipelineBoard.keepVisible(&state)
        state.pipeline.tableCursor.clamp(count: state.pipeline.rows.count, visible: PipelineTable.visibleRows(state))
    }

    /// How many deals the pipeline shows, and which of them have an overdue next action.
    struct Tally {
        var count = 0
        var overdue: Set<RecordID> = []
    }

    /// Which deals the pipeline shows: not archived, of the filtered campaign, side exits only when shown.
    struct Scope {
        let campaign: RecordID?
        let showExits: Bool
        let sideExits: Set<StageKey>
        let closed: Set<StageKey>
        let now: Date
        let isOwnerShown: (String?) -> Bool

        init(_ state: AppState) {
            let pipeline = state.workspace.pipeline
            campaign = state.pipeline.campaignFilter
            showExits = state.pipeline.showSideExits
            sideExits = Set(pipeline.sideExits.map(\.key))
            closed = sideExits.union(pipeline.stages.filter { $0.role != .open }.map(\.key))
            now = state.now
            isOwnerShown = state.ownerScope.matcher(user: state.user)
        }

        func includes(_ deal: DealRow) -> Bool {
            !deal.archived && (campaign == nil || deal.campaignID == campaign) && (showExits || !sideExits.contains(deal.stage))
                && isOwnerShown(deal.owner)
        }

        func isOverdue(_ deal: DealRow) -> Bool { !closed.contains(deal.stage) && deal.isFollowUpOverdue(now: now) }
    }

    /// Calls `body` for each deal the pipeline shows (a filtered campaign's via the workspace index, else all),
    /// counting them in the same pass.
    @discardableResult
    static func forEachDeal(_ state: AppState, _ body: (DealRow) -> Void) -> Tally {
        let workspace = state.workspace
        let scope = Scope(state)
        var tally = Tally()
        func visit(_ deal: DealRow) {
            guard scope.includes(deal) else { return }
            tally.count += 1
            if scope.isOverdue(deal) { tally.overdue.insert(deal.id) }
            body(deal)
        }
        if let campaign = scope.campaign {
            for id in workspace.dealIDs(ofCampaign: campaign) { if let deal = workspace.dealRows[id] { visit(deal) } }
        } else if let owned = workspace.dealRows(ownedBy: scope.isOwnerShown) {
            for deal in owned { visit(deal) }
        } else {
            for deal in workspace.dealRows.all { visit(deal) }
        }
        return tally
    }

    /// Re-places just the changed deals (a binary search each) instead of sorting every deal again; a full pass
    /// when many changed, or when the change can reorder rows in ways one deal cannot tell (names in the table sort).
    public static func recordsChanged(_ changes: RecordChanges, _ state: inout AppState) {
        let deals = changes.ids(of: .deal)
        let namesChanged = !changes.ids(of: .influencer).isEmpty || !changes.ids(of: .campaign).isEmpty
        let sortsByName = state.pipeline.mode == .table && [.creator, .campaign].contains(state.pipeline.sortField)
        let filterGone = state.pipeline.campaignFilter.map { state.workspace.campaigns[$0] == nil } ?? false
        guard deals.count <= 100, !filterGone, !(namesChanged && sortsByName) else {
            workspaceChanged(&state)
            return
        }
        guard !deals.isEmpty else { return }
        let selected = state.pipeline.selectedDealID
        let scope = Scope(state)
        for id in deals where !place(id, scope, &state) {
            workspaceChanged(&state)
            return
        }
        if let selected { select(selected, &state) }
        resized(&state)
    }

    /// Takes the deal out of the rows and puts it back where it now belongs (if the pipeline still shows it);
    /// false when it needs a column the board does not have (a stage no longer configured).
    private static func place(_ id: RecordID, _ scope: Scope, _ state: inout AppState) -> Bool {
        var pipeline = state.pipeline
        var wasShown = false
        switch pipeline.mode {
        case .board:
            for index in pipeline.columns.indices {
                if let at = pipeline.columns[index].dealIDs.firstIndex(of: id) {
                    pipeline.columns[index].dealIDs.remove(at: at)
                    wasShown = true
                    break
                }
            }
        case .table:
            if let at = pipeline.rows.firstIndex(of: id) {
                pipeline.rows.remove(at: at)
                wasShown = true
            }
        }
        if wasShown { pipeline.dealCount -= 1 }
        pipeline.overdueIDs.remove(id)
        defer { state.pipeline = pipeline }
        guard let deal = state.workspace.dealRows[id], scope.includes(deal) else { return true }
        switch pipeline.mode {
        case .board:
            guard let column = pipeline.columns.firstIndex(where: { $0.stages.contains(deal.stage) }) else { return false }
            let at = PipelineBoard.insertionIndex(of: deal, in: pipeline.columns[column].dealIDs, state)
            pipeline.columns[column].dealIDs.insert(id, at: at)
        case .table:
            pipeline.rows.insert(id, at: PipelineTable.insertionIndex(of: deal, in: pipeline.rows, state))
        }
        pipeline.dealCount += 1
        if scope.isOverdue(deal) { pipeline.overdueIDs.insert(id) }
        return true
    }

    /// Recomputes the current view's rows (the board's columns or the table's order) and the header counts.
    static func refresh(_ state: inout AppState) {
        if let filter = state.pipeline.campaignFilter, state.workspace.campaigns[filter] == nil { state.pipeline.campaignFilter = nil }
        let tally: Tally
        switch state.pipeline.mode {
        case .board:
            (state.pipeline.columns, tally) = PipelineBoard.columns(state)
            state.pipeline.rows = []
            if !state.pipeline.columnChosen, let first = state.pipeline.columns.firstIndex(where: { !$0.dealIDs.isEmpty }) {
                state.pipeline.board = KanbanState(column: first)
                state.pipeline.board.columnOffset = first
            }
            PipelineBoard.keepVisible(&state)
        case .table:
            (state.pipeline.rows, tally) = PipelineTable.rows(state)
            state.pipeline.tableCursor.clamp(count: state.pipeline.rows.count, visible: PipelineTable.visibleRows(state))
        }
        state.pipeline.dealCount = tally.count
        state.pipeline.overdueIDs = tally.overdue
    }

    private static func resort(_ state: inout AppState) {
        let selected = state.pipeline.selectedDealID
        state.pipeline.rows = PipelineTable.rows(state).rows
        if let selected { select(selected, &state) }
    }

    /// Puts the cursor on `dealID` in the current view if it is shown there.
    public static func select(_ dealID: RecordID, _ state: inout AppState) {
        switch state.pipeline.mode {
        case .board:
            for (column, entry) in state.pipeline.columns.enumerated() {
                guard let card = entry.dealIDs.firstIndex(of: dealID) else { continue }
                state.pipeline.board.column = column
                state.pipeline.board.card = card
                state.pipeline.columnChosen = true
                PipelineBoard.keepVisible(&state)
                return
            }
        case .table:
            guard let row = state.pipeline.rows.firstIndex(of: dealID) else { return }
            state.pipeline.tableCursor.selected = row
            state.pipeline.tableCursor.clamp(count: state.pipeline.rows.count, visible: PipelineTable.visibleRows(state))
        }
    }

    /// `c`: a picker of campaigns (plus "All campaigns") that filters the pipeline.
    static func chooseCampaign(_ state: inout AppState) {
        func deals(_ count: Int) -> String { "\(count) deal\(count == 1 ? "" : "s")" }
        let all = PickerItem(id: "", title: "All campaigns", detail: deals(state.workspace.dealCount))
        let campaigns = state.workspace.campaigns.values.sorted { ($0.archived ? 1 : 0, $0.name) < ($1.archived ? 1 : 0, $1.name) }
        let items = [all] + campaigns.map { campaign in
            PickerItem(id: campaign.id.rawValue, title: campaign.name,
                       detail: "\(campaign.brand) · \(campaign.status.displayName) · \(deals(state.workspace.dealIDs(ofCampaign: campaign.id).count))")
        }
        let picker = Picker(title: "Pipeline of campaign", items: items, selected: state.pipeline.campaignFilter?.rawValue ?? "",
                            state: state) { item, state in
            state.pipeline.campaignFilter = item.id.isEmpty ? nil : RecordID(rawValue: item.id)
            state.pipeline.board = KanbanState()
            state.pipeline.columnChosen = false
            state.pipeline.tableCursor = ListCursor()
            refresh(&state)
            return []
        }
        state.overlays.append(.custom(picker))
    }

    /// The board or table area: the main area below the header line.
    static func contentArea(_ size: Size) -> Rect { AppLayout.main(size).inset(top: 1) }

    static func emptyText(_ state: AppState) -> String {
        state.workspace.dealCount == 0 ? "No deals yet. Press n to add one." : "No deals here. c shows another campaign or all."
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        renderHeader(state, into: &buffer, area: area.row(0), theme: theme)
        let content = area.inset(top: 1)
        guard !content.isEmpty else { return }
        switch state.pipeline.mode {
        case .board:
            PipelineBoard.render(state, into: &buffer, area: content, theme: theme)
        case .table:
            PipelineTable.render(state, into: &buffer, area: content, theme: theme)
        }
    }

    private static func renderHeader(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let pipeline = state.pipeline
        let scope = pipeline.campaignFilter.flatMap { state.workspace.campaigns[$0] }.map { "\($0.name) (\($0.brand))" }
            ?? "All campaigns"
        let owner = OwnerActions.scopeTag(state).map { " · \($0)" } ?? ""
        var used = buffer.write("Pipeline · \(scope)\(owner) · \(pipeline.dealCount) deal\(pipeline.dealCount == 1 ? "" : "s")",
                                x: area.x, y: area.y, maxWidth: area.width, style: theme.title)
        if !pipeline.overdueIDs.isEmpty {
            used += buffer.write(" · \(pipeline.overdueIDs.count) overdue", x: area.x + used, y: area.y,
                                 maxWidth: area.width - used, style: theme.overdue)
        }
        var notes: [String] = []
        if pipeline.dealCount == 0, pipeline.mode == .board { notes.append(emptyText(state)) }
        if pipeline.mode == .table { notes.append("sorted by \(pipeline.sortField.title.lowercased())") }
        if !pipeline.showSideExits { notes.append("side exits hidden") }
        if !notes.isEmpty {
            buffer.write(" · " + notes.joined(separator: " · "), x: area.x + used, y: area.y, maxWidth: area.width - used,
                         style: theme.muted)
        }
    }
}
