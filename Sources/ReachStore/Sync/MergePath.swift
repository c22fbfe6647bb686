/// One step from a record's top down to a merged value: a member of an object, or an item of a list told
/// apart by its identity (`{"id": "…"}`, `{"at": "…", "to": "vetting"}`), never by position, because a position
/// means different items on two replicas.
public enum MergePathComponent: Hashable, Sendable {
    case member(String)
    case item(identity: [String: JSONValue])
}

/// Paths written for people (`offers[7BE8…].amount.amount`) and for the app (a JSON array of member names
/// and item identities), so a clash can be shown and a side applied.
public enum MergePath {
    /// `nextAction.due`, `offers[<id>].fee.amount`, `stageHistory[2026-08-03T04:41:09Z, vetting]`; identity
    /// values in key byte order, as the files sort keys. The whole record is `(record)`.
    public static func describe(_ path: [MergePathComponent]) -> String {
        guard !path.isEmpty else { return "(record)" }
        var text = ""
        for component in path {
            switch component {
            case .member(let name):
                if !text.isEmpty { text += "." }
                text += name
            case .item(let identity):
                text += "[" + byteOrder(identity.keys).map { plainText(identity[$0] ?? .null) }.joined(separator: ", ") + "]"
            }
        }
        return text
    }

    /// The path as stored in a conflict file: member names as strings, item identities as objects.
    public static func json(_ path: [MergePathComponent]) -> JSONValue {
        .array(path.map { component in
            switch component {
            case .member(let name): return .string(name)
            case .item(let identity): return .object(identity)
            }
        })
    }

    /// The path a conflict file stores, or nil when an element is neither a member name nor an identity object.
    public static func components(_ json: JSONValue) -> [MergePathComponent]? {
        guard let elements = json.arrayValue else { return nil }
        var path: [MergePathComponent] = []
        for element in elements {
            switch element {
            case .string(let name): path.append(.member(name))
            case .object(let identity): path.append(.item(identity: identity))
            default: return nil
            }
        }
        return path
    }

    /// Keys in UTF-8 byte order, as the files write them: the same order on every replica.
    static func byteOrder(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Strings and numbers as they read; anything else (identities are scalars in practice) as its JSON text.
    private static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let literal): return literal
        default: return String(decoding: JSONWriter.bytes(of: value).dropLast(), as: UTF8.self)
        }
    }
}
