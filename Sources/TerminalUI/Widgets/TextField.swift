/// Draws a `TextFieldState` on one row, scrolling horizontally so the cursor stays visible.
public struct TextField: Sendable {
    public var placeholder: String
    public var focused: Bool
    public var style: Style
    public var placeholderStyle: Style

    public init(placeholder: String = "", focused: Bool = true, style: Style = Style(attributes: .underline),
                placeholderStyle: Style = Style(attributes: .dim)) {
        self.placeholder = placeholder
        self.focused = focused
        self.style = style
        self.placeholderStyle = placeholderStyle
    }

    /// Renders the field and, when focused, sets `buffer.cursor` to the cursor cell.
    public func render(into buffer: inout Buffer, area: Rect, state: inout TextFieldState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        // Each cluster's glyphs were made when it was typed or pasted (`TextFieldClusters`): a frame only adds up
        // widths, and draws the glyphs that are in view.
        let clusters = state.clusters.clusters
        let cursorColumn = state.clusters.column(of: state.cursor)
        let column = cursorColumn + clusters[state.cursor...].reduce(0) { $0 + $1.width }
        if state.text.isEmpty, !placeholder.isEmpty {
            buffer.write(placeholder, x: row.x, y: row.y, maxWidth: row.width, style: placeholderStyle)
        }
        // Keep one column free at the right for the cursor after the last character.
        if cursorColumn < state.scroll { state.scroll = cursorColumn }
        if cursorColumn >= state.scroll + row.width { state.scroll = cursorColumn - row.width + 1 }
        state.scroll = max(0, min(state.scroll, max(0, column + 1 - row.width)))
        var start = 0
        drawing: for cluster in clusters {
            guard start + cluster.width > state.scroll else {
                start += cluster.width
                continue
            }
            for glyph in cluster.glyphs {
                defer { start += glyph.width }
                let visibleStart = start - state.scroll
                if visibleStart < 0 {
                    // A wide glyph cut by the left edge shows as padding, never as half a glyph.
                    if visibleStart + glyph.width > 0 {
                        buffer.put(Glyph(" ", width: 1), x: row.x, y: row.y, style: style, limit: row.maxX)
                    }
                    continue
                }
                guard visibleStart < row.width else { break drawing }
                buffer.put(glyph, x: row.x + visibleStart, y: row.y, style: style, limit: row.maxX)
            }
        }
        if focused {
            buffer.cursor = Point(x: row.x + min(cursorColumn - state.scroll, row.width - 1), y: row.y)
        }
    }
}
