/// Scrollable, word-wrapped text (notes, activity details, error reports).
public struct TextViewer: Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Lines of `text` wrapped at word boundaries to `width` columns; `\n` starts a new line, tabs become spaces.
    /// Returned lines are already sanitised.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let expanded = paragraph.replacing("\t", with: "    ").replacing("\r", with: "")
            lines.append(contentsOf: wrapParagraph(Sanitizer.glyphs(String(expanded)), width: width))
        }
        return lines
    }

    /// Greedy word wrap over glyphs; words longer than a line are split between graphemes.
    private static func wrapParagraph(_ glyphs: [Glyph], width: Int) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        var word: [Glyph] = [], wordWidth = 0
        func flushWord() {
            if lineWidth > 0 && lineWidth + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
                // A space that starts a wrapped line is dropped.
                if word.first?.character == " " { word.removeFirst(); wordWidth -= 1 }
            }
            for glyph in word {
                if lineWidth + glyph.width > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(glyph.character)
                lineWidth += glyph.width
            }
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
        }
        for glyph in glyphs {
            if glyph.character == " " { flushWord() }
            word.append(glyph)
            wordWidth += glyph.width
        }
        flushWord()
        lines.append(line)
        return lines
    }

    /// Draws the wrapped text from `scroll.offset`, clamping the offset to the content.
    public func render(into buffer: inout Buffer, area: Rect, scroll: inout ScrollState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let lines = Self.wrap(text, width: area.width)
        scroll.offset = min(max(0, scroll.offset), max(0, lines.count - area.height))
        for (row, line) in lines.dropFirst(scroll.offset).prefix(area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + row, maxWidth: area.width, style: style)
        }
    }
}
