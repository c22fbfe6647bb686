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

/// Every creator's `CreatorEntry`, one column per field, with a table of each id's place beside them, read by id
/// through the subscripts; once `orderByName()` has run, kept in the roster's name order (folded name, then id), so
/// the columns are the name order itself (`inNameOrder`) and every roster sort starts from them.
///
/// One copy, not two: the entries by id and the name order beside them each held every creator's facts (13 MB of
/// the app at 100k creators). An edit that renames, adds or removes a creator moves the columns after its place, as
/// the name order's own arrays did.
public struct CreatorEntries: Sendable {
    /// Each creator's id at their place, and each id's place.
    private var places: [RecordID] = []
    private var table = PlaceTable()
    private var names: [String] = []
    private var sortNames: [String] = []
    private var facts: [RosterFacts] = []
    /// Each main handle's sort key (`TextKey`), so a sort by handle reads no handle unless two share sixteen bytes.
    private var handleKeys: [TextKey?] = []
    /// False while creators are appended as they come (a start reads 100,000 of them and orders them after its first
    /// frame), true while they are kept in name order.
    public private(set) var isInNameOrder = true

    init() {}

    /// Empty, filled in no order by `put` until `orderByName()`.
    init(unorderedCapacity count: Int) {
        places.reserveCapacity(count)
        names.reserveCapacity(count)
        sortNames.reserveCapacity(count)
        facts.reserveCapacity(count)
        handleKeys.reserveCapacity(count)
        isInNameOrder = false
    }

    public var count: Int { places.count }

    public func contains(_ id: RecordID) -> Bool { place(of: id) != nil }

    public subscript(id: RecordID) -> CreatorEntry? {
        place(of: id).map(entry)
    }

    /// The ids, in name order while kept so.
    public var ids: [RecordID] { places }

    /// The roster's name order: these columns themselves (shared, not copied) while kept in it, else sorted on the
    /// spot.
    public var inNameOrder: CreatorNameOrder {
        guard isInNameOrder else {
            var ordered = self
            ordered.orderByName()
            return ordered.inNameOrder
        }
        return CreatorNameOrder(ids: places, names: sortNames, facts: facts, handleKeys: handleKeys)
    }

    /// Puts every creator in name order, and keeps them so from then on.
    mutating func orderByName() {
        let order = places.indices.sorted { [sortNames, places] a, b in
            sortNames[a] != sortNames[b] ? sortNames[a] < sortNames[b] : places[a] < places[b]
        }
        // One column at a time, so only one is held twice.
        Self.permute(&places, order)
        table = PlaceTable(places)
        Self.permute(&names, order)
        Self.permute(&sortNames, order)
        Self.permute(&facts, order)
        Self.permute(&handleKeys, order)
        isInNameOrder = true
    }

    /// Appends new creators at the end until the next `orderByName()` (many put in order one by one would move the
    /// columns each time).
    mutating func appendUnordered() {
        isInNameOrder = false
    }

    private static func permute<T>(_ column: inout [T], _ order: [Int]) {
        let old = column
        column = []
        column = order.map { old[$0] }
    }

    /// Adds the entry, or replaces the one with its id (moving it while kept in name order, when its folded name
    /// changed); returns the replaced one.
    @discardableResult
    mutating func put(_ new: CreatorEntry) -> CreatorEntry? {
        let handleKey = new.facts.handle.map { TextKey($0) }
        guard let place = place(of: new.id) else {
            insert(new, handleKey, at: isInNameOrder ? position(new.sortName, new.id) : places.count)
            return nil
        }
        let previous = entry(at: place)
        if isInNameOrder && previous.sortName != new.sortName {
            remove(at: place)
            insert(new, handleKey, at: position(new.sortName, new.id))
        } else {
            (names[place], sortNames[place], facts[place], handleKeys[place]) = (new.name, new.sortName, new.facts, handleKey)
        }
        return previous
    }

    /// Changes the facts of the creator `id` in place; nil when there is no such creator.
    mutating func update<T>(_ id: RecordID, _ change: (inout RosterFacts) -> T) -> T? {
        guard let place = place(of: id) else { return nil }
        return change(&facts[place])
    }

    /// Removes the entry with `id` and returns it.
    mutating func remove(_ id: RecordID) -> CreatorEntry? {
        guard let place = place(of: id) else { return nil }
        defer { remove(at: place) }
        return entry(at: place)
    }

    private func place(of id: RecordID) -> Int? { table.place(of: id, in: places) }

    private func entry(at place: Int) -> CreatorEntry {
        CreatorEntry(id: places[place], name: names[place], sortName: sortNames[place], facts: facts[place])
    }

    /// Where the creator `id` named `name` goes in name order.
    private func position(_ name: String, _ id: RecordID) -> Int {
        var low = 0, high = places.count
        while low < high {
            let middle = (low + high) / 2
            if sortNames[middle] != name ? sortNames[middle] < name : places[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func insert(_ entry: CreatorEntry, _ handleKey: TextKey?, at place: Int) {
        places.insert(entry.id, at: place)
        if place < places.count - 1 { table.shiftPlaces(from: place, by: 1) }
        table.insert(place, for: entry.id, in: places)
        names.insert(entry.name, at: place)
        sortNames.insert(entry.sortName, at: place)
        facts.insert(entry.facts, at: place)
        handleKeys.insert(handleKey, at: place)
    }

    private mutating func remove(at place: Int) {
        table.remove(places[place], in: places)
        places.remove(at: place)
        if place < places.count { table.shiftPlaces(from: place + 1, by: -1) }
        names.remove(at: place)
        sortNames.remove(at: place)
        facts.remove(at: place)
        handleKeys.remove(at: place)
    }
}

extension CreatorEntries: Equatable {
    /// The same creators with the same entries, wherever each sits.
    public static func == (lhs: CreatorEntries, rhs: CreatorEntries) -> Bool {
        lhs.count == rhs.count && lhs.ids.allSatisfy { id in rhs[id].map { $0 == lhs[id] } ?? false }
    }
}

extension CreatorEntry: Equatable {}
