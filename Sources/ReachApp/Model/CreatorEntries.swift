import OrderedCollections
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

/// Every creator's `CreatorEntry` in one contiguous array with a compact table of their ids beside it (as
/// `DealRows` keeps the deals' rows), read by id through the subscripts.
public struct CreatorEntries: Sendable {
    private var table: OrderedDictionary<RecordID, CreatorEntry> = [:]

    /// In no particular order (a removal moves the last entry into the gap).
    public var all: [CreatorEntry] { table.values.elements }

    public var count: Int { table.count }

    public func contains(_ id: RecordID) -> Bool { table.index(forKey: id) != nil }

    public subscript(id: RecordID) -> CreatorEntry? { table[id] }

    /// The ids, in no particular order.
    public var ids: [RecordID] { table.keys.elements }

    mutating func reserveCapacity(_ count: Int) {
        table.reserveCapacity(count)
    }

    /// Adds the entry, or replaces the one with its id; returns the replaced one.
    @discardableResult
    mutating func put(_ entry: CreatorEntry) -> CreatorEntry? {
        table.updateValue(entry, forKey: entry.id)
    }

    /// Changes the facts of the creator `id` in place; nil when there is no such creator.
    mutating func update<T>(_ id: RecordID, _ change: (inout RosterFacts) -> T) -> T? {
        guard let place = table.index(forKey: id) else { return nil }
        return change(&table.values[place].facts)
    }

    /// Removes the entry with `id` and returns it.
    mutating func remove(_ id: RecordID) -> CreatorEntry? {
        table.removeUnordered(id)
    }
}

extension CreatorEntries: Equatable {
    /// The same creators with the same entries, wherever each sits.
    public static func == (lhs: CreatorEntries, rhs: CreatorEntries) -> Bool {
        lhs.count == rhs.count && lhs.all.allSatisfy { entry in rhs[entry.id].map { $0 == entry } ?? false }
    }
}

extension CreatorEntry: Equatable {}
