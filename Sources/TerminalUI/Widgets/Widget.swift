/// A value that draws itself into a region of a buffer and never outside it.
public protocol Widget {
    func render(into buffer: inout Buffer, area: Rect)
}

/// Horizontal placement of text inside its space.
public enum Alignment: Sendable, Hashable {
    case leading, center, trailing
}

/// A key and what it does, shown in status bars and the help overlay.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var label: String
    public init(_ key: String, _ label: String) { self.key = key; self.label = label }
}

/// Scroll position of a view whose content is longer than its area (text, help).
public struct ScrollState: Sendable, Hashable {
    public var offset: Int
    public init(offset: Int = 0) { self.offset = offset }

    /// Scrolls by `delta` lines; the next render clamps the offset to the content.
    public mutating func scroll(by delta: Int) { offset = max(0, offset + delta) }
}

/// Scroll arithmetic shared by every list-like widget.
enum Scrolling {
    /// The first visible row so that `selected` is on screen and no space is wasted past the end.
    static func offset(current: Int, selected: Int?, visible: Int, count: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var offset = min(max(0, current), max(0, count - visible))
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visible { offset = selected - visible + 1 }
        }
        return max(0, offset)
    }
}

extension Buffer {
    /// Writes text aligned within `width` columns starting at (x, y); truncated with an ellipsis if too wide.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, width: Int, alignment: Alignment, style: Style = .plain
    ) -> Int {
        guard width > 0 else { return 0 }
        let glyphs = Sanitizer.glyphs(text, beyond: width)
        let textWidth = glyphs.reduce(0) { $0 + $1.width }
        let slack = max(0, width - textWidth)
        let shift = switch alignment {
        case .leading: 0
        case .center: slack / 2
        case .trailing: slack
        }
        return write(glyphs, x: x + shift, y: y, maxWidth: width - shift, style: style)
    }
}
