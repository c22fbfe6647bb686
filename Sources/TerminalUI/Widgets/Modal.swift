/// A centred dialog with a title, a wrapped message and buttons, e.g. "Delete deal? [ Delete ] [ Cancel ]".
public struct Modal: Widget, Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    /// Index of the highlighted button (the one Enter activates); the caller owns and changes it.
    public var selectedButton: Int
    public var theme: Theme
    /// Preferred outer width; the modal shrinks to fit small screens.
    public var preferredWidth: Int

    public init(title: String, message: String, buttons: [String] = ["OK"], selectedButton: Int = 0,
                theme: Theme = .monochrome, preferredWidth: Int = 50) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.theme = theme
        self.preferredWidth = preferredWidth
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let width = min(preferredWidth, area.width)
        let lines = TextViewer.wrap(message, width: max(1, width - 4))
        let height = min(area.height, lines.count + 4)
        let inner = Popup(title: title, theme: theme).render(into: &buffer, area: area, width: width, height: height)
        let content = inner.inset(horizontal: 1, vertical: 0)
        for (row, line) in lines.prefix(max(0, content.height - 2)).enumerated() {
            buffer.write(line, x: content.x, y: content.y + row, maxWidth: content.width, style: theme.normal)
        }
        guard content.height >= 1 else { return }
        let labels = buttons.map { "[ \($0) ]" }
        let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + max(0, labels.count - 1) * 2
        var x = content.x + max(0, (content.width - total) / 2)
        let y = content.maxY - 1
        for (index, label) in labels.enumerated() {
            let style = index == selectedButton ? theme.selected.adding(.bold) : theme.normal
            x += buffer.write(label, x: x, y: y, maxWidth: content.maxX - x, style: style) + 2
            if x >= content.maxX { break }
        }
    }
}
