import ReachCore

/// The files one commit, merge or push touched, named the way the data folder names them.
public struct SyncChanges: Sendable, Equatable {
    public enum Change: String, Sendable, Comparable {
        case added, changed, removed

        public static func < (lhs: Change, rhs: Change) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What a path in the folder is.
    public enum Subject: Sendable, Hashable {
        case record(RecordKind, RecordID)
        case settings
        case conflict(String)
        case other(String)
    }

    public struct Entry: Sendable, Equatable {
        public var subject: Subject
        public var change: Change
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// The entries of `git diff --name-status -z --no-renames` output.
    init(nameStatus output: String) {
        let fields = output.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)
        var index = 0
        while index + 1 < fields.count {
            let change: Change = switch fields[index].first {
            case "A": .added
            case "D": .removed
            default: .changed
            }
            entries.append(Entry(subject: Self.subject(ofPath: fields[index + 1]), change: change))
            index += 2
        }
    }

    /// `deals/<id>.json` → a deal, `reach.json` → the settings, `conflicts/…` → a conflict record.
    public static func subject(ofPath path: String) -> Subject {
        if path == "reach.json" { return .settings }
        if path.hasPrefix("conflicts/") { return .conflict(path) }
        let parts = path.split(separator: "/")
        if parts.count == 2, let kind = RecordKind(rawValue: String(parts[0])),
           let id = DataFolderLayout.recordID(fromFileName: String(parts[1])) {
            return .record(kind, id)
        }
        return .other(path)
    }

    /// "2 deals changed, 1 creator added": counts only, for a commit's subject line and the CLI.
    public var summary: String {
        guard !entries.isEmpty else { return "no changes" }
        return grouped().map { group in
            let noun = group.items.count == 1 ? group.noun : Self.plural(group.noun)
            return "\(group.items.count) \(noun) \(group.change.rawValue)"
        }.joined(separator: ", ")
    }

    /// One line per kind and change with the record ids, never a name: git history is hard to erase (GDPR).
    /// At most `limit` ids a line, then how many more.
    public func idLines(limit: Int = 100) -> [String] {
        grouped().map { group in
            let ids = group.items.map(Self.identifier)
            let shown = ids.prefix(limit).joined(separator: " ")
            return "\(Self.plural(group.noun)) \(group.change.rawValue): \(shown)"
                + (ids.count > limit ? " … and \(ids.count - limit) more" : "")
        }
    }

    /// Entries by kind of subject and change, in order of first appearance.
    private func grouped() -> [(noun: String, change: Change, items: [Subject])] {
        var groups: [(noun: String, change: Change, items: [Subject])] = []
        for entry in entries {
            let noun = Self.label(entry.subject)
            if let index = groups.firstIndex(where: { $0.noun == noun && $0.change == entry.change }) {
                groups[index].items.append(entry.subject)
            } else {
                groups.append((noun, entry.change, [entry.subject]))
            }
        }
        return groups
    }

    private static func label(_ subject: Subject) -> String {
        switch subject {
        case .record(let kind, _): kind.noun
        case .settings: "settings"
        case .conflict: "conflict-record"
        case .other: "file"
        }
    }

    private static func plural(_ noun: String) -> String {
        noun == "settings" ? noun : noun + "s"
    }

    private static func identifier(_ subject: Subject) -> String {
        switch subject {
        case .record(_, let id): id.rawValue
        case .settings: "reach.json"
        case .conflict(let path), .other(let path): path
        }
    }
}
