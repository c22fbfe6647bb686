import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// A big roster must stay interactive: keystrokes cost a fraction of a second even in debug builds.
/// 20,000 creators by default (quick on a shared machine); `REACH_BENCH=1` uses the full 100,000.
@Suite("Performance")
struct PerformanceTests {
    static let count = ProcessInfo.processInfo.environment["REACH_BENCH"] == "1" ? 100_000 : 20_000

    static func bigState() -> AppState {
        let niches: [Niche] = ["skincare", "travel", "gaming", "tech", "food & drink"]
        let platforms: [Platform] = [.instagram, .tiktok, .youtube]
        var influencers: [Influencer] = []
        influencers.reserveCapacity(count)
        for n in 0..<count {
            let id = RecordID(rawValue: String(format: "01K%023d", n))
            influencers.append(Influencer(
                id: id, createdAt: Fx.now, displayName: "Creator \(n) \(["Anna", "Līga", "Nino", "さくら"][n % 4])",
                country: ["LV", "GE", "JP", "NO"][n % 4], niches: [niches[n % niches.count]],
                accounts: [PlatformAccount(platform: platforms[n % 3], handle: "creator\(n)", isMain: true,
                                           snapshots: [MetricSnapshot(asOf: Fx.days(-Double(n % 90)), followers: (n * 7919) % 2_000_000)])]))
        }
        var state = AppState(workspace: Workspace(influencers: influencers), now: Fx.now, timeZone: Fx.utc,
                             size: Size(width: 200, height: 60))
        _ = App.update(&state, .input(.key(.char("2"))))
        return state
    }

    func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test("keystrokes on a big roster", .timeLimit(.minutes(2)))
    func bigRoster() {
        var state = Self.bigState()
        #expect(state.roster.rows.count == Self.count)
        let move = seconds { _ = App.update(&state, .input(.key(.char("j")))) }
        var buffer = Buffer(width: 200, height: 60)
        let draw = seconds { AppView.render(state, into: &buffer, theme: .monochrome) }
        _ = App.update(&state, .input(.key(.char("/"))))
        let search = seconds { _ = App.update(&state, .input(.key(.char("n")))) }
        _ = App.update(&state, .input(.key(KeyEvent(.escape))))
        let edit = seconds {
            guard var inf = state.workspace.influencers[state.roster.selectedID ?? Fx.id(0)] else { return }
            inf.displayName += " edited"
            _ = Edits.commit(.influencer(inf), label: "edit", &state)
        }
        let sort = seconds { _ = App.update(&state, .input(.key(.char("s")))) }
        print("\(Self.count) creators (debug): move \(move)s, draw \(draw)s, search key \(search)s, edit \(edit)s, sort \(sort)s")
        #expect(move < 0.05)
        #expect(draw < 0.2)
        // Dominated by `SearchIndex.search` (ReachCore) matching one letter against every creator; ~10× faster in release.
        #expect(search < 5)
        #expect(edit < 1.5)
        #expect(sort < 6, "a full re-sort; debug builds are ~10× slower than release")
    }
}
