/// The tab bar across the top (Today · Roster · Pipeline · Campaigns) with the active tab highlighted.
public struct Tabs: Widget, Sendable {
    public var titles: [String]
    public var selected: Int
    public var theme: Theme

    public init(_ titles: [String], selected: Int, theme: Theme = .monochrome) {
        self.titles = titles
        self.selected = selected
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        var x = area.x
        for (index, title) in titles.enumerated() {
            if index > 0 {
                x += buffer.write("│", x: x, y: area.y, maxWidth: area.maxX - x, style: theme.border)
            }
            guard x < area.maxX else { break }
            let style = index == selected ? theme.tabActive : theme.muted
            x += buffer.write(" \(title) ", x: x, y: area.y, maxWidth: area.maxX - x, style: style)
        }
    }
}
