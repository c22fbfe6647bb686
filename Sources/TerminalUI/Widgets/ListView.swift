/// A virtualised single-column list with a selection (Today items, palette matches, pickers).
public struct ListView {
    public var count: Int
    /// Text of one item; called only for items on screen.
    public var item: (Int) -> String
    public var itemStyle: ((Int) -> Style?)?
    public var theme: Theme
    /// Drawn before the selected item (and as blank padding before others) so selection shows without colour.
    public var marker: String

    public init(count: Int, theme: Theme = .monochrome, marker: String = "› ",
                itemStyle: ((Int) -> Style?)? = nil, item: @escaping (Int) -> String) {
        self.count = max(0, count)
        self.theme = theme
        self.marker = marker
        self.itemStyle = itemStyle
        self.item = item
    }

    public func render(into buffer: inout Buffer, area: Rect, state: inout SelectionState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        if let selected = state.selected { state.selected = count == 0 ? nil : min(max(0, selected), count - 1) }
        state.offset = Scrolling.offset(current: state.offset, selected: state.selected, visible: area.height, count: count)
        let markerWidth = DisplayWidth.of(marker)
        let padding = String(repeating: " ", count: markerWidth)
        for (row, index) in (state.offset..<min(count, state.offset + area.height)).enumerated() {
            let isSelected = index == state.selected
            let base = itemStyle?(index) ?? theme.normal
            let style = isSelected ? base.adding(theme.selected.attributes) : base
            let y = area.y + row
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style) }
            let used = buffer.write(isSelected ? marker : padding, x: area.x, y: y, maxWidth: area.width, style: style)
            buffer.write(item(index), x: area.x + used, y: y, maxWidth: area.width - used, style: style)
        }
    }
}
