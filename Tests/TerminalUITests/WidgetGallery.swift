@testable import TerminalUI

/// Every widget drawn into one area, shared by snapshot and tiny-area tests.
enum WidgetGallery {
    static let theme = Theme.monochrome

    static func table() -> Table {
        Table(columns: [TableColumn("Name"), TableColumn("Fee", width: .fixed(7), alignment: .trailing)],
              rowCount: 3, sort: SortIndicator(column: 0, ascending: true)) { index in
            [["Anna 👩‍💻", "東京のインフルエンサー", "მიკრო ინფლუენსერი"][index], "€\(index + 1)00"]
        }
    }

    static func kanban() -> Kanban {
        Kanban([
            KanbanColumn("Lead", cards: [KanbanCard(["Anna", "€1,200", "due 03-31"]), KanbanCard(["Zoë"])]),
            KanbanColumn("Signed", cards: [KanbanCard(["東京", "¥90,000"])]),
            KanbanColumn("Posted", cards: []),
        ], minColumnWidth: 18)
    }

    static func form() -> FormState {
        FormState(fields: [FormField("Name", value: "Anna"), FormField("Fee", kind: .money, value: "12.345"),
                           FormField("Stage", kind: .choice(["Lead", "Signed"])), FormField("Paid", kind: .toggle)])
    }

    static let help = HelpOverlay(sections: [
        HelpSection("Navigation", [KeyHint("j/k", "down/up"), KeyHint("Tab", "next pane")]),
        HelpSection("Deals", [KeyHint(">", "next stage")]),
    ])

    /// Draws each widget into `area` of a fresh buffer and returns the buffers, one per widget.
    static func renderEach(width: Int, height: Int, area: Rect? = nil) -> [String: Buffer] {
        var results: [String: Buffer] = [:]
        func draw(_ name: String, _ body: (inout Buffer, Rect) -> Void) {
            var buffer = Buffer(width: width, height: height)
            body(&buffer, area ?? buffer.area)
            results[name] = buffer
        }
        draw("block") { buffer, area in Block(title: "Roster").render(into: &buffer, area: area) }
        draw("table") { buffer, area in
            var state = SelectionState(selected: 1)
            table().render(into: &buffer, area: area, state: &state)
        }
        draw("list") { buffer, area in
            var state = SelectionState(selected: 0)
            ListView(count: 3) { ["Call Anna", "Send brief", "Pay 東京"][$0] }.render(into: &buffer, area: area, state: &state)
        }
        draw("tabs") { buffer, area in
            Tabs(["Today", "Roster", "Pipeline", "Campaigns"], selected: 1).render(into: &buffer, area: area)
        }
        draw("status") { buffer, area in
            StatusBar(hints: [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("n", "new"), KeyHint("/", "search")],
                      message: "Saved").render(into: &buffer, area: area)
        }
        draw("textfield") { buffer, area in
            var state = TextFieldState(text: "Ļoti garš vārds")
            TextField().render(into: &buffer, area: area, state: &state)
        }
        draw("form") { buffer, area in
            var state = form()
            state.validate()
            Form().render(into: &buffer, area: area, state: &state)
        }
        draw("modal") { buffer, area in
            Modal(title: "Delete deal?", message: "This removes the deal with Anna.", buttons: ["Delete", "Cancel"],
                  selectedButton: 1).render(into: &buffer, area: area)
        }
        draw("kanban") { buffer, area in
            var state = KanbanState(column: 0, card: 1)
            kanban().render(into: &buffer, area: area, state: &state)
        }
        draw("barchart") { buffer, area in
            BarChart([Bar("Spring", value: 100), Bar("Launch", value: 50)]).render(into: &buffer, area: area)
        }
        draw("sparkline") { buffer, area in Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]).render(into: &buffer, area: area) }
        draw("gauge") { buffer, area in Gauge(ratio: 0.5).render(into: &buffer, area: area) }
        draw("textviewer") { buffer, area in
            var scroll = ScrollState()
            TextViewer("Prefers email.\nShips in March; 東京 office.").render(into: &buffer, area: area, scroll: &scroll)
        }
        draw("help") { buffer, area in
            var scroll = ScrollState()
            help.render(into: &buffer, area: area, scroll: &scroll)
        }
        return results
    }
}
