import Testing
import Foundation
@testable import TerminalUI

/// Counts row-provider calls from inside the non-escaping test body.
private final class CallCounter {
    var calls = 0
}

@Suite struct TableTests {
    private let columns = [
        TableColumn("Name", width: .fill(1)),
        TableColumn("Followers", width: .fixed(12), alignment: .trailing),
        TableColumn("Stage", width: .percent(25)),
    ]

    @Test func millionRowsOnlyAsksForVisibleRows() {
        let counter = CallCounter()
        let table = Table(columns: columns, rowCount: 1_000_000) { index in
            counter.calls += 1
            return ["Row \(index)", "\(index * 3)", "Lead"]
        }
        var buffer = Buffer(width: 80, height: 24)
        var state = SelectionState(selected: 999_999)
        table.render(into: &buffer, area: buffer.area, state: &state)
        #expect(counter.calls == 23)
        #expect(state.offset == 1_000_000 - 23)
        #expect(buffer.lines()[23].hasPrefix("Row 999999"))
        #expect(buffer[x: 0, y: 23].style.attributes.contains(.reverse))
    }

    @Test func headerAlignmentAndSortIndicator() {
        let table = Table(columns: columns, rowCount: 2, sort: SortIndicator(column: 1, ascending: false)) { index in
            [["Ļoti garš vārds", "東京のインフルエンサー"][index], "12000", "Contacted"]
        }
        var buffer = Buffer(width: 40, height: 4)
        var state = SelectionState(selected: 1)
        table.render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines() == [
            "Name               Followers ▼ Stage    ",
            "Ļoti garš vārds          12000 Contacted",
            "東京のインフルエ…        12000 Contacted",
            "                                        ",
        ])
    }

    @Test func selectionMovesAndScrollFollows() {
        let table = Table(columns: [TableColumn("N")], rowCount: 100) { ["\($0)"] }
        var buffer = Buffer(width: 10, height: 5)
        var state = SelectionState()
        state.move(by: 10, count: 100)
        table.render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.offset == 7)
        #expect(buffer.lines()[1...4].map { $0.trimmingCharacters(in: .whitespaces) } == ["7", "8", "9", "10"])
        state.move(by: -100, count: 100)
        table.render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.offset == 0 && state.selected == 0)
        state.select(first: false, count: 100)
        #expect(state.selected == 99)
    }

    @Test func emptyTableClearsSelection() {
        let table = Table(columns: columns, rowCount: 0) { _ in [] }
        var buffer = Buffer(width: 30, height: 5)
        var state = SelectionState(selected: 3)
        table.render(into: &buffer, area: buffer.area, state: &state)
        #expect(state.selected == nil)
    }
}
