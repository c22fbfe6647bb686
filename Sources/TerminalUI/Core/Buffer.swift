/// How text that is too wide for its space is shortened.
public enum Truncation: Sendable {
    /// Cut at the edge.
    case clip
    /// Cut and end with `…` so the reader knows something is missing.
    case ellipsis
}

/// The grid of cells that widgets draw into; the terminal backend shows it by writing only what changed.
public struct Buffer: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (e.g. inside a focused text field), or nil to hide it.
    public var cursor: Point?

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(" ", style: style), count: self.width * self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    /// The whole buffer as a rect, the usual starting point for layout.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public var size: Size { Size(width: width, height: height) }

    /// The cell at a position; a blank for positions outside the buffer.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Places one glyph, clearing any wide glyph it overlaps so no half-glyph is ever left behind.
    /// A wide glyph that would cross `limit` (or the buffer edge) is replaced by a space.
    mutating func put(_ glyph: Glyph, x: Int, y: Int, style: Style, limit: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let edge = min(limit, width)
        guard x < edge else { return }
        let wide = glyph.width == 2 && x + 1 < edge
        let index = y * width + x
        clearOverlap(at: index, x: x)
        if glyph.width == 2 && !wide {
            cells[index] = Cell(" ", width: 1, style: style)
            return
        }
        cells[index] = Cell(glyph.character, width: UInt8(wide ? 2 : 1), style: style)
        if wide {
            clearOverlap(at: index + 1, x: x + 1)
            cells[index + 1] = Cell(" ", width: 0, style: style)
        }
    }

    /// Blanks the other half of a wide glyph that the cell at `index` belongs to.
    private mutating func clearOverlap(at index: Int, x: Int) {
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if cell.width == 2, x + 1 < width {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// Writes text on one row starting at (x, y), using at most `maxWidth` columns; returns columns used.
    /// The text is sanitised, so control characters and escape sequences appear as visible placeholders.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, maxWidth: Int, style: Style = .plain, truncation: Truncation = .ellipsis
    ) -> Int {
        guard maxWidth > 0, y >= 0, y < height, x < width else { return 0 }
        return write(Sanitizer.glyphs(text, beyond: maxWidth), x: x, y: y, maxWidth: maxWidth, style: style, truncation: truncation)
    }

    /// Writes already-sanitised glyphs; see `write(_:x:y:maxWidth:style:truncation:)`.
    @discardableResult
    public mutating func write(
        _ glyphs: [Glyph], x: Int, y: Int, maxWidth: Int, style: Style = .plain, truncation: Truncation = .ellipsis
    ) -> Int {
        guard maxWidth > 0, y >= 0, y < height, x < width else { return 0 }
        let limit = x + maxWidth
        var total = 0
        if truncation == .ellipsis {
            total = glyphs.reduce(0) { $0 + $1.width }
        }
        let needsEllipsis = truncation == .ellipsis && total > maxWidth
        let textLimit = needsEllipsis ? limit - 1 : limit
        var column = x
        for glyph in glyphs {
            if column + glyph.width > textLimit {
                // A wide glyph that does not fit leaves a padding space rather than half a glyph.
                if column < textLimit { put(Glyph(" ", width: 1), x: column, y: y, style: style, limit: limit); column += 1 }
                break
            }
            if column >= 0 {
                put(glyph, x: column, y: y, style: style, limit: textLimit)
            }
            column += glyph.width
        }
        if needsEllipsis {
            put(Glyph("…", width: 1), x: column, y: y, style: style, limit: limit)
            column += 1
        }
        return max(0, column - x)
    }

    /// Fills a rect (clipped to the buffer) with a character and style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let glyph = Glyph(character, width: 1)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                put(glyph, x: x, y: y, style: style, limit: clipped.maxX)
            }
        }
    }

    /// Changes the style of every cell in a rect without touching its text (e.g. to highlight a selected row).
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// Adds attributes to every cell in a rect, keeping colours (e.g. reverse for a selection).
    public mutating func addAttributes(_ rect: Rect, _ attributes: TextAttributes) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x].style.attributes.formUnion(attributes)
            }
        }
    }
}
