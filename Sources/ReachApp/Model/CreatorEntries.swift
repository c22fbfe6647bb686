import ReachCore

/// One creator as the roster and the lists of deals show them: display name, folded name and roster facts.
public struct CreatorEntry: Sendable {
    public let id: RecordID
    /// The display name, which lists of deals show beside each deal.
    public var name: String
    /// The folded display name (`TextFolding.fold`), the tie-breaker of every roster sort; folding is too slow to
    /// redo per sort.
    public var sortName: String
    /// What the roster filter and sorts read of the creator (the deal facts filled in by the workspace).
    public var facts: RosterFacts
}

/// Every creator's `CreatorEntry` in one contiguous array, with each id's place beside it (as `DealRows` keeps the
/// deals' rows), read by id through the subscripts.
public struct CreatorEntries: Sendable {
    /// In no particular order (a removal moves the last entry into the gap).
    public private(set) var all: [CreatorEntry] = []
    private var places: [RecordID: Int32] = [:]

    public var count: Int { all.count }

    public func contains(_ id: RecordID) -> Bool { places[id] != nil }

    public subscript(id: RecordID) -> CreatorEntry? { places[id].map { all[Int($0)] } }

    /// The ids, in no particular order.
    public var ids: LazyMapCollection<[CreatorEntry], RecordID> { all.lazy.map(\.id) }

    mutating func reserveCapacity(_ count: Int) {
        all.reserveCapacity(count)
        places.reserveCapacity(count)
    }

    /// Adds the entry, or replaces the one with its id; returns the replaced one.
    @discardableResult
    mutating func put(_ entry: CreatorEntry) -> CreatorEntry? {
        guard let place = places[entry.id] else {
            places[entry.id] = Int32(all.count)
            all.append(entry)
            return nil
        }
        defer { all[Int(place)] = entry }
        return all[Int(place)]
    }

    /// Changes the facts of the creator `id` in place; nil when there is no such creator.
    mutating func update<T>(_ id: RecordID, _ change: (inout RosterFacts) -> T) -> T? {
        guard let place = places[id] else { return nil }
        return change(&all[Int(place)].facts)
    }

    /// Removes the entry with `id` and returns it.
    mutating func remove(_ id: RecordID) -> CreatorEntry? {
        guard let place = places.removeValue(forKey: id).map(Int.init) else { return nil }
        let removed = all[place]
        let last = all.removeLast()
        if place < all.count {
            all[place] = last
            places[last.id] = Int32(place)
        }
        return removed
    }
}

extension CreatorEntries: Equatable {
    /// The same creators with the same entries, wherever each sits.
    public static func == (lhs: CreatorEntries, rhs: CreatorEntries) -> Bool {
        lhs.count == rhs.count && lhs.all.allSatisfy { entry in rhs[entry.id].map { $0 == entry } ?? false }
    }
}

extension CreatorEntry: Equatable {}
