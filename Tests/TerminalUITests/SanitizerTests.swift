import PropertyBased
import Testing
@testable import TerminalUI

@Suite struct SanitizerTests {
    static let injections = [
        "\u{1b}]0;pwned\u{7}", "\u{1b}[2J", "\u{9b}31m", "abc\u{202E}cba", "x\u{7f}y\r\n", "\u{2066}iso\u{2069}",
        "zero\u{200B}width\u{FEFF}", "\u{8d}\u{90}dcs",
    ]

    /// The byte-level shortcut only says "safe" for text the scalar-by-scalar path leaves unchanged: every scalar
    /// up to U+0800, every one in U+2000–U+20FF and U+FE00–U+FFFF, and some others, alone and in random strings.
    @Test func theShortcutNeverPassesWhatTheCarefulPathWouldChange() {
        let scalars = (Array(0...0x800) + Array(0x2000...0x20FF) + Array(0xFE00...0xFFFD) + [0x1F600, 0x10FFFF, 0x4E2D])
            .compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = "a" + String(scalar) + "b"
            #expect(!Sanitizer.isSurelySafe(text) || Sanitizer.rebuilt(text) == text, "U+\(String(scalar.value, radix: 16))")
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...6, using: &random)).map { _ in
                scalars.randomElement(using: &random)!
            }))
            #expect(!Sanitizer.isSurelySafe(text) || Sanitizer.rebuilt(text) == text, "\(Array(text.unicodeScalars))")
        }
        #expect(Sanitizer.isSurelySafe("Nordlys winter routes — wave 18 · Līga · 茶岚 · 🍜"))
    }

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

    /// A one-row write of a long text sanitises only its beginning; what it draws is what drawing the whole text's
    /// glyphs draws, for every width, whatever the text: controls a mark would sit on, wide and invisible ones.
    @Test func aLongTextIsWrittenAsItsWholeGlyphsWouldBe() async {
        let pieces = ["a", "\u{1b}", "\u{301}", "田", "\u{200B}", "👩\u{200D}💻", "\u{9b}", "e\u{301}", " ", "\u{202E}"]
        let text = Gen.element(of: pieces).array(of: 0...400).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 500, input: text, Gen.int(in: 1...40)) { text, width in
            var written = Buffer(width: 44, height: 1), whole = Buffer(width: 44, height: 1)
            let used = written.write(text, x: 1, y: 0, maxWidth: width)
            let wholeUsed = whole.write(Sanitizer.glyphs(text), x: 1, y: 0, maxWidth: width)
            #expect(written.lines() == whole.lines(), "\(text.debugDescription) in \(width)")
            #expect(used == wholeUsed)
            var aligned = Buffer(width: 44, height: 1)
            aligned.write(text, x: 1, y: 0, width: width, alignment: .trailing)
            #expect(aligned.lines() == whole.lines() || Sanitizer.glyphs(text).reduce(0) { $0 + $1.width } < width)
        }
        #expect(Sanitizer.glyphs(String(repeating: "\u{200B}", count: 300) + "ab", beyond: 1).map(\.character) == ["a", "b"])
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
