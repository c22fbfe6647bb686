import Testing
@testable import TerminalUI

@Suite struct DiffTests {
    @Test func firstFrameWritesEveryCell() {
        let buffer = Buffer(width: 10, height: 3)
        #expect(buffer.changes(from: nil).count == 30)
    }

    @Test func onlyChangedCellsAreWritten() {
        var first = Buffer(width: 20, height: 5)
        first.write("hello world", x: 0, y: 0, maxWidth: 20)
        var second = first
        second.write("J", x: 0, y: 0, maxWidth: 1)
        second.write("!", x: 11, y: 2, maxWidth: 1)
        let changes = second.changes(from: first)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [11, 2]])
        #expect(first.changes(from: first).isEmpty)
    }

    @Test func styleChangeCounts() {
        let first = Buffer(width: 4, height: 1)
        var second = first
        second.setStyle(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(attributes: .reverse))
        #expect(second.changes(from: first).count == 2)
    }

    @Test func wideGlyphIsOneChangeAndItsContinuationIsNeverEmittedAlone() {
        let first = Buffer(width: 4, height: 1)
        var second = first
        second.write("東", x: 1, y: 0, maxWidth: 2)
        let changes = second.changes(from: first)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1 && changes.first?.cell.width == 2)
    }

    @Test func sizeChangeRepaintsAll() {
        let first = Buffer(width: 4, height: 1)
        #expect(Buffer(width: 5, height: 1).changes(from: first).count == 5)
    }

    @Test func testTerminalRecordsChangedCellCounts() {
        let terminal = TestTerminal(width: 10, height: 2)
        var buffer = Buffer(size: terminal.size)
        terminal.present(buffer)
        buffer.write("ab", x: 0, y: 1, maxWidth: 2)
        terminal.present(buffer)
        terminal.present(buffer)
        #expect(terminal.changedCellCounts == [20, 2, 0])
        #expect(terminal.snapshot() == ["          ", "ab        "])
    }
}
