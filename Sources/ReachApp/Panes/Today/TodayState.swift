import ReachCore

/// The Today list: items from `Today.items`, grouped, with a cursor over the items (headers are not selectable).
public struct TodayState: Sendable {
    /// Every owner's items, most urgent first: what the owner scope filters.
    public var everyone: [TodayItem] = []
    /// `everyone` holds only the items the owner scope shows (a start's first frame, `TodayPane.firstFrame`).
    var everyoneIsPartial = false
    /// Items in display order (group by group, most urgent first inside a group).
    public var items: [TodayItem] = []
    /// Display rows: group headers and items.
    public var rows: [TodayRow] = []
    public var cursor = ListCursor()
    /// First visible display row (headers included).
    public var rowOffset = 0

    public init() {}

    /// The selected item's deal.
    public var selectedDealID: RecordID? { items.indices.contains(cursor.selected) ? items[cursor.selected].dealID : nil }
}

/// One line of the Today list.
public enum TodayRow: Sendable, Hashable {
    case header(TodayGroup, count: Int)
    /// Index into `TodayState.items`.
    case item(Int)
}
