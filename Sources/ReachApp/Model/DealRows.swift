import OrderedCollections
import ReachCore

/// Every deal's `DealRow`, in one contiguous array with a compact table of their ids beside it
/// (`OrderedDictionary`). A dictionary of 200,000 rows took 524,288 buckets of 176 bytes (92 MB, mostly empty); rows
/// in an array with a `Dictionary` of positions, 37 MB plus 12.6 MB of positions; the table of positions is 4.5 MB.
/// A pass over `all` reads memory in order.
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

    /// Adds the row, or replaces the one with its id; returns the replaced row.
    @discardableResult
    mutating func put(_ row: DealRow) -> DealRow? {
        table.updateValue(row, forKey: row.id)
    }

    mutating func remove(_ id: RecordID) {
        table.removeUnordered(id)
    }
}
