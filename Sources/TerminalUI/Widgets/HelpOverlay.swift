/// A titled group of keys in the help overlay, e.g. "Navigation".
public struct HelpSection: Sendable, Hashable {
    public var title: String
    public var entries: [KeyHint]
    public init(_ title: String, _ entries: [KeyHint]) { self.title = title; self.entries = entries }
}

/// The `?` overlay listing every key, in sections, scrollable when it does not fit.
public struct HelpOverlay: Sendable {
    public var title: String
    public var sections: [HelpSection]
    public var theme: Theme

    public init(title: String = "Keys", sections: [HelpSection], theme: Theme = .monochrome) {
        self.title = title
        self.sections = sections
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect, scroll: inout ScrollState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let keyWidth = sections.flatMap(\.entries).map { DisplayWidth.of($0.key) }.max() ?? 0
        // Flatten to rows: a section title, its entries, then a blank separator.
        var rows: [(key: String, text: String, isTitle: Bool)] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { rows.append(("", "", false)) }
            rows.append(("", section.title, true))
            rows.append(contentsOf: section.entries.map { ($0.key, $0.label, false) })
        }
        let width = min(area.width, max(40, area.width * 3 / 4))
        let height = min(area.height, rows.count + 2)
        let inner = Popup(title: title, theme: theme).render(into: &buffer, area: area, width: width, height: height)
        let content = inner.inset(horizontal: 1, vertical: 0)
        guard !content.isEmpty else { return }
        scroll.offset = min(max(0, scroll.offset), max(0, rows.count - content.height))
        for (line, row) in rows.dropFirst(scroll.offset).prefix(content.height).enumerated() {
            let y = content.y + line
            if row.isTitle {
                buffer.write(row.text, x: content.x, y: y, maxWidth: content.width, style: theme.header)
                continue
            }
            let used = buffer.write(row.key, x: content.x, y: y, maxWidth: min(keyWidth, content.width), style: theme.keyHint)
            let textX = content.x + max(used, keyWidth) + 2
            buffer.write(row.text, x: textX, y: y, maxWidth: content.maxX - textX, style: theme.normal)
        }
    }
}
