import Testing
@testable import TerminalUI

@Suite struct WidthTests {
    @Test(arguments: [
        ("Ļoti garš vārds", 15),
        ("მიკრო ინფლუენსერი", 17),
        ("東京のインフルエンサー", 22),
        ("👍🏽", 2),
        ("👩‍💻", 2),
        ("❤️", 2),
        ("e\u{301}", 1),
        ("Привет", 6),
        ("🇱🇻", 2),
        ("ｆｕｌｌ", 8),
    ])
    func displayWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func decomposedAccentIsNormalisedToOneCell() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.write("e\u{301}x", x: 0, y: 0, maxWidth: 5)
        #expect(buffer[x: 0, y: 0].character == "\u{e9}")
        #expect(buffer[x: 0, y: 0].character.unicodeScalars.count == 1)
        #expect(buffer.lines() == ["\u{e9}x   "])
    }

    @Test func truncatesMixedScriptsWithEllipsis() {
        func truncated(_ text: String, _ width: Int) -> String {
            var buffer = Buffer(width: width, height: 1)
            buffer.write(text, x: 0, y: 0, maxWidth: width)
            return buffer.lines()[0]
        }
        #expect(truncated("Ļoti garš vārds", 8) == "Ļoti ga…")
        #expect(truncated("მიკრო ინფლუენსერი", 8) == "მიკრო ი…")
        // 東京の = 6 columns, the next wide glyph would end at column 8 but the ellipsis needs one: pad instead.
        #expect(truncated("東京のインフルエンサー", 8) == "東京の …")
        #expect(truncated("東京のインフルエンサー", 9) == "東京のイ…")
        #expect(truncated("ok 👍🏽👩‍💻 done", 6) == "ok 👍🏽…")
        #expect(truncated("short", 8) == "short   ")
    }

    @Test func wideGlyphNeverSplitsAtRegionEdge() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("東京東京", x: 0, y: 0, maxWidth: 3, truncation: .clip)
        #expect(buffer.lines() == ["東    "])
        #expect(buffer[x: 2, y: 0].character == " ")
        #expect(buffer[x: 3, y: 0] == .blank)
    }

    @Test func wideGlyphAtBufferEdgeBecomesSpace() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("ab東", x: 0, y: 0, maxWidth: 10, truncation: .clip)
        #expect(buffer.lines() == ["ab "])
    }
}
