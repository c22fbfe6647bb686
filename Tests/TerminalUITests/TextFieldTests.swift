import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    private func field(_ text: String, keys: [KeyEvent]) -> TextFieldState {
        var state = TextFieldState(text: text)
        for key in keys { state.handle(.key(key)) }
        return state
    }

    @Test func typingAndCursorMovement() {
        let state = field("", keys: [.char("a"), .char("c"), KeyEvent(.left), .char("b"), KeyEvent(.end), .char("d")])
        #expect(state.text == "abcd")
        #expect(state.cursor == 4)
    }

    @Test func homeEndAndControlKeys() {
        #expect(field("hello world", keys: [.ctrl("a"), .ctrl("k")]).text == "")
        #expect(field("hello world", keys: [KeyEvent(.home), KeyEvent(.right), .ctrl("u")]).text == "ello world")
        #expect(field("hello world", keys: [.ctrl("w")]).text == "hello ")
        #expect(field("hello world", keys: [.ctrl("w"), .ctrl("w")]).text == "")
        #expect(field("hello", keys: [.ctrl("a"), .ctrl("e"), .char("!")]).text == "hello!")
    }

    @Test func wordMoves() {
        let back = field("one two three", keys: [.alt("b")])
        #expect(back.cursor == 8)
        let ctrlLeft = field("one two three", keys: [KeyEvent(.left, .ctrl), KeyEvent(.left, .ctrl)])
        #expect(ctrlLeft.cursor == 4)
        let forward = field("one two three", keys: [KeyEvent(.home), .alt("f"), KeyEvent(.right, .ctrl)])
        #expect(forward.cursor == 7)
    }

    @Test func backspaceAndDeleteAreGraphemeAware() {
        #expect(field("ok👩‍💻", keys: [KeyEvent(.backspace)]).text == "ok")
        #expect(field("e\u{301}x", keys: [KeyEvent(.home), KeyEvent(.delete)]).text == "x")
        #expect(field("東京", keys: [KeyEvent(.left), KeyEvent(.backspace)]).text == "京")
        let atStart = field("ab", keys: [KeyEvent(.home), KeyEvent(.backspace)])
        #expect(atStart.text == "ab" && atStart.cursor == 0)
    }

    @Test func pasteInsertsOneLineAtCursor() {
        var state = TextFieldState(text: "ad")
        state.handle(.key(KeyEvent(.left)))
        state.handle(.paste("b\nc"))
        #expect(state.text == "ab cd")
        #expect(state.cursor == 4)
    }

    @Test func unusedKeysAreNotConsumed() {
        var state = TextFieldState()
        let consumed = [Key.enter, .escape, .tab].map { state.handle(.key(KeyEvent($0))) }
        #expect(consumed == [false, false, false])
    }

    @Test func rendersWithHorizontalScrollAndCursor() {
        var buffer = Buffer(width: 10, height: 1)
        var state = TextFieldState(text: "abcdefghijklmnop")
        TextField().render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines() == ["hijklmnop "])
        #expect(buffer.cursor == Point(x: 9, y: 0))
        state.handle(.key(KeyEvent(.home)))
        TextField().render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines() == ["abcdefghij"])
        #expect(buffer.cursor == Point(x: 0, y: 0))
    }

    @Test func rendersControlCharactersAsPlaceholders() {
        var buffer = Buffer(width: 12, height: 1)
        var state = TextFieldState(text: "a\u{1b}[2Jb")
        TextField().render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines() == ["a^[[2Jb     "])
        #expect(buffer.cursor == Point(x: 7, y: 0))
    }

    @Test func wideGlyphCutAtLeftEdgeIsPadded() {
        var buffer = Buffer(width: 4, height: 1)
        var state = TextFieldState(text: "東京都")
        state.scroll = 1
        state.handle(.key(KeyEvent(.left)))
        TextField().render(into: &buffer, area: buffer.area, state: &state)
        #expect(buffer.lines() == [" 京 "])
    }

    /// Each character is drawn as `Sanitizer` draws it alone, whether it is met once or again (a character seen before
    /// is drawn from what the frame made of it): repeated controls, wide and combining text, and characters that
    /// are canonically equal but spelled apart (a precomposed and a decomposed é, the ohm sign and omega).
    @Test func repeatedCharactersAreDrawnAsTheFirstTime() {
        let text = "é\u{1b}田e\u{301}\u{1b}田\u{2126}\u{3A9}Z\u{301}\u{301}é\u{200B}"
        var buffer = Buffer(width: 40, height: 1)
        var state = TextFieldState(text: text)
        TextField(style: .plain).render(into: &buffer, area: buffer.area, state: &state)
        var expected = Buffer(width: 40, height: 1)
        var x = 0
        for character in text {
            for glyph in Sanitizer.glyphs(String(character)) {
                expected.put(glyph, x: x, y: 0, style: .plain, limit: 40)
                x += glyph.width
            }
        }
        #expect(buffer.lines() == expected.lines())
        #expect(buffer.cursor == Point(x: x, y: 0))
    }
}
