import OrderedCollections
import ReachCore

/// Every deal's `DealRow`, in one contiguous array with a compact table of their ids beside it
/// (`OrderedDictionary`). A dictionary of 200,000 rows took 524,288 buckets of 176 bytes (92 MB, mostly empty); rows
/// in an array with a `Dictionary` of positions, 37 MB plus 12.6 MB of positions; the table of positions is 4.5 MB.
/// A pass over `all` reads memory in order. A `PlaceTable` beside an id column (as the creators' entries have) was
/// tried: its 2 MB of slots, read at random for each of Today's 233,000 items, made `o` 7–9 ms slower than this
/// table's bit-packed buckets, which stay in the cache.
public struct DealRows: Sendable {
    private var table: OrderedDictionary<RecordID, DealRow> = [:]

    init() {}

    init(reservingCapacity count: Int) {
        table.reserveCapacity(count)
    }

    /// In no particular order (a removal moves the last row into the gap).
    public var all: [DealRow] { table.values.elements }

    public var count: Int { table.count }

    public subscript(id: RecordID) -> DealRow? { table[id] }

    /// The owner of the deal `id` (nil: nobody's, or no such deal), read in place rather than from a copy of its row:
    /// `o` asks it of every one of Today's 233,000 items at 100k.
    public func owner(of id: RecordID) -> String? {
        guard let place = table.index(forKey: id) else { return nil }
        return table.values[place].owner
    }

    /// Where the row with `id` is: its place, which stays until a removal moves the last row into a gap.
    func place(of id: RecordID) -> Int? { table.index(forKey: id) }

    subscript(place place: Int) -> DealRow { table.values[place] }

    /// The ids of the rows at these places.
    func ids(at places: [Int]) -> [RecordID] {
        let ids = table.keys.elements
        return places.map { ids[$0] }
    }

    /// Adds the row at the end, or replaces the one with its id; returns the replaced row and the row's place.
    @discardableResult
    mutating func put(_ row: DealRow) -> (previous: DealRow?, place: Int) {
        // Not `updateValue(_:forKey:insertingAt:)`: it readies the hash table for an insertion anywhere, which cost
        // more than appending.
        guard let previous = table.updateValue(row, forKey: row.id) else { return (nil, table.count - 1) }
        return (previous, table.index(forKey: row.id)!) // just put there
    }

    /// Removes the row at `place`, moving the last row into it.
    mutating func remove(at place: Int) {
        table.removeUnordered(table.keys[place])
    }
}
