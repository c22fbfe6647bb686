/// Plain and styled text views of a buffer, used by tests and screenshots.
extension Buffer {
    /// Each row as plain text, trailing spaces kept, continuation cells skipped.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x: x, y: y].isContinuation {
                line.append(self[x: x, y: y].character)
            }
            return line
        }
    }

    /// The whole screen as text, rows joined by newlines and trailing spaces trimmed.
    public func text() -> String {
        lines().map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// Rows with style changes marked inline, e.g. `<b,r>Name</> rest`, so tests can assert on styling.
    public func styledLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            var current = Style.plain
            for x in 0..<width {
                let cell = self[x: x, y: y]
                if cell.isContinuation { continue }
                if cell.style != current {
                    if current != .plain { line += "</>" }
                    if cell.style != .plain { line += "<" + Self.describe(cell.style) + ">" }
                    current = cell.style
                }
                line.append(cell.character)
            }
            if current != .plain { line += "</>" }
            return line
        }
    }

    private static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if case .indexed(let n) = style.foreground { parts.append("fg\(n)") }
        if case .indexed(let n) = style.background { parts.append("bg\(n)") }
        let names: [(TextAttributes, String)] = [(.bold, "b"), (.dim, "d"), (.underline, "u"), (.reverse, "r")]
        for (attribute, name) in names where style.attributes.contains(attribute) { parts.append(name) }
        return parts.joined(separator: ",")
    }
}
