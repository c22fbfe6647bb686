import Foundation
import ReachApp
import ReachDemo
import TerminalUI

/// A 100 KB paste into the new-creator form and into the roster search, then editing keys, each key → frame
/// through `AppRunner` on the demo roster. Three shapes of hostile text (the reliability tests check what the
/// app keeps of them): escape sequences the sanitiser rewrites, wide CJK, and one grapheme with 50,000 marks.
enum PasteCases {
    static let all = [paste]

    static let texts = [
        String(repeating: "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m", count: 5_300),
        String(repeating: "田中さくら", count: 6_700),
        "Z" + String(repeating: "\u{301}", count: 50_000),
    ]

    static var folder: String { Dataset.temporaryDirectory + "/reach-bench-paste" }

    static let paste = BenchCase(name: "app.paste-100kb", datasets: [], run: { options in
        let demo = DemoData.make(now: Dataset.now, seed: Dataset.defaultSeed)
        let workspace = Workspace(influencers: demo.influencers, campaigns: demo.campaigns, deals: demo.deals,
                                  templates: demo.templates, settings: AppSettings(workspace: demo.settings))
        var pastes: [(wall: Duration, cpu: Double)] = [], keys: [(wall: Duration, cpu: Double)] = []
        // A fresh app for each paste, so each lands in an empty field; opening it is not timed.
        func run(_ opening: String, _ text: String, then editing: [KeyEvent]) throws {
            let runner = try AppCases.open(folder, workspace: workspace)
            func timed(_ event: InputEvent) -> (wall: Duration, cpu: Double) {
                Measure.timed {
                    runner.send(.input(event))
                    runner.send(.keysHandled) // as the real loop does before it draws
                    runner.present()
                }
            }
            for character in opening { _ = timed(.key(.char(character))) }
            pastes.append(timed(.paste(text)))
            for key in editing { keys.append(timed(.key(key))) }
        }
        for _ in 0..<options.iterations(10) {
            for text in texts {
                try run("2n", text, then: [.char("x"), KeyEvent(.left), KeyEvent(.home), .char("y"), .ctrl("e")])
                try run("2/", text, then: [KeyEvent(.backspace), .char("a"), .ctrl("w"), KeyEvent(.enter)])
            }
        }
        return [
            BenchResult(name: "app paste 100 KB → frame", samples: Samples(pastes),
                        note: "form field and roster search; \(texts.count) kinds of text"),
            BenchResult(name: "app key→frame after a 100 KB paste", samples: Samples(keys), target: .p99(below: 16),
                        note: "editing keys in the pasted field; Enter keeps the search"),
        ]
    }, cleanup: { try? FileManager.default.removeItem(atPath: folder) })
}
