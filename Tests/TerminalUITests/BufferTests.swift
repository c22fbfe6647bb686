import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func overwritingHalfOfWideGlyphClearsBothHalves() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("東京", x: 0, y: 0, maxWidth: 6)
        buffer.write("x", x: 1, y: 0, maxWidth: 1)
        #expect(buffer.lines() == [" x京  "])
        buffer.write("y", x: 2, y: 0, maxWidth: 1)
        #expect(buffer.lines() == [" xy   "])
        #expect(buffer.cells.allSatisfy { !$0.isContinuation })
    }

    @Test func wideOverWideRealigns() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("東京", x: 0, y: 0, maxWidth: 6)
        buffer.write("字", x: 1, y: 0, maxWidth: 2)
        #expect(buffer.lines() == [" 字   "])
    }

    @Test func writesOutsideTheBufferAreIgnored() {
        var buffer = Buffer(width: 3, height: 2)
        buffer.write("hello", x: -2, y: 0, maxWidth: 5, truncation: .clip)
        buffer.write("zz", x: 0, y: 5, maxWidth: 2)
        buffer.write("zz", x: 7, y: 0, maxWidth: 2)
        #expect(buffer.lines() == ["llo", "   "])
    }

    @Test func styledSnapshotMarksRuns() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.write("ab", x: 0, y: 0, maxWidth: 2, style: Style(attributes: [.bold, .reverse]))
        buffer.write("c", x: 3, y: 0, maxWidth: 1, style: Style(foreground: .red))
        #expect(buffer.styledLines() == ["<b,r>ab</> <fg1>c</>    "])
        #expect(buffer.text() == "ab c")
    }

    @Test func zeroSizedBufferIsHarmless() {
        var buffer = Buffer(width: 0, height: 0)
        buffer.write("x", x: 0, y: 0, maxWidth: 3)
        buffer.fill(Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(buffer.lines().isEmpty)
        #expect(buffer[x: 0, y: 0] == .blank)
    }
}
