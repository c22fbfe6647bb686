/// One bar of a `BarChart`: label, value, and the text shown after the bar (e.g. a formatted amount).
public struct Bar: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var valueText: String
    public var style: Style?

    public init(_ label: String, value: Double, valueText: String? = nil, style: Style? = nil) {
        self.label = label
        self.value = value
        self.valueText = valueText ?? Bar.format(value)
        self.style = style
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Horizontal bars with labels and values, one per row (spend by campaign, deals per stage).
public struct BarChart: Widget, Sendable {
    public var bars: [Bar]
    /// The value of a full-width bar; defaults to the largest value.
    public var maxValue: Double?
    public var theme: Theme

    public init(_ bars: [Bar], maxValue: Double? = nil, theme: Theme = .monochrome) {
        self.bars = bars
        self.maxValue = maxValue
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, area.width / 3)
        let valueWidth = min(bars.map { DisplayWidth.of($0.valueText) }.max() ?? 0, area.width / 4)
        let barX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let barWidth = max(0, area.maxX - barX - valueWidth - 1)
        let top = max(maxValue ?? 0, bars.map(\.value).max() ?? 0)
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            buffer.write(bar.label, x: area.x, y: y, maxWidth: labelWidth, style: theme.normal)
            let eighths = top > 0 ? Int((max(0, bar.value) / top * Double(barWidth * 8)).rounded()) : 0
            buffer.write(Self.blocks(eighths: min(eighths, barWidth * 8)), x: barX, y: y, maxWidth: barWidth,
                         style: bar.style ?? theme.accent, truncation: .clip)
            buffer.write(bar.valueText, x: area.maxX - valueWidth, y: y, width: valueWidth, alignment: .trailing,
                         style: theme.normal)
        }
    }

    /// Full blocks plus one partial block for the remaining eighths.
    static func blocks(eighths: Int) -> String {
        let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partials[eighths % 8 - 1]) }
        return text
    }
}

/// A compact trend line (▁▂▃▄▅▆▇█) of the most recent values that fit; taller areas stack rows.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    public var style: Style

    public init(_ values: [Double], style: Style = .plain) {
        self.values = values
        self.style = style
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty, !values.isEmpty else { return }
        let shown = values.suffix(area.width)
        let top = shown.max() ?? 0
        let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        for (column, value) in shown.enumerated() {
            let total = top > 0 ? Int((max(0, value) / top * Double(area.height * 8)).rounded()) : 0
            for row in 0..<area.height {
                let level = min(8, max(0, total - row * 8))
                let glyph = Glyph(levels[level], width: 1)
                buffer.put(glyph, x: area.x + column, y: area.maxY - 1 - row, style: style, limit: area.maxX)
            }
        }
    }
}

/// A progress bar with a centred label (budget spent, deliverables done).
public struct Gauge: Widget, Sendable {
    /// Progress from 0 to 1; values outside are clamped.
    public var ratio: Double
    public var label: String?
    public var theme: Theme

    public init(ratio: Double, label: String? = nil, theme: Theme = .monochrome) {
        self.ratio = ratio.isFinite ? min(max(0, ratio), 1) : 0
        self.label = label
        self.theme = theme
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let row = area.row(area.height / 2)
        let filled = Int((ratio * Double(row.width)).rounded())
        let text = label ?? "\(Int((ratio * 100).rounded()))%"
        // Filled cells use reverse video so the bar shows in monochrome and the label stays readable.
        let filledStyle = theme.accent.adding(.reverse)
        buffer.fill(Rect(x: row.x, y: row.y, width: filled, height: 1), style: filledStyle)
        buffer.fill(Rect(x: row.x + filled, y: row.y, width: row.width - filled, height: 1), with: "░", style: theme.muted)
        let textWidth = min(DisplayWidth.of(text), row.width)
        let start = row.x + (row.width - textWidth) / 2
        buffer.write(text, x: start, y: row.y, maxWidth: row.width - (start - row.x), style: theme.normal)
        // Re-apply the filled look under the label so the bar's length stays visible.
        buffer.addAttributes(Rect(x: row.x, y: row.y, width: filled, height: 1), filledStyle.attributes)
    }
}
