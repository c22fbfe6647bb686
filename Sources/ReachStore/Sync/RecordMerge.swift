/// A three-way merge of two versions of one JSON document (a record, `reach.json`, a conflict file) against
/// the version they both started from, field by field: what only one side changed is taken, what both changed
/// alike is taken, and what both changed differently keeps ours and is reported as a clash. Generic over keys,
/// so members this build does not know merge like the rest. Pure: no I/O, no clock.
public enum RecordMerge {
    /// `base` nil: both sides added the document, so every member both hold with different values clashes.
    /// Clashes come in document order (members by key bytes, list items in merged order).
    public static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue) -> (merged: JSONValue, clashes: [FieldClash]) {
        var merger = Merger()
        // Both sides hold a value, and so does every merge of them: the result is never absent.
        let merged = merger.value(base: base, ours: ours, theirs: theirs, at: []) ?? ours
        return (merged, merger.clashes)
    }
}

/// The recursion behind `RecordMerge`, collecting clashes as it goes. A value of nil is an absent member or item.
private struct Merger {
    var clashes: [FieldClash] = []

    mutating func value(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?, at path: [MergePathComponent]) -> JSONValue? {
        if ours == theirs { return ours }
        if base == ours { return theirs }
        if base == theirs { return ours }
        switch (ours, theirs) {
        case (.object(let mine)?, .object(let other)?):
            return .object(objects(base: base?.objectValue, ours: mine, theirs: other, at: path))
        case (.array(let mine)?, .array(let other)?):
            if let merged = lists(base: base?.arrayValue, ours: mine, theirs: other, at: path) { return .array(merged) }
        default:
            break
        }
        clashes.append(FieldClash(path: path, ours: ours, theirs: theirs))
        return ours
    }

    private mutating func objects(base: [String: JSONValue]?, ours: [String: JSONValue], theirs: [String: JSONValue],
                                  at path: [MergePathComponent]) -> [String: JSONValue] {
        var merged: [String: JSONValue] = [:]
        for key in MergePath.byteOrder(Set(ours.keys).union(theirs.keys).union((base ?? [:]).keys)) {
            if path.isEmpty, let mine = ours[key], let other = theirs[key],
               let header = RecordHeaderMerge.merged(key, ours: mine, theirs: other) {
                merged[key] = header
            } else {
                merged[key] = value(base: base?[key], ours: ours[key], theirs: theirs[key], at: path + [.member(key)])
            }
        }
        return merged
    }

    /// A list both sides changed, as a union of items by identity with a merge inside each item; nil when the
    /// list has no identity rule and must merge as one value.
    private mutating func lists(base: [JSONValue]?, ours: [JSONValue], theirs: [JSONValue],
                                at path: [MergePathComponent]) -> [JSONValue]? {
        let name: String? = if case .member(let member)? = path.last { member } else { nil }
        switch ListIdentity.rule(forListNamed: name, versions: [base ?? [], ours, theirs]) {
        case nil:
            return nil
        case .scalar?:
            // A set: each element is its own identity, so there is nothing to merge inside one.
            return ListUnion(base: base ?? [], ours: ours, theirs: theirs) { $0 }.kept
        case .members(let keys)?:
            let union = ListUnion(base: base ?? [], ours: ours, theirs: theirs) { ListIdentity.members(keys).identity(of: $0)?.objectValue }
            return union.kept.compactMap { identity in
                item(base: union.base.elements[identity], ours: union.ours.elements[identity],
                     theirs: union.theirs.elements[identity], at: path + [.item(identity: identity)])
            }
        }
    }

    /// A kept item: merged when both sides have it, else the side that has it, with a clash when base had it
    /// (the other side deleted it while this one edited it: the edit is kept, so no work is lost).
    private mutating func item(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?, at path: [MergePathComponent]) -> JSONValue? {
        if let mine = ours, let other = theirs { return value(base: base, ours: mine, theirs: other, at: path) }
        if base != nil { clashes.append(FieldClash(path: path, ours: ours, theirs: theirs, kept: ours == nil ? .theirs : .ours)) }
        return ours ?? theirs
    }
}
