import Testing
@testable import TerminalUI

@Suite struct WidgetSnapshotTests {
    /// Trimmed text rows of one widget's buffer.
    private func rows(_ screens: [String: Buffer], _ name: String) -> [String] {
        (screens[name]?.text() ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func snapshots80x24() {
        let screens = WidgetGallery.renderEach(width: 80, height: 24)
        #expect(rows(screens, "tabs")[0] == " Today │ Roster │ Pipeline │ Campaigns")
        #expect(rows(screens, "status")[0] == "q quit  ? help  n new  / search" + String(repeating: " ", count: 44) + "Saved")
        let table = rows(screens, "table")
        let expectedTable = [("Name ▲", "Fee"), ("Anna 👩‍💻", "€100"), ("東京のインフルエンサー", "€200"), ("მიკრო ინფლუენსერი", "€300")]
        for (row, (name, fee)) in zip(table, expectedTable) {
            #expect(row.hasPrefix(name) && row.hasSuffix(" " + fee) && DisplayWidth.of(row) == 80)
        }
        #expect(rows(screens, "form")[0...4] == [
            " Name  Anna", "›Fee   12.345", "       ⚠ Enter an amount like 1250 or 1250.50.", " Stage   Lead", " Paid  [ ]",
        ])
        #expect(rows(screens, "block")[0].hasPrefix("┌ Roster ───"))
        #expect(rows(screens, "block")[23].hasPrefix("└───") && rows(screens, "block")[23].hasSuffix("┘"))
        #expect(rows(screens, "barchart")[1].hasPrefix("Launch " + String(repeating: "█", count: 34) + "▌"))
        #expect(rows(screens, "sparkline")[23] == " " + String(repeating: "█", count: 8))
        #expect(rows(screens, "sparkline")[20] == "  " + String(repeating: "█", count: 7))
        #expect(rows(screens, "textviewer")[0...1] == ["Prefers email.", "Ships in March; 東京 office."])
        #expect(rows(screens, "list")[0...2] == ["› Call Anna", "  Send brief", "  Pay 東京"])
    }

    @Test func snapshots40x12() {
        let screens = WidgetGallery.renderEach(width: 40, height: 12)
        #expect(rows(screens, "kanban")[0...5] == [
            "┌ Lead (2) ────────┐ ┌ Signed (1) ▶ ───┐",
            "│Anna              │ │東京             │",
            "│€1,200            │ │¥90,000          │",
            "│due 03-31         │ │                 │",
            "│                  │ │                 │",
            "│Zoë               │ │                 │",
        ])
        #expect(rows(screens, "modal")[3...7] == [
            "┌ Delete deal? ────────────────────────┐",
            "│ This removes the deal with Anna.     │",
            "│                                      │",
            "│        [ Delete ]  [ Cancel ]        │",
            "└──────────────────────────────────────┘",
        ])
        #expect(rows(screens, "help")[2...5] == [
            "┌ Keys ────────────────────────────────┐",
            "│ Navigation                           │",
            "│ j/k  down/up                         │",
            "│ Tab  next pane                       │",
        ])
        #expect(rows(screens, "form")[2] == "       ⚠ Enter an amount like 1250 or 1…")
        #expect(rows(screens, "status")[0] == "q quit  ? help  n new  / search    Saved")
        #expect(rows(screens, "table")[2] == "東京のインフルエンサー              €200")
        #expect(rows(screens, "gauge")[6] == String(repeating: " ", count: 18) + "50%" + String(repeating: "░", count: 19))
        #expect(rows(screens, "textfield")[0] == "Ļoti garš vārds")
        #expect(rows(screens, "barchart")[0] == "Spring " + String(repeating: "█", count: 29) + " 100")
    }

    @Test func selectionAndGaugeShowInMonochromeStyles() {
        let screens = WidgetGallery.renderEach(width: 40, height: 12)
        #expect(screens["table"]?.styledLines()[2].hasPrefix("<r>東京") == true)
        #expect(screens["gauge"]?.styledLines()[6].hasPrefix("<b,r>") == true)
        #expect(screens["tabs"]?.styledLines()[0].contains("<b,r> Roster </>") == true)
    }

    @Test func kanbanScrollsColumnsToKeepSelectionVisible() {
        var buffer = Buffer(width: 40, height: 12)
        var state = KanbanState(column: 2, card: 0)
        WidgetGallery.kanban().render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.columnOffset == 1)
        #expect(buffer.lines()[0] == "┌ ◀ Signed (1) ────┐ ┌ Posted (0) ─────┐")
    }

    @Test func statusBarDropsHintsThatDoNotFit() {
        var buffer = Buffer(width: 20, height: 1)
        StatusBar(hints: [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("n", "new")], message: "Saved")
            .render(into: &buffer, area: buffer.area)
        #expect(buffer.lines() == ["q quit  ? help Saved"])
    }

    @Test func textViewerWrapsAndScrolls() {
        #expect(TextViewer.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextViewer.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextViewer.wrap("a\tb\n\nc\u{1b}", width: 20) == ["a    b", "", "c^["])
        var buffer = Buffer(width: 9, height: 2)
        var scroll = ScrollState(offset: 10)
        TextViewer("one two three four").render(into: &buffer, area: buffer.area, scroll: &scroll)
        #expect(scroll.offset == 1)
        #expect(buffer.text() == "three\nfour")
    }
}
