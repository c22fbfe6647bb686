import Foundation
import Testing

/// The real `reach` binary in tmux, scenario by scenario. Serialized: the scenarios share two cores with the
/// build, and several wait on the app's one-second folder polling, which parallel runs would starve.
@Suite(.serialized)
struct EndToEndTests {
    /// The terminals every screen scenario is also run in: full colour, and a plain `screen` with `NO_COLOR`.
    struct Profile: Sendable, CustomTestStringConvertible {
        var term: String
        var environment: [String: String]
        var expectsColour: Bool

        static let xterm = Profile(term: "xterm-256color", environment: [:], expectsColour: true)
        static let screenNoColor = Profile(term: "screen", environment: ["NO_COLOR": "1"], expectsColour: false)
        static let all = [xterm, screenNoColor]

        var testDescription: String { expectsColour ? term : "\(term) NO_COLOR=1" }
    }

    /// A folder with `SmallWorkspace` in it.
    static func seededFolder() throws -> DataFolder {
        let folder = try DataFolder()
        do {
            try SmallWorkspace.write(to: folder)
        } catch {
            folder.remove()
            throw error
        }
        return folder
    }
}
