/// One screen cell: a grapheme cluster, the columns it covers, and its style.
///
/// A wide glyph occupies its own cell (width 2) plus a continuation cell (width 0) to its right,
/// so every column of the grid maps to exactly one cell.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var width: UInt8
    public var style: Style

    public init(_ character: Character, width: UInt8 = 1, style: Style = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell(" ")

    /// True for the right half of a wide glyph, which the terminal draws as part of its left neighbour.
    public var isContinuation: Bool { width == 0 }

    /// The same glyph spelled the same way, in the same width and style: what a frame's diff needs. `==` compares
    /// characters canonically, normalising both: a field's cluster of 50,000 combining marks, moved by one column,
    /// took milliseconds of every frame. A canonically equal glyph spelled otherwise is drawn again, harmlessly.
    func drawsSame(as other: Cell) -> Bool {
        let spelling = character.utf8, otherSpelling = other.character.utf8
        return width == other.width && style == other.style && spelling.count == otherSpelling.count
            && spelling.elementsEqual(otherSpelling)
    }
}
