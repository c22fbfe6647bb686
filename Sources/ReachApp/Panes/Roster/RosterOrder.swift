import ReachCore

/// The roster's one sort order (the Roster tab's, and the one `reach-bench` measures): a comparator over
/// precomputed keys, so a full sort computes each key once and a single changed creator is re-placed with a
/// binary search. Missing values go last; ties break by folded name, then id.
public struct RosterOrder: Sendable {
    enum Value: Comparable, Sendable {
        case number(Double)
        case text(String)
    }

    struct Key {
        var id: RecordID
        var value: Value?
        var name: String
    }

    var column: RosterColumn
    var ascending: Bool

    public init(column: RosterColumn, ascending: Bool) {
        self.column = column
        self.ascending = ascending
    }

    func key(_ influencer: Influencer, _ state: AppState) -> Key {
        Key(id: influencer.id, value: column.sortValue(influencer, state), name: state.workspace.sortName(influencer.id))
    }

    func less(_ a: Key, _ b: Key) -> Bool {
        switch (a.value, b.value) {
        case let (x?, y?) where x != y: return ascending ? x < y : x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.name != b.name ? a.name < b.name : a.id < b.id
        }
    }

    /// Ids of `roster` in this order.
    public func sorted(_ roster: [Influencer], _ state: AppState) -> [RecordID] {
        roster.map { key($0, state) }.sorted(by: less).map(\.id)
    }

    /// Where `influencer` belongs in `rows` (already in this order).
    public func insertionIndex(of influencer: Influencer, in rows: [RecordID], _ state: AppState) -> Int {
        let target = key(influencer, state)
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            guard let other = state.workspace.influencers[rows[mid]] else { high = mid; continue }
            if less(key(other, state), target) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
