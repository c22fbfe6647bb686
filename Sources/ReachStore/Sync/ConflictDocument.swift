import ReachCore

/// The open clashes about one record (or the settings), as the app reads them from its conflict file.
public struct ConflictFile: Hashable, Sendable {
    public var subject: ConflictSubject
    /// In the order they were found.
    public var clashes: [Clash]
}

/// A conflict file as JSON: `{"schemaVersion", "kind", "recordId" (not for settings), "clashes": [...]}`, each clash
/// an object with a stable `id` (see `Clash.json`). Changes are made on the JSON, so members a newer Reach
/// adds survive an older one adding or resolving a clash.
enum ConflictDocument {
    static let schemaVersion = 1
    private static let settingsKind = "settings"

    /// `document` (nil: no file yet) with `clashes` appended, except those whose id it already holds.
    static func adding(_ clashes: [Clash], to document: JSONValue?, about subject: ConflictSubject) -> JSONValue {
        var members = document?.objectValue ?? header(subject)
        var entries = members["clashes"]?.arrayValue ?? []
        var ids = Set(entries.compactMap { $0["id"]?.stringValue })
        for clash in clashes where ids.insert(clash.id).inserted { entries.append(clash.json) }
        members["clashes"] = .array(entries)
        return .object(members)
    }

    /// `document` without the clash `id`, or nil when no clash is left and the file should go.
    static func removing(_ id: String, from document: JSONValue) -> JSONValue? {
        guard var members = document.objectValue else { return nil }
        let entries = (members["clashes"]?.arrayValue ?? []).filter { $0["id"]?.stringValue != id }
        guard !entries.isEmpty else { return nil }
        members["clashes"] = .array(entries)
        return .object(members)
    }

    /// Two replicas' versions of one conflict file: clashes united by id, a clash resolved on one side and left
    /// alone on the other stays resolved. The record merge does exactly that, as each clash has an `id`; what it
    /// reports as clashes here are two replicas' copies of one clash (found at other times), and either will do.
    static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue) -> JSONValue {
        RecordMerge.merge(base: base, ours: ours, theirs: theirs).merged
    }

    /// The file's subject and clashes, or nil when it is not a conflict file this build can read.
    static func decode(_ document: JSONValue) -> ConflictFile? {
        guard let subject = subject(document), let entries = document["clashes"]?.arrayValue else { return nil }
        var clashes: [Clash] = []
        for entry in entries {
            guard let clash = Clash(json: entry) else { return nil }
            clashes.append(clash)
        }
        return ConflictFile(subject: subject, clashes: clashes)
    }

    private static func header(_ subject: ConflictSubject) -> [String: JSONValue] {
        switch subject {
        case .record(let kind, let id):
            return ["schemaVersion": .int(schemaVersion), "kind": .string(kind.folderName), "recordId": .string(id.rawValue)]
        case .settings:
            return ["schemaVersion": .int(schemaVersion), "kind": .string(settingsKind)]
        }
    }

    private static func subject(_ document: JSONValue) -> ConflictSubject? {
        guard let kind = document["kind"]?.stringValue else { return nil }
        if kind == settingsKind { return .settings }
        guard let recordKind = RecordKind(rawValue: kind), let id = document["recordId"]?.stringValue else { return nil }
        return .record(recordKind, RecordID(rawValue: id))
    }
}
