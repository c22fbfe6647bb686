// A one-screen gallery of every TerminalUI widget. Keys: Tab cycles focus areas, arrows move,
// ? toggles help, m toggles a modal, y copies, q quits.
import Foundation
import TerminalUI

/// Everything the demo screen shows; mutated by keys, drawn by `draw`.
struct DemoState {
    var tab = 1
    var table = SelectionState()
    var kanban = KanbanState()
    var form = FormState(fields: [
        FormField("Name", value: "Ļoti garš vārds", isRequired: true),
        FormField("Fee", kind: .money, value: "1250.50"),
        FormField("Due", kind: .date, value: "2025-03-31"),
        FormField("Platform", kind: .choice(["Instagram", "TikTok", "YouTube"])),
    ])
    var showHelp = false
    var showModal = false
    var help = ScrollState()
    var message = "Tab: focus  ?: help  m: modal"
    var focus = 0
}

let names = ["Ļoti garš vārds", "მიკრო ინფლუენსერი", "東京のインフルエンサー", "Anna 👩‍💻", "Zoë 👍🏽", "\u{1b}[2Jinjected"]

func draw(_ state: inout DemoState, theme: Theme, size: Size) -> Buffer {
    var buffer = Buffer(size: size)
    let rows = buffer.area.split(.vertical, [.fixed(1), .fill(1), .fixed(1)])
    Tabs(["Today", "Roster", "Pipeline", "Campaigns"], selected: state.tab, theme: theme)
        .render(into: &buffer, area: rows[0])
    let halves = rows[1].split(.horizontal, [.percent(55), .fill(1)], spacing: 1)
    let left = halves[0].split(.vertical, [.fill(1), .fixed(9)])
    let tableBlock = Block(title: "Roster", titleStyle: theme.title,
                           borderStyle: state.focus == 0 ? theme.focusedBorder : theme.border)
    tableBlock.render(into: &buffer, area: left[0])
    Table(columns: [TableColumn("Name", width: .fill(1)), TableColumn("Followers", width: .fixed(11), alignment: .trailing)],
          rowCount: 1_000_000, sort: SortIndicator(column: 1, ascending: false), theme: theme) { index in
        [names[index % names.count], "\(1_000_000 - index)"]
    }.render(into: &buffer, area: tableBlock.inner(left[0]), state: &state.table)
    let formBlock = Block(title: "Edit", titleStyle: theme.title,
                          borderStyle: state.focus == 2 ? theme.focusedBorder : theme.border)
    formBlock.render(into: &buffer, area: left[1])
    var form = state.form
    Form(theme: theme).render(into: &buffer, area: formBlock.inner(left[1]), state: &form)
    state.form = form
    if state.focus != 2 { buffer.cursor = nil }

    let right = halves[1].split(.vertical, [.fill(1), .fixed(4), .fixed(1), .fixed(1)])
    Kanban([
        KanbanColumn("Lead", cards: [KanbanCard(["Anna", "€1,200", "due 03-31"]), KanbanCard(["東京", "¥90,000"])]),
        KanbanColumn("Signed", cards: [KanbanCard(["Zoë 👍🏽", "$800"])]),
        KanbanColumn("Posted", cards: []),
    ], minColumnWidth: 16, theme: theme).render(into: &buffer, area: right[0], state: &state.kanban)
    BarChart([Bar("Spring", value: 1200, valueText: "€1.2k"), Bar("Launch", value: 800, valueText: "€800"),
              Bar("Promo", value: 300, valueText: "€300")], theme: theme).render(into: &buffer, area: right[1].inset(top: 0, left: 0, bottom: 1, right: 0))
    Sparkline([1, 3, 2, 5, 8, 6, 9, 4, 7, 10, 12, 9], style: theme.accent).render(into: &buffer, area: right[1].inset(top: 3, left: 0, bottom: 0, right: 0))
    Gauge(ratio: 0.62, label: "Budget 62%", theme: theme).render(into: &buffer, area: right[2])
    var viewer = ScrollState()
    TextViewer("Notes: prefers email; ships in March.", style: theme.muted).render(into: &buffer, area: right[3], scroll: &viewer)
    StatusBar(hints: [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("m", "modal"), KeyHint("y", "copy")],
              message: state.message, theme: theme).render(into: &buffer, area: rows[2])
    if state.showModal {
        Modal(title: "Delete deal?", message: "This removes the deal with Anna. You can undo with u.",
              buttons: ["Delete", "Cancel"], selectedButton: 1, theme: theme).render(into: &buffer, area: buffer.area)
    }
    if state.showHelp {
        HelpOverlay(sections: [
            HelpSection("Navigation", [KeyHint("↑/↓", "move"), KeyHint("Tab", "next pane"), KeyHint("q", "quit")]),
            HelpSection("Actions", [KeyHint("m", "modal"), KeyHint("y", "copy name")]),
        ], theme: theme).render(into: &buffer, area: buffer.area, scroll: &state.help)
    }
    return buffer
}

func handle(_ event: InputEvent, _ state: inout DemoState, terminal: Terminal) -> Bool {
    guard case .key(let key) = event else {
        if state.focus == 2 { state.form.handle(event) }
        return true
    }
    if state.focus == 2, key.key != .escape, state.form.handle(event) { return true }
    switch key.key {
    case .character("q") where state.focus != 2: return false
    case .character("?"): state.showHelp.toggle()
    case .character("m"): state.showModal.toggle()
    case .escape: state.showHelp = false; state.showModal = false; state.focus = 0
    case .tab: state.focus = (state.focus + 1) % 3
    case .character("y"):
        state.message = terminal.copyToClipboard(names[(state.table.selected ?? 0) % names.count]) ? "Copied" : "Clipboard unavailable"
    case .up, .down:
        let delta = key.key == .up ? -1 : 1
        if state.focus == 0 { state.table.move(by: delta, count: 1_000_000) }
        if state.focus == 1 { state.kanban.move(cards: delta, cardCounts: [2, 1, 0]) }
    case .left, .right:
        state.kanban.move(columns: key.key == .left ? -1 : 1, cardCounts: [2, 1, 0])
    case .pageDown: state.table.move(by: 20, count: 1_000_000)
    case .pageUp: state.table.move(by: -20, count: 1_000_000)
    default: break
    }
    return true
}

do {
    let environment = ProcessInfo.processInfo.environment
    try NcursesTerminal.run(environment: environment) { terminal in
        let theme = Theme(mode: terminal.colorMode)
        var state = DemoState()
        var running = true
        while running {
            terminal.present(draw(&state, theme: theme, size: terminal.size))
            guard let event = terminal.nextEvent(timeout: nil) else { continue }
            running = handle(event, &state, terminal: terminal)
        }
    }
} catch {
    FileHandle.standardError.write(Data("tui-demo: \(error)\n".utf8))
    exit(1)
}
