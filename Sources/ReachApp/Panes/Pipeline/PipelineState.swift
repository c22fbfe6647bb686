import ReachCore
import TerminalUI

/// One column of the board: a main stage, or all side exits collapsed into one.
public struct PipelineColumn: Sendable, Hashable {
    public var title: String
    public var stages: [StageKey]
    public var isSideExits: Bool
    /// Deals in display order: overdue and soonest next action first, then longest in stage.
    public var dealIDs: [RecordID]
}

/// The Pipeline tab: board or table, the campaign filter, selections, and the rows derived from the workspace.
public struct PipelineState: Sendable {
    /// Kanban columns by stage, or one sortable row per deal.
    public enum Mode: Sendable, Hashable { case board, table }

    public var mode: Mode = .board
    /// Only this campaign's deals; nil shows every campaign.
    public var campaignFilter: RecordID?
    /// Side exits (Declined, Rejected, Lost) as a last column / as table rows.
    public var showSideExits = true
    public var board = KanbanState()
    /// The user picked the board column (h/l, or a deal was selected); until then the board opens on the first
    /// column with deals rather than on an empty Prospect column.
    public var columnChosen = false
    /// Board columns (derived).
    public var columns: [PipelineColumn] = []
    /// Table rows in sort order (derived, only while the table is shown).
    public var rows: [RecordID] = []
    public var tableCursor = ListCursor()
    public var sortField: PipelineField = .due
    public var ascending = true
    /// Deals shown, and those of them whose next action is overdue (derived, for the header).
    public var dealCount = 0
    public var overdueIDs: Set<RecordID> = []

    public init() {}

    /// The deal under the cursor in the current view.
    public var selectedDealID: RecordID? {
        switch mode {
        case .board:
            guard columns.indices.contains(board.column) else { return nil }
            let ids = columns[board.column].dealIDs
            return ids.indices.contains(board.card) ? ids[board.card] : nil
        case .table:
            return rows.indices.contains(tableCursor.selected) ? rows[tableCursor.selected] : nil
        }
    }
}
