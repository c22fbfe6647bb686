import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    private func decode(_ text: String, flush: Bool = true) -> [InputEvent] {
        var decoder = KeyDecoder()
        var events = decoder.feed(Array(text.utf8))
        if flush { events += decoder.flush() }
        return events
    }

    private func key(_ key: Key, _ modifiers: Modifiers = []) -> InputEvent { .key(KeyEvent(key, modifiers)) }

    @Test func arrowsInBothEncodings() {
        #expect(decode("\u{1b}[A\u{1b}[B\u{1b}[C\u{1b}[D") == [key(.up), key(.down), key(.right), key(.left)])
        #expect(decode("\u{1b}OA\u{1b}OH\u{1b}OF") == [key(.up), key(.home), key(.end)])
    }

    @Test func modifiedArrows() {
        #expect(decode("\u{1b}[1;5C") == [key(.right, .ctrl)])
        #expect(decode("\u{1b}[1;2D") == [key(.left, .shift)])
        #expect(decode("\u{1b}[1;3A") == [key(.up, .alt)])
        #expect(decode("\u{1b}[1;6B") == [key(.down, [.ctrl, .shift])])
    }

    @Test func functionAndEditingKeys() {
        #expect(decode("\u{1b}OP\u{1b}[15~\u{1b}[24~\u{1b}[1;5P") ==
            [key(.function(1)), key(.function(5)), key(.function(12)), key(.function(1), .ctrl)])
        #expect(decode("\u{1b}[2~\u{1b}[3~\u{1b}[5~\u{1b}[6~\u{1b}[1~\u{1b}[4~\u{1b}[Z") ==
            [key(.insert), key(.delete), key(.pageUp), key(.pageDown), key(.home), key(.end), key(.backTab)])
    }

    @Test func controlKeysAndText() {
        #expect(decode("\r\t\u{7f}\u{1}\u{17}aé東") == [
            key(.enter), key(.tab), key(.backspace), .key(.ctrl("a")), .key(.ctrl("w")),
            .key(.char("a")), .key(.char("é")), .key(.char("東")),
        ])
    }

    @Test func altKeys() {
        #expect(decode("\u{1b}x") == [.key(.alt("x"))])
        #expect(decode("\u{1b}b\u{1b}f") == [.key(.alt("b")), .key(.alt("f"))])
        #expect(decode("\u{1b}\u{7f}") == [key(.backspace, .alt)])
    }

    @Test func loneEscapeWaitsForTimeout() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1b]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.flush() == [key(.escape)])
        #expect(!decoder.hasPending)
        #expect(decode("\u{1b}\u{1b}") == [key(.escape), key(.escape)])
    }

    @Test func sequencesSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1b}[1;".utf8)).isEmpty)
        #expect(decoder.feed(Array("5C".utf8)) == [key(.right, .ctrl)])
        #expect(decoder.feed([0xE6, 0x9D]).isEmpty)
        #expect(decoder.feed([0xB1]) == [.key(.char("東"))])
    }

    @Test func bracketedPasteIsOneEventWithControlsKept() {
        let events = decode("a\u{1b}[200~hello\nworld\u{1b}[2J\u{1b}[201~b")
        #expect(events == [.key(.char("a")), .paste("hello\nworld\u{1b}[2J"), .key(.char("b"))])
    }

    @Test func pasteSplitAcrossReadsAndEndMarker() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1b}[200~abc\u{1b}[20".utf8)).isEmpty)
        #expect(decoder.flush().isEmpty)
        #expect(decoder.feed(Array("1~".utf8)) == [.paste("abc")])
    }

    @Test func unknownSequencesAreSwallowed() {
        #expect(decode("\u{1b}[?1;2cq") == [.key(.char("q"))])
    }
}
