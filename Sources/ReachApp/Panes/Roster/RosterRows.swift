import ReachCore

/// The Roster's listed creators in display order, as positions into an id table that is already held (the sorted
/// roster's or the search index's) rather than a fresh array of ids.
///
/// At 100k rows, copying the ids (each a reference-counted string) into a new array on every keystroke, and freeing
/// the previous one, cost more than the search or filter that chose them.
public struct RosterRows: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    private let table: [RecordID]
    /// Positions in `table`; nil lists the whole table in order.
    private let positions: [Int]?

    init(table: [RecordID], positions: [Int]?) {
        self.table = table
        self.positions = positions
    }

    public init(arrayLiteral ids: RecordID...) { self.init(table: ids, positions: nil) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? table.count }

    public subscript(index: Int) -> RecordID {
        if let positions { return table[positions[index]] }
        return table[index]
    }

    public static func == (lhs: RosterRows, rhs: RosterRows) -> Bool { lhs.elementsEqual(rhs) }
}
