import ReachCore

/// The files of a data folder the merge driver merges, told by their path in the repository (git's `%P`).
enum ReachFile: Hashable {
    /// A record (`deals/<id>.json`...) or `reach.json`: merged field by field, clashes kept in its conflict file.
    case document(ConflictSubject)
    /// A conflict file (`conflicts/deals/<id>.json`, `conflicts/settings.json`): merged as a union of clashes.
    case conflicts(ConflictSubject)

    /// Nil for anything else: trash, backups, logs, a record file whose name is not an id, files of other tools.
    init?(repositoryPath path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where parts[0] == "reach.json":
            self = .document(.settings)
        case 2 where parts == ["conflicts", "settings.json"]:
            self = .conflicts(.settings)
        case 2:
            guard let subject = Self.record(folder: parts[0], file: parts[1]) else { return nil }
            self = .document(subject)
        case 3 where parts[0] == "conflicts":
            guard let subject = Self.record(folder: parts[1], file: parts[2]) else { return nil }
            self = .conflicts(subject)
        default:
            return nil
        }
    }

    private static func record(folder: String, file: String) -> ConflictSubject? {
        guard let kind = RecordKind(rawValue: folder), let id = DataFolderLayout.recordID(fromFileName: file),
              id.isWellFormed else { return nil }
        return .record(kind, id)
    }
}
