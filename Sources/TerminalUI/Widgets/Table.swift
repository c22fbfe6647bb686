/// One table column: header title, width rule and alignment.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint = .fill(1), alignment: Alignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Which column the rows are sorted by, shown as ▲/▼ in its header.
public struct SortIndicator: Sendable, Hashable {
    public var column: Int
    public var ascending: Bool
    public init(column: Int, ascending: Bool) { self.column = column; self.ascending = ascending }
}

/// Selection and scroll position of a table or list, owned by the caller so it survives redraws.
public struct SelectionState: Sendable, Hashable {
    public var selected: Int?
    /// First visible row; adjusted at render time to keep the selection visible.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows (e.g. ±1, ± page height), clamped to `count` rows.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = nil; return }
        selected = min(max(0, (selected ?? 0) + delta), count - 1)
    }

    /// Selects the first (`gg`) or last (`G`) row.
    public mutating func select(first: Bool, count: Int) {
        selected = count == 0 ? nil : (first ? 0 : count - 1)
    }
}

/// A virtualised table: it asks for the visible rows only, so a million rows cost the same as fifty.
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// Cell texts for one row; called only for rows on screen.
    public var row: (Int) -> [String]
    /// Optional style for a whole row (e.g. overdue); nil uses the normal style.
    public var rowStyle: ((Int) -> Style?)?
    public var sort: SortIndicator?
    public var theme: Theme
    public var showsHeader: Bool

    public init(columns: [TableColumn], rowCount: Int, sort: SortIndicator? = nil, theme: Theme = .monochrome,
                showsHeader: Bool = true, rowStyle: ((Int) -> Style?)? = nil, row: @escaping (Int) -> [String]) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.sort = sort
        self.theme = theme
        self.showsHeader = showsHeader
        self.rowStyle = rowStyle
        self.row = row
    }

    /// Rows that fit in `area` below the header; useful for page-up/down step sizes.
    public func visibleRowCount(in area: Rect) -> Int { max(0, area.height - (showsHeader ? 1 : 0)) }

    public func render(into buffer: inout Buffer, area: Rect, state: inout SelectionState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let widths = Layout.sizes(total: area.width, constraints: columns.map(\.width), spacing: 1)
        var y = area.y
        if showsHeader {
            var x = area.x
            for (index, column) in columns.enumerated() {
                var title = column.title
                if let sort, sort.column == index { title += sort.ascending ? " ▲" : " ▼" }
                buffer.write(title, x: x, y: y, width: widths[index], alignment: column.alignment, style: theme.header)
                x += widths[index] + 1
            }
            y += 1
        }
        let visible = area.maxY - y
        if let selected = state.selected { state.selected = rowCount == 0 ? nil : min(max(0, selected), rowCount - 1) }
        state.offset = Scrolling.offset(current: state.offset, selected: state.selected, visible: visible, count: rowCount)
        let last = min(rowCount, state.offset + visible)
        guard state.offset < last else { return }
        for index in state.offset..<last {
            let isSelected = index == state.selected
            let base = rowStyle?(index) ?? theme.normal
            let style = isSelected ? base.adding(theme.selected.attributes) : base
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            let texts = row(index)
            var x = area.x
            for (column, width) in zip(columns.indices, widths) {
                if column < texts.count {
                    buffer.write(texts[column], x: x, y: y, width: width, alignment: columns[column].alignment, style: style)
                }
                x += width + 1
            }
            y += 1
        }
    }
}
