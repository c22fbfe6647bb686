import Foundation
import Testing

/// The real `reach` binary in tmux, scenario by scenario, on data written by `reach demo`. Serialized: the scenarios
/// share two cores with builds, and several wait on the app's one-second folder polling, which parallel runs starve.
@Suite(.serialized)
struct EndToEndTests {
    /// The terminals the screen scenarios run in: full colour, and a plain `screen` with `NO_COLOR`.
    struct Profile: Sendable, CustomTestStringConvertible {
        var term: String
        var environment: [String: String]
        var expectsColour: Bool

        static let xterm = Profile(term: "xterm-256color", environment: [:], expectsColour: true)
        static let screenNoColor = Profile(term: "screen", environment: ["NO_COLOR": "1"], expectsColour: false)
        static let all = [xterm, screenNoColor]

        var testDescription: String { expectsColour ? term : "\(term) NO_COLOR=1" }
    }

    /// A Georgian creator of the demo roster (the hand-written part, the same for every seed).
    static let georgianName = "ნინო ბერიძე"
    static let georgianCity = "Tbilisi"

    /// A fresh folder filled by the real `reach demo`.
    static func demoFolder() throws -> DataFolder {
        let folder = try DataFolder()
        let result = try ReachBinary.run(["--data-dir", folder.url.path, "demo"])
        guard result.status == 0 else {
            folder.remove()
            throw HarnessError(description: "reach demo failed (\(result.status)): \(result.output)")
        }
        return folder
    }

    /// The roster line's count of creators, as the Roster shows it unfiltered ("71 of 71 creators").
    static func allCreators(_ folder: DataFolder) throws -> String {
        let count = try folder.records("influencers").count
        return "\(count) of \(count) creators"
    }

    /// Opens the Roster in `session` and keeps the search results for `query`, which must match one creator.
    static func findOne(_ query: String, in session: ReachSession, folder: DataFolder) throws {
        try session.go(to: "2", expecting: try allCreators(folder))
        try session.tmux.type("/")
        try session.tmux.waitFor(text: "Search:")
        try session.tmux.type(query)
        try session.tmux.waitFor(text: "1 match")
        try session.tmux.press("Enter")
        try session.tmux.waitFor(text: "search “\(query)”")
    }
}
