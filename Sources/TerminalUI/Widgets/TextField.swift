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
        // Each stored character may display as several glyphs (a control char shows as `^[`).
        var glyphs: [Glyph] = []
        var cursorColumn = 0
        var column = 0
        // Each distinct character is sanitised once a frame: a 100 KB paste repeats few of them, and sanitising each
        // again (a string made, normalised by Foundation) held every key in the field for 26–41 ms.
        var seen: [Character: [Glyph]] = [:]
        for (index, character) in state.text.enumerated() {
            if index == state.cursor { cursorColumn = column }
            let shown: [Glyph]
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                shown = [Glyph(character, width: 1)]
            } else if let known = seen[character] {
                shown = known
            } else {
                shown = Sanitizer.glyphs(String(character))
                seen[character] = shown
            }
            for glyph in shown {
                glyphs.append(glyph)
                column += glyph.width
            }
        }
        if state.cursor >= state.text.count { cursorColumn = column }
        if state.text.isEmpty, !placeholder.isEmpty {
            buffer.write(placeholder, x: row.x, y: row.y, maxWidth: row.width, style: placeholderStyle)
        }
        // Keep one column free at the right for the cursor after the last character.
        if cursorColumn < state.scroll { state.scroll = cursorColumn }
        if cursorColumn >= state.scroll + row.width { state.scroll = cursorColumn - row.width + 1 }
        state.scroll = max(0, min(state.scroll, max(0, column + 1 - row.width)))
        var start = 0
        for glyph in glyphs {
            defer { start += glyph.width }
            let visibleStart = start - state.scroll
            if visibleStart < 0 {
                // A wide glyph cut by the left edge shows as padding, never as half a glyph.
                if visibleStart + glyph.width > 0 {
                    buffer.put(Glyph(" ", width: 1), x: row.x, y: row.y, style: style, limit: row.maxX)
                }
                continue
            }
            guard visibleStart < row.width else { break }
            buffer.put(glyph, x: row.x + visibleStart, y: row.y, style: style, limit: row.maxX)
        }
        if focused {
            buffer.cursor = Point(x: row.x + min(cursorColumn - state.scroll, row.width - 1), y: row.y)
        }
    }
}
