import ReachCore

/// Which records were added, changed or removed in one step, so panes can update rows for just those.
public struct RecordChanges: Sendable, Hashable {
    public private(set) var ids: [RecordKind: Set<RecordID>] = [:]

    public init(_ records: [(RecordKind, RecordID)] = []) {
        for (kind, id) in records { ids[kind, default: []].insert(id) }
    }

    public mutating func insert(_ kind: RecordKind, _ id: RecordID) { ids[kind, default: []].insert(id) }

    public var isEmpty: Bool { ids.values.allSatisfy(\.isEmpty) }

    public func ids(of kind: RecordKind) -> Set<RecordID> { ids[kind] ?? [] }
}
