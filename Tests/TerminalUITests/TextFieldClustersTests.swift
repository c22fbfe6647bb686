import PropertyBased
import Testing
@testable import TerminalUI

/// A field keeps its text's clusters and their glyphs edit by edit (`TextFieldClusters`); these check that what it
/// keeps is always what cutting the whole text afresh gives, on the texts where grapheme breaks reach furthest.
@Suite struct TextFieldClustersTests {
    /// Pieces whose clusters merge or split with their neighbours: combining marks, regional indicators (which pair
    /// from the left across a whole run), emoji joined by ZWJ, Devanagari conjuncts, Hangul jamo, CR LF, controls.
    static let pieces = ["a", "e", "\u{301}", "é", "🇱", "🇻", "🇱🇻", "👩", "\u{200D}", "💻", "🏽", "\u{FE0F}", "\r", "\n",
                         "\u{1b}", "田", "क", "\u{94D}", "ष", "\u{1100}", "\u{1161}", "\u{11A8}", " ", "\u{200B}", "Z", "\u{2126}", "\u{3A9}"]

    private static func spelling(_ text: String) -> [[Unicode.Scalar]] {
        text.map { Array($0.unicodeScalars) }
    }

    private static func expectKeptAsCutAfresh(_ state: TextFieldState, after step: String,
                                               sourceLocation: SourceLocation = #_sourceLocation) {
        let kept = state.clusters.clusters
        #expect(kept.map { Array($0.character.unicodeScalars) } == spelling(state.text), "\(step)", sourceLocation: sourceLocation)
        #expect(kept.map(\.glyphs) == state.text.map { Sanitizer.glyphs(String($0)) }, "\(step)", sourceLocation: sourceLocation)
        #expect(kept.map(\.utf8Count) == state.text.map(\.utf8.count), "\(step)", sourceLocation: sourceLocation)
        #expect((0...kept.count).contains(state.cursor), "\(step)", sourceLocation: sourceLocation)
    }

    /// Where the cursor lands after text is put at UTF-8 offset `end`'s left: after the cluster that holds the
    /// byte before `end`, so after anything the new text merged into.
    private static func cursor(in text: String, before end: Int) -> Int {
        var offset = 0
        return text.prefix { character in
            defer { offset += character.utf8.count }
            return offset < end
        }.count
    }

    private static let keys: [KeyEvent] = [
        KeyEvent(.left), KeyEvent(.right), KeyEvent(.home), KeyEvent(.end), KeyEvent(.backspace), KeyEvent(.delete),
        .ctrl("w"), .alt("d"), .ctrl("k"), .ctrl("u"), .alt("b"), .alt("f"),
    ]

    @Test func editsKeepTheClustersAFreshCutWouldGive() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...12).map { $0.compactMap { $0 }.joined() }
        let steps = Gen.int(in: 0...9_999).array(of: 1...16)
        await propertyCheck(count: 2_000, input: text, steps) { text, steps in
            var state = TextFieldState(text: text)
            Self.expectKeptAsCutAfresh(state, after: "start \(text.debugDescription)")
            for step in steps {
                let before = state
                let characters = Array(before.text)
                let offset = characters[..<before.cursor].reduce(0) { $0 + $1.utf8.count }
                if step % 2 == 0 {
                    let piece = Self.pieces[step / 2 % Self.pieces.count]
                    state.insert(piece)
                    var expected = before.text
                    let at = expected.utf8.index(expected.utf8.startIndex, offsetBy: offset)
                    expected.insert(contentsOf: piece, at: at)
                    let what = "insert \(piece.debugDescription) at \(before.cursor) of \(before.text.debugDescription)"
                    #expect(Array(state.text.unicodeScalars) == Array(expected.unicodeScalars), "\(what)")
                    #expect(state.cursor == Self.cursor(in: state.text, before: offset + piece.utf8.count), "\(what)")
                    Self.expectKeptAsCutAfresh(state, after: what)
                } else {
                    let key = Self.keys[step / 2 % Self.keys.count]
                    state.handle(.key(key))
                    let what = "\(key) at \(before.cursor) of \(before.text.debugDescription)"
                    if key == KeyEvent(.backspace), before.cursor > 0 {
                        var expected = characters
                        expected.remove(at: before.cursor - 1)
                        let removedBytes = characters[before.cursor - 1].utf8.count
                        #expect(Array(state.text.unicodeScalars) == Array(String(expected).unicodeScalars), "\(what)")
                        #expect(state.cursor == Self.cursor(in: state.text, before: offset - removedBytes), "\(what)")
                    }
                    Self.expectKeptAsCutAfresh(state, after: what)
                }
            }
        }
    }

    /// One regional indicator typed before a run of flags re-pairs the whole run, so the re-cut reaches its end.
    @Test func aFlagLetterTypedBeforeFlagsRePairsTheWholeRun() {
        var state = TextFieldState(text: "🇱🇻🇺🇸🇬🇧🇯🇵x")
        state.handle(.key(KeyEvent(.home)))
        state.insert("🇪")
        #expect(state.text.map { $0.unicodeScalars.count } == [2, 2, 2, 2, 1, 1])
        Self.expectKeptAsCutAfresh(state, after: "🇪 before the flags")
        #expect(state.cursor == 1)
        // Backspace takes the pair the letter made, and the rest pairs anew.
        state.handle(.key(KeyEvent(.backspace)))
        #expect(state.text.map { $0.unicodeScalars.count } == [2, 2, 2, 1, 1])
        Self.expectKeptAsCutAfresh(state, after: "🇪🇱 removed")
    }

    /// A combining mark typed after a letter joins it; the cursor stays after the joined cluster.
    @Test func aMarkTypedAfterALetterJoinsIt() {
        var state = TextFieldState(text: "ab")
        state.handle(.key(KeyEvent(.left)))
        state.insert("\u{301}")
        #expect(state.text == "áb")
        #expect(state.cursor == 1)
        Self.expectKeptAsCutAfresh(state, after: "mark after a")
    }
}
