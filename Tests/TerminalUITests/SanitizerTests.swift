import Testing
@testable import TerminalUI

@Suite struct SanitizerTests {
    static let injections = [
        "\u{1b}]0;pwned\u{7}", "\u{1b}[2J", "\u{9b}31m", "abc\u{202E}cba", "x\u{7f}y\r\n", "\u{2066}iso\u{2069}",
        "zero\u{200B}width\u{FEFF}", "\u{8d}\u{90}dcs",
    ]

    @Test(arguments: injections)
    func noControlOrBidiScalarReachesACell(text: String) {
        var buffer = Buffer(width: 40, height: 1)
        buffer.write(text, x: 0, y: 0, maxWidth: 40)
        for cell in buffer.cells {
            for scalar in cell.character.unicodeScalars {
                #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)))
                #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
                #expect(scalar.value != 0x200B && scalar.value != 0xFEFF)
            }
        }
    }

    @Test func placeholdersAreVisible() {
        #expect(Sanitizer.sanitized("\u{1b}]0;pwned\u{7}") == "^[]0;pwned^G")
        #expect(Sanitizer.sanitized("\u{1b}[2J") == "^[[2J")
        #expect(Sanitizer.sanitized("\u{9b}31m") == "<9B>31m")
        #expect(Sanitizer.sanitized("a\rb\u{7f}") == "a^Mb^?")
        #expect(Sanitizer.sanitized("abc\u{202E}cba") == "abc\u{FFFD}cba")
        #expect(Sanitizer.sanitized("zero\u{200B}width") == "zerowidth")
        #expect(Sanitizer.sanitized("👩‍💻") == "👩‍💻")
    }

    @Test func injectionShowsAsTextInWidgets() {
        var buffer = Buffer(width: 30, height: 3)
        let table = Table(columns: [TableColumn("Name")], rowCount: 1) { _ in ["\u{1b}[2Jevil"] }
        var state = SelectionState()
        table.render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines()[1].hasPrefix("^[[2Jevil"))
    }

    @Test func leadingCombiningMarkGetsABase() {
        let glyphs = Sanitizer.glyphs("\u{301}a")
        #expect(glyphs.map(\.width) == [1, 1])
    }
}
