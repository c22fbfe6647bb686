import ReachCore

/// Every deal's `DealRow`, in one contiguous array with each id's position beside it. A dictionary of 200,000 rows
/// takes 524,288 buckets of 176 bytes (92 MB, mostly empty); the array takes 32 MB plus 13 MB of positions, and a
/// pass over it reads memory in order.
public struct DealRows: Sendable {
    /// In no particular order (a removal moves the last row into the gap).
    public private(set) var all: [DealRow] = []
    private var positions: [RecordID: Int] = [:]

    init() {}

    init(reservingCapacity count: Int) {
        all.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    public var count: Int { all.count }

    public subscript(id: RecordID) -> DealRow? { positions[id].map { all[$0] } }

    /// Adds the row, or replaces the one with its id; returns the replaced row.
    @discardableResult
    mutating func put(_ row: DealRow) -> DealRow? {
        // One lookup for a new row (200,000 at a start); a replaced one keeps its place.
        guard let position = positions.updateValue(all.count, forKey: row.id) else {
            all.append(row)
            return nil
        }
        positions[row.id] = position
        defer { all[position] = row }
        return all[position]
    }

    mutating func remove(_ id: RecordID) {
        guard let position = positions.removeValue(forKey: id) else { return }
        let last = all.removeLast()
        guard position < all.count else { return }
        all[position] = last
        positions[last.id] = position
    }
}
