/// The bottom line: key hints on the left (dropped from the end when they don't fit) and a message on the right.
public struct StatusBar: Widget, Sendable {
    public var hints: [KeyHint]
    public var message: String?
    public var messageStyle: Style?
    public var theme: Theme

    public init(hints: [KeyHint], message: String? = nil, messageStyle: Style? = nil, theme: Theme = .monochrome) {
        self.hints = hints
        self.message = message
        self.messageStyle = messageStyle
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: theme.statusBar)
        let messageWidth = message.map { min(DisplayWidth.of($0), area.width) } ?? 0
        // The message wins: it is usually an error or confirmation the user must see.
        var x = row.x
        let hintsEnd = row.maxX - (messageWidth > 0 ? messageWidth + 1 : 0)
        for hint in hints {
            let width = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            let gap = x == row.x ? 0 : 2
            guard x + gap + width <= hintsEnd else { break }
            x += gap
            x += buffer.write(hint.key, x: x, y: row.y, maxWidth: width, style: theme.keyHint)
            x += 1
            x += buffer.write(hint.label, x: x, y: row.y, maxWidth: hintsEnd - x, style: theme.statusBar)
        }
        if let message, messageWidth > 0 {
            buffer.write(message, x: row.maxX - messageWidth, y: row.y, width: messageWidth,
                         alignment: .trailing, style: messageStyle ?? theme.statusBar)
        }
    }
}
