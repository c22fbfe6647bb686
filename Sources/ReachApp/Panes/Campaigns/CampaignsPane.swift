import Foundation
import ReachCore
import TerminalUI

/// The Campaigns tab: the campaigns with budget and progress, and the selected one's dashboard (beside the list
/// on wide screens, instead of it on narrow ones).
public enum CampaignsPane: Pane {
    /// From this width the dashboard is drawn beside the list.
    static let sideBySideWidth = 150

    public static func keymap(_ state: AppState) -> [KeySection] {
        let campaign = KeySection("Campaign", [
            KeyBinding(chars: "n", help: "New campaign", hint: true) { state in
                CampaignForm.open(editing: nil, &state)
                return []
            },
            KeyBinding(chars: "e", help: "Edit campaign", hint: true) { state in
                if let id = state.campaigns.selectedID { CampaignForm.open(editing: id, &state) }
                return []
            },
            KeyBinding(chars: "B", help: "Edit brief and target audience", run: editBrief),
            KeyBinding(chars: "T", help: "Edit KPI targets") { state in
                if let id = state.campaigns.selectedID { CampaignForm.openTargets(id, &state) }
                return []
            },
            KeyBinding(chars: "N", help: "New deal in this campaign") { state in
                DealForm.openNew(campaignID: state.campaigns.selectedID, &state)
                return []
            },
            KeyBinding(chars: "p", help: "Pipeline of this campaign") { state in
                guard let id = state.campaigns.selectedID else { return [] }
                showPipeline(of: id, &state)
                return []
            },
            KeyBinding(chars: "z", help: "Archive / unarchive campaign") { state in
                guard let id = state.campaigns.selectedID, let campaign = state.workspace.campaigns[id] else { return [] }
                return Edits.toggleArchived(.campaign(campaign), &state)
            },
            KeyBinding(chars: "y", help: "Copy report (Markdown, to paste into an email)", run: copyReport),
        ])
        if state.campaigns.showsDashboard {
            var dashboard = dashboardSection
            // Beside the figures the brief is already in view; below them it is a jump away.
            if !CampaignDashboardView.isBriefBeside(width: dashboardArea(state).width) { dashboard.bindings.append(jumpToBrief) }
            return [dashboard, campaign]
        }
        return [
            ListNavigation.section(cursor: \AppState.campaigns.cursor, count: { $0.campaigns.rows.count },
                                   visible: listRows, didMove: listMoved),
            KeySection("Campaigns", [
                KeyBinding(keys: [KeyEvent(.enter)], "Open dashboard", hint: true) { state in
                    guard state.campaigns.selectedID != nil else { return [] }
                    state.campaigns.showsDashboard = true
                    state.campaigns.dashboardScroll = ScrollState()
                    return []
                },
            ]),
            campaign,
        ]
    }

    static let dashboardSection: KeySection = {
        @Sendable func scroll(_ delta: @escaping @Sendable (Int) -> Int) -> @Sendable (inout AppState) -> [Effect] {
            { state in
                let height = max(1, dashboardArea(state).height)
                let content = dashboardHeight(state)
                let target = delta(height) + state.campaigns.dashboardScroll.offset
                state.campaigns.dashboardScroll.offset = min(max(0, target), max(0, content - height))
                return []
            }
        }
        return KeySection("Dashboard", [
            KeyBinding(keys: [KeyEvent(.escape)], "Back to the list", hint: true) { state in
                state.campaigns.showsDashboard = false
                return []
            },
            KeyBinding(keys: [.char("j"), KeyEvent(.down)], "Scroll down", run: scroll { _ in 1 }),
            KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Scroll up", run: scroll { _ in -1 }),
            KeyBinding(keys: [.ctrl("d"), KeyEvent(.pageDown)], "Page down", run: scroll { $0 - 1 }),
            KeyBinding(keys: [.ctrl("u"), KeyEvent(.pageUp)], "Page up", run: scroll { 1 - $0 }),
            KeyBinding([[.char("g"), .char("g")], [KeyEvent(.home)]], "Top", run: scroll { _ in -1_000_000 }),
            KeyBinding(keys: [.char("G"), KeyEvent(.end)], "Bottom", run: scroll { _ in 1_000_000 }),
        ])
    }()

    /// `b` on a narrow campaign page: to the brief below the figures, and from there back to the top.
    static let jumpToBrief = KeyBinding(chars: "b", help: "Brief (again: back to the top)") { state in
        guard let canvas = dashboardCanvas(state) else { return [] }
        let row = min(canvas.briefRow, max(0, canvas.buffer.height - dashboardArea(state).height))
        state.campaigns.dashboardScroll.offset = state.campaigns.dashboardScroll.offset == row ? 0 : row
        return []
    }

    /// `B` and the palette: the selected campaign's brief form.
    @Sendable static func editBrief(_ state: inout AppState) -> [Effect] {
        if let id = state.campaigns.selectedID { BriefForm.open(id, &state) }
        return []
    }

    public static func commands(_ state: AppState) -> [PaletteCommand] {
        [
            PaletteCommand("New campaign") { state in
                GlobalKeys.switchTab(.campaigns, &state)
                CampaignForm.open(editing: nil, &state)
                return []
            },
            PaletteCommand("Jump to campaign…") { state in
                jumpToCampaign(&state)
                return []
            },
        ] + (state.campaigns.selectedID.flatMap { state.workspace.campaigns[$0] }.map { campaign in
            [PaletteCommand("Copy campaign report: \(campaign.name)", key: "y", run: copyReport),
             PaletteCommand("Edit brief: \(campaign.name)", key: "B", run: editBrief)]
        } ?? [])
    }

    /// `y` and the palette: the selected campaign's report onto the clipboard.
    @Sendable static func copyReport(_ state: inout AppState) -> [Effect] {
        CampaignReportCopy.selected(state).map { [.copyCampaignReport($0)] } ?? []
    }

    public static func workspaceChanged(_ state: inout AppState) {
        let selected = state.campaigns.selectedID
        state.campaigns.rows = state.workspace.campaigns.values.sorted { a, b in
            (a.archived ? 1 : 0, statusRank(a.status), a.name, a.id) < (b.archived ? 1 : 0, statusRank(b.status), b.name, b.id)
        }.map(\.id)
        if let selected, let index = state.campaigns.rows.firstIndex(of: selected) { state.campaigns.cursor.selected = index }
        state.campaigns.cursor.clamp(count: state.campaigns.rows.count, visible: listRows(state))
        if state.campaigns.rows.isEmpty { state.campaigns.showsDashboard = false }
        state.campaigns.spent = [:]
        selectionMoved(&state)
    }

    /// Deals or campaigns changed: only their campaigns' figures are dropped (all of them when a deal was removed,
    /// since its campaign is no longer known), and the dashboard is recomputed for the selected campaign.
    public static func recordsChanged(_ changes: RecordChanges, _ state: inout AppState) {
        let campaigns = changes.ids(of: .campaign)
        let deals = changes.ids(of: .deal)
        if !campaigns.isEmpty {
            workspaceChanged(&state)
            return
        }
        for id in deals {
            guard let campaign = state.workspace.deal(id)?.campaignID else {
                state.campaigns.spent = [:]
                break
            }
            state.campaigns.spent[campaign] = nil
        }
        selectionMoved(&state)
    }

    public static func resized(_ state: inout AppState) {
        state.campaigns.cursor.clamp(count: state.campaigns.rows.count, visible: listRows(state))
        fillSpent(&state)
    }

    /// After the selection or the rows changed: the selected campaign's dashboard and the figures of rows on screen.
    static func selectionMoved(_ state: inout AppState) {
        refreshDashboard(&state)
        fillSpent(&state)
    }

    /// After a move through the list: the figures of rows on screen now, the dashboard once the keys are handled.
    static func listMoved(_ state: inout AppState) {
        state.campaigns.dashboardIsBehind = true
        fillSpent(&state)
    }

    /// The keys typed so far are handled: a dashboard left behind by moves through the list is computed.
    static func keysHandled(_ state: inout AppState) {
        if state.campaigns.dashboardIsBehind { refreshDashboard(&state) }
    }

    /// Computes the share paid for list rows on screen that do not have it yet (`Budget.summary` of that campaign).
    static func fillSpent(_ state: inout AppState) {
        let workspace = state.workspace
        let first = state.campaigns.cursor.offset
        for id in state.campaigns.rows.dropFirst(first).prefix(listRows(state)) where state.campaigns.spent[id] == nil {
            guard let campaign = workspace.campaigns[id] else { continue }
            // From the rows: at 100k, 20 campaigns on screen have 20,000 deals, whose files the list must not read.
            let deals = workspace.dealIDs(ofCampaign: id).compactMap { workspace.dealRows[$0] }
            let summary = Budget.summary(for: campaign, deals: deals, rates: workspace.settings.workspace.currencyRates,
                                         pipeline: workspace.pipeline)
            let planned = summary.planned.minorUnits
            state.campaigns.spent[id] = .some(planned > 0 ? Int((Double(summary.paid.minorUnits) / Double(planned) * 100).rounded()) : nil)
        }
    }

    /// Active campaigns first, finished ones last.
    static func statusRank(_ status: CampaignStatus) -> Int {
        switch status {
        case .active: 0
        case .planning: 1
        case .wrappingUp: 2
        case .done: 3
        case .cancelled: 4
        }
    }

    /// Recomputes the dashboard for the selected campaign (only that one).
    static func refreshDashboard(_ state: inout AppState) {
        state.campaigns.dashboardIsBehind = false
        guard let id = state.campaigns.selectedID, let campaign = state.workspace.campaigns[id] else {
            state.campaigns.dashboard = nil
            return
        }
        if state.campaigns.dashboard?.campaignID != id { state.campaigns.dashboardScroll = ScrollState() }
        guard state.computesOffTheLoop, !state.workspace.dealsAreAtHand(ofCampaign: id) else {
            state.campaigns.dashboardReading = nil
            state.campaigns.dashboard = CampaignDashboard.make(campaign, state)
            return
        }
        state.campaigns.dashboardReading = id
    }

    /// A dashboard the runner computed off the loop: shown if its campaign is still the one waited for and the
    /// workspace is as it was when the computing began (else the runner computes it again).
    static func dashboardComputed(_ dashboard: CampaignDashboard, generation: Int, _ state: inout AppState) {
        guard state.campaigns.dashboardReading == dashboard.campaignID, generation == state.workspaceGeneration else { return }
        state.campaigns.dashboard = dashboard
        state.campaigns.dashboardReading = nil
    }

    /// Selects `id` in the list and shows its dashboard.
    public static func select(_ id: RecordID, _ state: inout AppState) {
        guard let index = state.campaigns.rows.firstIndex(of: id) else { return }
        state.campaigns.cursor.selected = index
        state.campaigns.cursor.clamp(count: state.campaigns.rows.count, visible: listRows(state))
        selectionMoved(&state)
    }

    static func jumpToCampaign(_ state: inout AppState) {
        let items = state.campaigns.rows.compactMap { id in
            state.workspace.campaigns[id].map { PickerItem(id: id.rawValue, title: $0.name, detail: "\($0.brand) · \($0.status.displayName)") }
        }
        state.overlays.append(.custom(Picker(title: "Jump to campaign", items: items, state: state) { item, state in
            GlobalKeys.switchTab(.campaigns, &state)
            select(RecordID(rawValue: item.id), &state)
            state.campaigns.showsDashboard = true
            return []
        }))
    }

    static func showPipeline(of id: RecordID, _ state: inout AppState) {
        GlobalKeys.switchTab(.pipeline, &state)
        state.pipeline.campaignFilter = id
        state.pipeline.board = KanbanState()
        state.pipeline.columnChosen = false
        state.pipeline.tableCursor = ListCursor()
        PipelinePane.refresh(&state)
    }

    // MARK: Layout

    static func isSideBySide(_ size: Size) -> Bool { size.width >= sideBySideWidth }

    /// The list's area (the whole pane when narrow, the left half when wide).
    static func listArea(_ size: Size) -> Rect {
        let main = AppLayout.main(size)
        return isSideBySide(size) ? Rect(x: main.x, y: main.y, width: main.width / 2, height: main.height) : main
    }

    static func dashboardArea(_ state: AppState) -> Rect {
        let main = AppLayout.main(state.size)
        guard isSideBySide(state.size) else { return main }
        let left = main.width / 2 + 1
        return Rect(x: main.x + left, y: main.y, width: main.width - left, height: main.height)
    }

    static func listRows(_ state: AppState) -> Int { max(1, listArea(state.size).height - 1) }

    static func dashboardHeight(_ state: AppState) -> Int { dashboardCanvas(state)?.buffer.height ?? 0 }

    /// The selected campaign's page as laid out for the dashboard's area (monochrome: for its size only).
    static func dashboardCanvas(_ state: AppState) -> CampaignDashboardView.Canvas? {
        guard let dashboard = state.campaigns.dashboard, let campaign = state.workspace.campaigns[dashboard.campaignID] else { return nil }
        return CampaignDashboardView.canvas(dashboard, campaign, state, width: dashboardArea(state).width, theme: .monochrome)
    }

    // MARK: Drawing

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        if state.workspace.campaigns.isEmpty {
            buffer.write("No campaigns yet. Press n to create one.", x: area.x, y: area.y, maxWidth: area.width, style: theme.muted)
            return
        }
        let sideBySide = isSideBySide(state.size)
        if sideBySide || !state.campaigns.showsDashboard {
            renderList(state, into: &buffer, area: listArea(state.size), theme: theme)
        }
        if sideBySide || state.campaigns.showsDashboard {
            renderDashboard(state, into: &buffer, area: dashboardArea(state), theme: theme)
        }
    }

    /// The list's columns; the dates need a wide screen.
    enum Column: CaseIterable {
        case name, brand, status, dates, budget, deals, spent

        var title: String {
            switch self {
            case .name: "Campaign"
            case .brand: "Brand"
            case .status: "Status"
            case .dates: "Dates"
            case .budget: "Budget"
            case .deals: "Deals"
            case .spent: "Spent"
            }
        }

        var width: Constraint {
            switch self {
            case .name: .fill(2)
            case .brand: .fill(1)
            case .status: .fixed(11)
            case .dates: .fixed(23)
            case .budget: .fixed(16)
            case .deals: .fixed(5)
            case .spent: .fixed(5)
            }
        }

        var alignment: Alignment { [.budget, .deals, .spent].contains(self) ? .trailing : .leading }

        /// Dates need room: from 100 columns.
        static func visible(in width: Int) -> [Column] { allCases.filter { $0 != .dates || width >= 100 } }
    }

    /// One row; the share paid comes from `fillSpent` (computed in `update` for the rows on screen).
    static func cells(_ campaign: Campaign, _ columns: [Column], _ state: AppState) -> [String] {
        columns.map { column in
            switch column {
            case .name: campaign.name + (campaign.archived ? " (archived)" : "")
            case .brand: campaign.brand
            case .status: campaign.status.displayName
            case .dates:
                campaign.startDate == nil && campaign.endDate == nil ? "—"
                    : [campaign.startDate, campaign.endDate].map { $0.map { Humanize.day($0, timeZone: state.timeZone) } ?? "…" }
                        .joined(separator: " → ")
            case .budget: campaign.budget.formatted
            case .deals: "\(state.workspace.dealIDs(ofCampaign: campaign.id).count)"
            case .spent:
                switch state.campaigns.spent[campaign.id] {
                case .some(.some(let percent)): "\(percent)%"
                case .some(.none): "—"
                case .none: "…"
                }
            }
        }
    }

    private static func renderList(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let columns = Column.visible(in: area.width)
        let rows = state.campaigns.rows
        let table = Table(columns: columns.map { TableColumn($0.title, width: $0.width, alignment: $0.alignment) },
                          rowCount: rows.count, theme: theme, rowStyle: { index in
                              guard let campaign = state.workspace.campaigns[rows[index]] else { return nil }
                              return campaign.archived || campaign.status == .done || campaign.status == .cancelled ? theme.muted : nil
                          }) { index in
            state.workspace.campaigns[rows[index]].map { cells($0, columns, state) } ?? []
        }
        var selection = state.campaigns.cursor.selection(hasRows: !rows.isEmpty)
        table.render(into: &buffer, area: area, state: &selection)
    }

    private static func renderDashboard(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        if let reading = state.campaigns.dashboardReading, state.campaigns.dashboard?.campaignID != reading,
           let campaign = state.workspace.campaigns[reading], !area.isEmpty {
            let count = state.workspace.dealIDs(ofCampaign: reading).count
            buffer.write("\(campaign.name): reading its \(count) deal\(count == 1 ? "" : "s")…", x: area.x, y: area.y,
                         maxWidth: area.width, style: theme.muted)
            return
        }
        guard let dashboard = state.campaigns.dashboard, let campaign = state.workspace.campaigns[dashboard.campaignID],
              !area.isEmpty else { return }
        let canvas = CampaignDashboardView.canvas(dashboard, campaign, state, width: area.width, theme: theme).buffer
        let offset = min(state.campaigns.dashboardScroll.offset, max(0, canvas.height - area.height))
        CampaignDashboardView.show(canvas, offset: offset, into: &buffer, area: area)
    }
}
