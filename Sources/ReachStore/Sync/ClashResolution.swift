/// What taking one side of a clash does to the record.
public enum ClashResolution: Hashable, Sendable {
    /// Save this JSON as the record (the other members as they were).
    case record(JSONValue)
    /// Delete the record: the side chosen deleted it.
    case deleteRecord
    /// Nothing to apply automatically: the side chosen is an unreadable file (its text is in the clash for a
    /// person to copy from), or the record no longer has the place the clash was about.
    case byHand
}

extension Clash {
    /// `record` (the record's JSON as it is now) with `side`'s value at the clash's path: an absent value removes
    /// the member or the item, a new item is appended. Taking the kept side changes nothing; the caller then
    /// saves the result (or deletes the record) and resolves the clash.
    public func taking(_ side: MergeSide, in record: JSONValue) -> ClashResolution {
        switch subject {
        case .field(let clash):
            let value = clash.value(of: side)
            guard !clash.path.isEmpty else { return value.map(ClashResolution.record) ?? .deleteRecord }
            var edited = record
            return edited.set(value, at: clash.path[...]) ? .record(edited) : .byHand
        case .recordDeleted:
            return side == .theirs ? .deleteRecord : .record(record)
        case .unreadable(let unreadableSide, _):
            return side == unreadableSide ? .byHand : .record(record)
        }
    }
}

extension JSONValue {
    /// Sets `value` at `path` (non-empty) below this value, nil removing the member or item; false when the path
    /// cannot be followed (a member of a non-object, an item of a non-list, an item on the way that is gone).
    /// Objects missing on the way are created when there is a value to put in them.
    mutating func set(_ value: JSONValue?, at path: ArraySlice<MergePathComponent>) -> Bool {
        guard let step = path.first else { return false }
        let rest = path.dropFirst()
        switch (step, self) {
        case (.member(let name), .object(var members)):
            if rest.isEmpty {
                members[name] = value
            } else {
                // Nothing to remove below a member that is not there; a value to set creates the missing object.
                let missing: JSONValue? = value == nil ? nil : .object([:])
                guard var child = members[name] ?? missing else { return true }
                guard child.set(value, at: rest) else { return false }
                members[name] = child
            }
            self = .object(members)
            return true
        case (.item(let identity), .array(var elements)):
            let index = elements.firstIndex { element in identity.allSatisfy { element[$0.key] == $0.value } }
            switch (index, rest.isEmpty) {
            case (let index?, true):
                if let value { elements[index] = value } else { elements.remove(at: index) }
            case (nil, true):
                if let value { elements.append(value) }
            case (let index?, false):
                guard elements[index].set(value, at: rest) else { return false }
            case (nil, false):
                return false
            }
            self = .array(elements)
            return true
        default:
            return false
        }
    }
}
