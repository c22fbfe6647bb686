/// A bordered box with an optional title; the frame around panes, popups and kanban columns.
public struct Block: Widget, Sendable {
    public var title: String?
    public var titleStyle: Style
    public var borderStyle: Style

    public init(title: String? = nil, titleStyle: Style = Style(attributes: .bold), borderStyle: Style = .plain) {
        self.title = title
        self.titleStyle = titleStyle
        self.borderStyle = borderStyle
    }

    /// The space inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard area.width >= 2, area.height >= 2 else { return }
        let right = area.maxX - 1, bottom = area.maxY - 1
        let horizontal = Glyph("─", width: 1), vertical = Glyph("│", width: 1)
        for x in (area.x + 1)..<right {
            buffer.put(horizontal, x: x, y: area.y, style: borderStyle, limit: area.maxX)
            buffer.put(horizontal, x: x, y: bottom, style: borderStyle, limit: area.maxX)
        }
        for y in (area.y + 1)..<bottom {
            buffer.put(vertical, x: area.x, y: y, style: borderStyle, limit: area.maxX)
            buffer.put(vertical, x: right, y: y, style: borderStyle, limit: area.maxX)
        }
        buffer.put(Glyph("┌", width: 1), x: area.x, y: area.y, style: borderStyle, limit: area.maxX)
        buffer.put(Glyph("┐", width: 1), x: right, y: area.y, style: borderStyle, limit: area.maxX)
        buffer.put(Glyph("└", width: 1), x: area.x, y: bottom, style: borderStyle, limit: area.maxX)
        buffer.put(Glyph("┘", width: 1), x: right, y: bottom, style: borderStyle, limit: area.maxX)
        if let title, area.width > 4 {
            buffer.write(" " + title + " ", x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: titleStyle)
        }
    }
}

/// A cleared, bordered box centred over other content; the base of modals, help and the command palette.
public struct Popup: Sendable {
    public var title: String?
    public var theme: Theme

    public init(title: String? = nil, theme: Theme = .monochrome) {
        self.title = title
        self.theme = theme
    }

    /// Clears and frames a `width`×`height` box centred in `area`; returns the inner content rect.
    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, width: Int, height: Int) -> Rect {
        let box = area.intersection(buffer.area).centered(width: width, height: height)
        buffer.fill(box, style: theme.normal)
        let block = Block(title: title, titleStyle: theme.title, borderStyle: theme.focusedBorder)
        block.render(into: &buffer, area: box)
        return block.inner(box)
    }
}
