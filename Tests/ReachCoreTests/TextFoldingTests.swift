import Foundation
import PropertyBased
import Testing
@testable import ReachCore

/// `TextFolding.fold` folds a piece at a time, remembering each piece: the result is what Foundation's folding of
/// the whole text gives.
@Suite struct TextFoldingTests {
    /// Foundation's folding of the whole text, after the letters it does not decompose (`ø` → `o`): the definition.
    static func foldedWhole(_ text: String) -> String {
        let extra: [Character: String] = [
            "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
            "ı": "i", "ħ": "h", "þ": "th", "ŧ": "t",
        ]
        var mapped = ""
        for character in text { if let other = extra[character] { mapped += other } else { mapped.append(character) } }
        return mapped.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// Latvian, Georgian, Greek (a final sigma), Turkish dotted and dotless i, German ß and ẞ, ligatures, full- and
    /// half-width forms, decomposed accents (a combining mark after an ASCII letter), Hangul jamo, CJK, emoji with
    /// modifiers and joiners, a keycap (ASCII digit, then marks), Arabic, and plain ASCII.
    static let pieces = [
        "Jānis Bērziņš", "ĻOTI", "ნინო", "ΟΔΟΣ Σίσυφος", "İstanbul", "ıI", "Straße", "ẞ", "ﬁ ﬀ", "ＡＢＣ", "ｶﾞ", "e\u{301}cole",
        "A\u{30A}", "\u{1100}\u{1161}\u{11A8}", "한국어", "李小龍", "さくら", "😀", "👩🏽‍💻", "🇱🇻", "1\u{FE0F}\u{20E3}", "مرحبا",
        "Ørsted", "Łódź", "ǅemal", "K\u{212A}", "plain ASCII", " ", "-", "Ā", "x",
    ]

    @Test func piecesFoldAsTheWholeTextFolds() async {
        #expect(TextFolding.fold("Ļoti Ørsted") == "loti orsted")
        for piece in Self.pieces { #expect(TextFolding.fold(piece) == Self.foldedWhole(piece), "\(piece)") }
        await propertyCheck(count: 3000, input: Gen.element(of: Self.pieces).array(of: 0...8)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(TextFolding.fold(text) == Self.foldedWhole(text), "\(text)")
        }
    }

    /// A piece is folded once and then remembered: the second folding of the same text gives the same.
    @Test func rememberedPiecesFoldTheSame() {
        let text = "Rīga ქართული 東京 🎉 e\u{301}"
        let first = TextFolding.fold(text)
        #expect(TextFolding.fold(text) == first)
        #expect(first == Self.foldedWhole(text))
    }
}
