import TerminalUI

/// Selection plus scroll offset of a list, moved by `update` with the page height known from the layout,
/// so the view (which cannot mutate state) draws exactly what the state says.
public struct ListCursor: Sendable, Hashable {
    public var selected: Int = 0
    public var offset: Int = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves by `delta` rows within `count`, keeping the selection inside `visible` rows.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        selected = count == 0 ? 0 : min(max(0, selected + delta), count - 1)
        clamp(count: count, visible: visible)
    }

    /// Jumps to the first (`gg`) or last (`G`) row.
    public mutating func jump(toFirst first: Bool, count: Int, visible: Int) {
        selected = first ? 0 : max(0, count - 1)
        clamp(count: count, visible: visible)
    }

    /// Keeps the selection valid and visible after the rows or the screen size changed.
    public mutating func clamp(count: Int, visible: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        let page = max(1, visible)
        offset = min(max(0, offset), max(0, count - page))
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
    }

    /// The widget state for rendering; `hasRows` false draws no highlight.
    public func selection(hasRows: Bool) -> SelectionState {
        SelectionState(selected: hasRows ? selected : nil, offset: offset)
    }
}
