import ReachCore
import TerminalUI

/// Which part of the Roster has the keys.
public enum RosterFocus: Sendable, Hashable {
    case table
    /// The detail pane (beside or below the table, or full screen on small terminals).
    case detail
}

/// The Roster's filter, sort, search and selection; `rows` is derived from the workspace and these.
public struct RosterState: Sendable {
    public var filter = RosterFilter()
    public var sortColumn: RosterColumn = .name
    public var ascending = true
    public var search = TextFieldState()
    /// Typing into the search field (keys go to the field).
    public var isSearching = false
    /// Creator ids in display order after filter, search and sort.
    public var rows: [RecordID] = []
    public var cursor = ListCursor()
    public var focus: RosterFocus = .table
    public var detailScroll = ScrollState()

    public init() {}

    public var selectedID: RecordID? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }
}
