import ReachCore
import TerminalUI

/// One entry of the `:` command palette.
public struct PaletteCommand: Sendable {
    public var title: String
    /// The key that does the same outside the palette, shown beside the title ("n").
    public var key: String?
    public var run: @Sendable (inout AppState) -> [Effect]

    public init(_ title: String, key: String? = nil, run: @escaping @Sendable (inout AppState) -> [Effect]) {
        self.title = title
        self.key = key
        self.run = run
    }
}

/// The palette's query and selection; matches are computed from the registry on demand.
public struct PaletteState: Sendable {
    public var query = TextFieldState()
    public var cursor = ListCursor()
    public init() {}
}

/// Collects palette commands: the global ones, every pane's (so commands work from any tab), and creators
/// matching the query ("jump to influencer by name").
public enum CommandRegistry {
    /// How many creators the palette offers for a query.
    static let creatorLimit = 20

    public static func commands(_ state: AppState) -> [PaletteCommand] {
        var all = GlobalKeys.commands(state)
        for tab in Tab.allCases { all += tab.pane.commands(state) }
        return all
    }

    /// Commands matching `query` best first, then creators whose name or handle matches.
    public static func matches(_ query: String, _ state: AppState) -> [PaletteCommand] {
        let terms = FuzzyMatcher.terms(query)
        let commands = commands(state)
        guard !terms.isEmpty else { return commands }
        var scored: [(PaletteCommand, Int)] = []
        for command in commands {
            let key = Array(TextFolding.fold(command.title).utf8)
            var total = 0
            var ok = true
            for term in terms {
                guard let s = FuzzyMatcher.score(term: term, in: key) else { ok = false; break }
                total += s
            }
            if ok { scored.append((command, total)) }
        }
        let ranked = scored.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
        }.map(\.element.0)
        let creators = state.workspace.searchIndex.search(query, limit: creatorLimit).compactMap { hit -> PaletteCommand? in
            guard let influencer = state.workspace.influencer(hit.id) else { return nil }
            let id = hit.id
            return PaletteCommand("Open creator: \(influencer.displayName)") { state in
                RosterPane.open(id, &state)
                return []
            }
        }
        return ranked + creators
    }
}
