import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// One small test per bug the fuzzer found, so each stays fixed even if the random runs stop reaching it.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    /// Found by seed 1 at step 654: typing a lone Hangul vowel into a form field trapped in `Sanitizer.glyphs`
    /// (`Character(" " + "\u{1160}")` is two grapheme clusters).
    @Test("a mark that cannot sit on a space is drawn as U+FFFD, keeping what follows",
          arguments: ["\u{1160}", "\u{11a8}", "\u{600}", "\u{180e}", "\u{fff9}", "\u{e0001}", "\u{600}日"])
    func unattachableMark(_ text: String) {
        let glyphs = Sanitizer.glyphs("a" + text)
        #expect(glyphs.first?.character == "a")
        #expect(glyphs.dropFirst().first?.character == "\u{FFFD}")
        #expect(glyphs.map(\.character).contains("日") == text.contains("日"))
        var state = FuzzWorld.state(width: 80, height: 24)
        for event in [InputEvent.key(.char("2")), .key(.char("n")), .paste(text)] { _ = App.update(&state, .input(event)) }
        var buffer = Buffer(width: 80, height: 24)
        AppView.render(state, into: &buffer, theme: .monochrome)
        #expect(ScreenInspection.problems(buffer, expected: buffer.size).isEmpty)
        #expect(buffer.lines().contains { $0.contains("›Display name") && $0.contains("\u{FFFD}") })
    }
}

/// Numbers and dates at the edges, typed into prompts or found in data files written by others.
@Suite("Fuzz findings: extreme values")
struct ExtremeValueFindingsTests {
    /// `f` then a huge `+nw`: `7 * n` overflowed and crashed; a huge `+nd` silently meant today.
    @Test("a follow-up offset beyond 9999 is refused, not a crash or a wrong date",
          arguments: ["+1317624576693539402w", "+9223372036854775807d", "+10000d", "+99999999m"])
    func hugeOffset(_ text: String) {
        #expect(DateInput.parse(text, now: FuzzWorld.now, timeZone: FuzzWorld.utc) == nil)
        var state = FuzzWorld.state(width: 80, height: 24)
        for event in keys("1ggf<C-u>") + [.paste(text), .key(KeyEvent(.enter))] { _ = App.update(&state, .input(event)) }
        guard case .prompt(let prompt)? = state.overlays.last else { Issue.record("the prompt closed"); return }
        #expect(prompt.error?.contains("is not a date") == true)
    }

    @Test("offsets up to 9999 still work")
    func largestOffset() throws {
        let due = try #require(DateInput.parse("+9999d", now: FuzzWorld.now, timeZone: FuzzWorld.utc))
        #expect(Humanize.day(due, timeZone: FuzzWorld.utc) == "2051-10-26")
        #expect(DateInput.parse("+1w", now: FuzzWorld.now, timeZone: FuzzWorld.utc).map { Humanize.day($0, timeZone: FuzzWorld.utc) } == "2024-06-17")
    }

    /// A creator whose follower count another program wrote as Int.min crashed the roster (`abs(Int.min)` traps).
    @Test("follower counts at the limits of Int are drawn", arguments: [Int.min, Int.max, -1, 0])
    func extremeFollowers(_ followers: Int) {
        #expect(Humanize.count(followers).hasPrefix(followers < 0 ? "-" : ""))
        var state = FuzzWorld.state(width: 120, height: 40)
        var creator = FuzzWorld.influencers()[0]
        creator.accounts[0].snapshots = [MetricSnapshot(asOf: FuzzWorld.now, followers: followers)]
        creator.revision += 1
        _ = App.update(&state, .externalChanges(ExternalChanges(upserted: [.influencer(creator)])))
        RosterPane.open(creator.id, &state)
        var buffer = Buffer(size: state.size)
        AppView.render(state, into: &buffer, theme: .monochrome)
        #expect(buffer.lines().contains { $0.contains("@handle0") && $0.contains(Humanize.count(followers)) })
    }
}
