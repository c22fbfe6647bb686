/// One card on a kanban board: up to three short lines (e.g. name, amount, due date).
public struct KanbanCard: Sendable, Hashable {
    public var lines: [String]
    public var style: Style?
    public init(_ lines: [String], style: Style? = nil) { self.lines = lines; self.style = style }

    /// Rows the card takes: one to three.
    var height: Int { min(3, max(1, lines.count)) }
}

/// One kanban column (a pipeline stage) with its cards.
public struct KanbanColumn: Sendable, Hashable {
    public var title: String
    public var cards: [KanbanCard]
    public init(_ title: String, cards: [KanbanCard]) { self.title = title; self.cards = cards }
}

/// Which card is selected and how the board is scrolled; owned by the caller.
public struct KanbanState: Sendable, Hashable {
    public var column: Int
    public var card: Int
    /// First visible column, adjusted at render time to keep the selected column visible.
    public var columnOffset: Int = 0
    /// First visible card in the selected column.
    public var cardOffset: Int = 0

    public init(column: Int = 0, card: Int = 0) {
        self.column = column
        self.card = card
    }

    /// Moves the selection by columns and cards, clamped to the board (`cardCounts[i]` cards in column i).
    public mutating func move(columns deltaColumns: Int = 0, cards deltaCards: Int = 0, cardCounts: [Int]) {
        guard !cardCounts.isEmpty else { column = 0; card = 0; return }
        let previousColumn = column
        column = min(max(0, column + deltaColumns), cardCounts.count - 1)
        if column != previousColumn { cardOffset = 0 }
        card = min(max(0, card + deltaCards), max(0, cardCounts[column] - 1))
    }
}

/// A pipeline board: columns side by side with title and count, cards stacked, scrolling horizontally
/// when columns don't fit and vertically within the selected column.
public struct Kanban: Sendable {
    public var columns: [KanbanColumn]
    public var minColumnWidth: Int
    public var theme: Theme

    public init(_ columns: [KanbanColumn], minColumnWidth: Int = 22, theme: Theme = .monochrome) {
        self.columns = columns
        self.minColumnWidth = max(3, minColumnWidth)
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect, state: inout KanbanState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty, !columns.isEmpty else { return }
        state.move(cardCounts: columns.map(\.cards.count))
        let visible = min(columns.count, max(1, (area.width + 1) / (minColumnWidth + 1)))
        state.columnOffset = Scrolling.offset(current: state.columnOffset, selected: state.column,
                                              visible: visible, count: columns.count)
        let rects = area.split(.horizontal, Array(repeating: .fill(1), count: visible), spacing: 1)
        for (slot, rect) in rects.enumerated() {
            let index = state.columnOffset + slot
            var title = "\(columns[index].title) (\(columns[index].cards.count))"
            if slot == 0 && state.columnOffset > 0 { title = "◀ " + title }
            if slot == visible - 1 && index < columns.count - 1 { title += " ▶" }
            let selected = index == state.column
            let block = Block(title: title, titleStyle: selected ? theme.title : theme.header,
                              borderStyle: selected ? theme.focusedBorder : theme.border)
            block.render(into: &buffer, area: rect)
            var cardOffset = 0
            if selected {
                state.cardOffset = cardOffsetKeepingVisible(columns[index].cards, state: state, height: block.inner(rect).height)
                cardOffset = state.cardOffset
            }
            renderCards(columns[index].cards, from: cardOffset, selectedCard: selected ? state.card : nil,
                        into: &buffer, area: block.inner(rect))
        }
    }

    /// The first visible card so the selected one fits, counting one blank row between cards.
    private func cardOffsetKeepingVisible(_ cards: [KanbanCard], state: KanbanState, height: Int) -> Int {
        guard !cards.isEmpty else { return 0 }
        var offset = min(state.cardOffset, state.card)
        func rowsNeeded(from start: Int) -> Int {
            cards[start...state.card].reduce(0) { $0 + $1.height + 1 } - 1
        }
        while offset < state.card && rowsNeeded(from: offset) > height { offset += 1 }
        return offset
    }

    private func renderCards(_ cards: [KanbanCard], from offset: Int, selectedCard: Int?,
                             into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var y = area.y
        for index in cards.indices.dropFirst(offset) {
            let card = cards[index]
            guard y + card.height <= area.maxY else {
                let hidden = cards.count - index
                buffer.write("… \(hidden) more", x: area.x, y: area.maxY - 1, maxWidth: area.width, style: theme.muted)
                return
            }
            let isSelected = index == selectedCard
            let base = card.style ?? theme.normal
            let style = isSelected ? base.adding(theme.selected.attributes) : base
            let cardRect = Rect(x: area.x, y: y, width: area.width, height: card.height)
            if isSelected { buffer.fill(cardRect, style: style) }
            for (row, line) in card.lines.prefix(3).enumerated() {
                let lineStyle = row == 0 ? style.adding(.bold) : style
                buffer.write(line, x: area.x, y: y + row, maxWidth: area.width, style: lineStyle)
            }
            y += card.height + 1
        }
    }
}
