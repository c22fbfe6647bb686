import ReachCore

/// Every deal's `DealRow`, in one contiguous array, with their ids in a column beside it and each id's place in a
/// `PlaceTable`. A dictionary of 200,000 rows took 524,288 buckets of 176 bytes (92 MB, mostly empty); rows in an
/// array with a `Dictionary` of positions, 37 MB plus 12.6 MB of positions; an `OrderedDictionary`'s table of
/// positions 4.5 MB, and its insertions a twentieth of a start. A pass over `all` reads memory in order.
public struct DealRows: Sendable {
    private var ids: [RecordID] = []
    private var rows: [DealRow] = []
    private var table = PlaceTable()

    init() {}

    init(reservingCapacity count: Int) {
        ids.reserveCapacity(count)
        rows.reserveCapacity(count)
        table = PlaceTable(capacity: count)
    }

    /// In no particular order (a removal moves the last row into the gap).
    public var all: [DealRow] { rows }

    public var count: Int { rows.count }

    public subscript(id: RecordID) -> DealRow? { place(of: id).map { rows[$0] } }

    /// The owner of the deal `id` (nil: nobody's, or no such deal), read in place rather than from a copy of its row:
    /// `o` asks it of every one of Today's 233,000 items at 100k.
    public func owner(of id: RecordID) -> String? {
        guard let place = place(of: id) else { return nil }
        return rows[place].owner
    }

    /// Where the row with `id` is: its place, which stays until a removal moves the last row into a gap.
    func place(of id: RecordID) -> Int? { table.place(of: id, in: ids) }

    subscript(place place: Int) -> DealRow { rows[place] }

    /// The ids of the rows at these places.
    func ids(at places: [Int]) -> [RecordID] { places.map { ids[$0] } }

    /// Adds the row at the end, or replaces the one with its id; returns the replaced row and the row's place.
    @discardableResult
    mutating func put(_ row: DealRow) -> (previous: DealRow?, place: Int) {
        if let place = place(of: row.id) {
            let previous = rows[place]
            rows[place] = row
            return (previous, place)
        }
        ids.append(row.id)
        rows.append(row)
        table.insert(ids.count - 1, for: row.id, in: ids)
        return (nil, ids.count - 1)
    }

    /// Removes the row at `place`, moving the last row into it.
    mutating func remove(at place: Int) {
        let last = ids.count - 1
        table.remove(ids[place], in: ids)
        if place != last {
            table.move(ids[last], from: last, to: place)
            ids[place] = ids[last]
            rows[place] = rows[last]
        }
        ids.removeLast()
        rows.removeLast()
    }
}
