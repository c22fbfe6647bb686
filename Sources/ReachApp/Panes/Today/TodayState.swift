import ReachCore

/// The Today list: items from `Today.items`, grouped, with a cursor over the items (headers are not selectable).
public struct TodayState: Sendable {
    /// Every owner's items in the screen's order (by heading, then most urgent first): what the owner scope filters,
    /// and, for everyone's, the shown list itself.
    public var everyone: [TodayItem] = []
    /// `everyone` holds only the items the owner scope shows (a start's first frame, `TodayPane.firstFrame`).
    var everyoneIsPartial = false
    /// Items in display order (group by group, most urgent first inside a group).
    public var items: [TodayItem] = []
    /// Display rows: group headers and items.
    public var rows = TodayRows()
    public var cursor = ListCursor()
    /// First visible display row (headers included).
    public var rowOffset = 0

    public init() {}

    /// The selected item's deal.
    public var selectedDealID: RecordID? { items.indices.contains(cursor.selected) ? items[cursor.selected].dealID : nil }
}

/// The Today list's lines: each heading, then its items. Made from how many items each heading has, so no line is
/// stored (233,000 lines of everyone's Today were 3.7 MB).
public struct TodayRows: RandomAccessCollection, Equatable, Sendable {
    private struct Heading: Equatable, Sendable {
        let group: TodayGroup
        let count: Int
    }

    /// The headings with items, in order.
    private var headings: [Heading] = []
    public private(set) var endIndex = 0

    public init() {}

    /// The lines of `items`, which are in the screen's order (`TodayOrder.screen`).
    init(_ items: [TodayItem]) {
        var counts = Array(repeating: 0, count: TodayGroup.allCases.count)
        for item in items { counts[TodayGroup(item.kind).rawValue] += 1 }
        headings = TodayGroup.allCases.compactMap { counts[$0.rawValue] > 0 ? Heading(group: $0, count: counts[$0.rawValue]) : nil }
        endIndex = items.count + headings.count
    }

    public var startIndex: Int { 0 }

    public subscript(line: Int) -> TodayRow {
        precondition(indices.contains(line), "Today line \(line) of \(endIndex)")
        var line = line, first = 0
        for heading in headings {
            if line == 0 { return .header(heading.group, count: heading.count) }
            if line <= heading.count { return .item(first + line - 1) }
            line -= heading.count + 1
            first += heading.count
        }
        preconditionFailure("Today line past its headings")
    }

    /// The line that shows item `index`.
    func line(ofItem index: Int) -> Int? {
        var first = 0, line = 0
        for heading in headings {
            if index >= first, index < first + heading.count { return line + 1 + index - first }
            first += heading.count
            line += heading.count + 1
        }
        return nil
    }
}

/// One line of the Today list.
public enum TodayRow: Sendable, Hashable {
    case header(TodayGroup, count: Int)
    /// Index into `TodayState.items`.
    case item(Int)
}
