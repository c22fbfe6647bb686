import ReachCore

/// What a conflict file is about: one record, or the workspace settings in `reach.json`.
public enum ConflictSubject: Hashable, Sendable {
    case record(RecordKind, RecordID)
    case settings
}

extension DataFolderLayout {
    /// `conflicts/`: clashes left by merging two replicas, for a person to settle. Committed and synced like
    /// the records, so every replica shows the same open conflicts.
    public var conflictsDirectory: String { root + "/conflicts" }

    /// `conflicts/deals/`...
    public func conflictsDirectory(for kind: RecordKind) -> String { conflictsDirectory + "/" + kind.folderName }

    /// `conflicts/<kind>/<id>.json` beside the record's own path, and `conflicts/settings.json` for `reach.json`
    /// (one file, as there is one settings document; the name says what it holds, where `reach.json` would not).
    public func conflictFile(_ subject: ConflictSubject) -> String {
        switch subject {
        case .record(let kind, let id): return conflictsDirectory(for: kind) + "/" + Self.fileName(id)
        case .settings: return conflictsDirectory + "/settings.json"
        }
    }
}
