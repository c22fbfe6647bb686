import Testing
@testable import TerminalUI

@Suite struct ThemeAndClipboardTests {
    @Test func noColorForcesMonochrome() {
        #expect(ColorMode.detect(environment: ["NO_COLOR": "1"], colorCount: 256) == .monochrome)
        #expect(ColorMode.detect(environment: ["NO_COLOR": ""], colorCount: 256) == .ansi256)
        #expect(ColorMode.detect(environment: [:], colorCount: 8) == .ansi16)
        #expect(ColorMode.detect(environment: [:], colorCount: 0) == .monochrome)
    }

    @Test(arguments: [ColorMode.monochrome, .ansi16, .ansi256])
    func themesUseDefaultBackgroundAndMonochromeUsesNoColours(mode: ColorMode) {
        let theme = Theme(mode: mode)
        let styles = [theme.normal, theme.muted, theme.title, theme.header, theme.selected, theme.border, theme.keyHint,
                      theme.warning, theme.overdue, theme.error, theme.success, theme.money, theme.accent, theme.input]
        #expect(styles.allSatisfy { $0.background == .default })
        if mode == .monochrome {
            #expect(styles.allSatisfy { $0.foreground == .default })
            #expect(theme.selected != theme.normal && theme.overdue != theme.normal && theme.error != theme.normal)
        }
        if mode == .ansi16 {
            #expect(styles.allSatisfy { if case .indexed(let n) = $0.foreground { n < 16 } else { true } })
        }
    }

    @Test func osc52Sequences() {
        #expect(Clipboard.osc52Sequence(for: "hi", environment: ["TERM": "xterm-256color"]) == "\u{1b}]52;c;aGk=\u{7}")
        #expect(Clipboard.osc52Sequence(for: "hi", environment: ["TERM": "screen", "TMUX": "/tmp/tmux,1,0"]) ==
            "\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{7}\u{1b}\\")
        #expect(Clipboard.osc52Sequence(for: "hi", environment: ["TERM": "linux"]) == nil)
        #expect(Clipboard.osc52Sequence(for: "hi", environment: [:]) == nil)
    }

    @Test func testTerminalScriptsEventsAndResizes() {
        let terminal = TestTerminal(width: 20, height: 3, events: [.key(.char("q"))], clipboardSupported: false)
        #expect(terminal.nextEvent(timeout: .zero) == .key(.char("q")))
        #expect(terminal.nextEvent(timeout: .zero) == nil)
        terminal.resize(width: 10, height: 2)
        #expect(terminal.nextEvent(timeout: nil) == .resize(width: 10, height: 2))
        #expect(!terminal.copyToClipboard("x"))
        terminal.suspend()
        #expect(terminal.isSuspended)
        terminal.resume()
        var buffer = Buffer(size: terminal.size)
        buffer.write("hey", x: 0, y: 0, maxWidth: 10, style: Style(attributes: .bold))
        terminal.present(buffer)
        #expect(terminal.snapshot() == ["hey       ", "          "])
        #expect(terminal.styledSnapshot()[0] == "<b>hey</>       ")
    }
}
