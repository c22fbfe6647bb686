/// Draws a `FormState`: labels in a column, fields beside them, validation messages underneath.
public struct Form: Sendable {
    public var theme: Theme

    public init(theme: Theme = .monochrome) { self.theme = theme }

    public func render(into buffer: inout Buffer, area: Rect, state: inout FormState) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty, !state.fields.isEmpty else { return }
        let widest = state.fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelWidth = min(widest + 2, area.width * 2 / 5)
        let fieldX = area.x + labelWidth, fieldWidth = area.maxX - fieldX
        // Rows per field: one, plus one for its error. Scroll so the focused field is fully visible.
        let heights = state.fields.map { $0.error == nil ? 1 : 2 }
        let focusTop = heights[..<state.focus].reduce(0, +)
        let shift = max(0, focusTop + heights[state.focus] - area.height)
        var y = area.y - shift
        for index in state.fields.indices {
            defer { y += heights[index] }
            guard y >= area.y else { continue }
            guard y < area.maxY else { break }
            let focused = index == state.focus
            let field = state.fields[index]
            let marker = focused ? "›" : " "
            let labelStyle = focused ? theme.title : theme.normal
            buffer.write(marker + field.label, x: area.x, y: y, maxWidth: labelWidth - 1, style: labelStyle)
            let fieldArea = Rect(x: fieldX, y: y, width: fieldWidth, height: 1)
            switch field.kind {
            case .text, .number, .money, .date:
                let textField = TextField(focused: focused, style: theme.input, placeholderStyle: theme.muted)
                textField.render(into: &buffer, area: fieldArea, state: &state.fields[index].input)
            case .choice:
                let text = focused ? "‹ \(field.value) ›" : "  \(field.value)"
                buffer.write(text, x: fieldX, y: y, maxWidth: fieldWidth, style: focused ? theme.selected : theme.normal)
            case .toggle:
                let text = field.isOn ? "[x]" : "[ ]"
                buffer.write(text, x: fieldX, y: y, maxWidth: fieldWidth, style: focused ? theme.selected : theme.normal)
            }
            if let error = field.error, y + 1 < area.maxY {
                buffer.write("⚠ " + error, x: fieldX, y: y + 1, maxWidth: fieldWidth, style: theme.error)
            }
        }
    }
}
