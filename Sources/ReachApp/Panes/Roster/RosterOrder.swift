import Foundation
import ReachCore

/// The roster's one sort order (the Roster tab's, and the one `reach-bench` measures): by the column's value,
/// missing values last in either direction, ties by folded name, then id.
///
/// A full sort starts from the workspace's creators in name order and stable-sorts their positions by the value
/// alone (texts first turned into their rank among the distinct texts), so no name is compared and no record is
/// copied, and ties stay in name order. A single changed creator is re-placed by a binary search with `less`.
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

    func key(_ id: RecordID, _ state: AppState) -> Key? {
        guard var facts = state.workspace.rosterFacts[id] else { return nil }
        return Key(id: id, value: withUnsafePointer(to: &facts) { column.sortValue(id, $0, state) }, name: state.workspace.sortName(id))
    }

    func less(_ a: Key, _ b: Key) -> Bool {
        switch (a.value, b.value) {
        case let (x?, y?) where x != y: return ascending ? x < y : x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.name != b.name ? a.name < b.name : a.id < b.id
        }
    }

    /// Every creator's id in this order.
    public func sorted(_ state: AppState) -> [RecordID] {
        let byName = state.workspace.creatorsByName
        return positions(state).map { byName.ids[$0] }
    }

    /// This order as positions in the workspace's name order (`creatorsByName`).
    func positions(_ state: AppState) -> [Int] {
        let byName = state.workspace.creatorsByName
        if column == .name && ascending { return Array(byName.ids.indices) }
        if column == .name { return sortedByNumber(nameRanks(byName.names)) }
        let values = byName.facts.withUnsafeBufferPointer { facts in
            guard let first = facts.baseAddress else { return [Value?]() }
            return byName.ids.indices.map { column.sortValue(byName.ids[$0], first + $0, state) }
        }
        guard values.contains(where: { if case .text? = $0 { true } else { false } }) else {
            return sortedByNumber(values.map { if case .number(let number)? = $0 { number } else { nil } })
        }
        return sortedByText(values)
    }

    /// Positions in this order by number, missing values last; stable, so equal values keep their name order.
    private func sortedByNumber(_ values: [Double?]) -> [Int] {
        let ascending = ascending
        var positions = Array(values.indices)
        // Stable: creators with equal values keep their name order.
        positions.sort { a, b in
            switch (values[a], values[b]) {
            case let (x?, y?): ascending ? x < y : x > y
            case (.some, nil): true
            default: false
            }
        }
        return positions
    }

    /// Where the creator `id` belongs in `rows` (already in this order).
    public func insertionIndex(of id: RecordID, in rows: [RecordID], _ state: AppState) -> Int {
        guard let target = key(id, state) else { return rows.count }
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            guard let other = key(rows[mid], state) else { high = mid; continue }
            if less(other, target) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Positions in this order by text (as `String` orders texts), missing values last; stable, so equal texts keep
    /// their name order. 100,000 distinct handles ranked through a set, a sort and a dictionary of strings took
    /// 145 ms. Here the bytes of every ASCII text (nearly every handle) sit in one buffer, and two of them compare by
    /// their first eight bytes as one integer, then by `memcmp`: `String`'s order for ASCII, with no text retained
    /// or released per comparison (which cost as much as the sort). Any other pair is compared as `String`s.
    private func sortedByText(_ values: [Value?]) -> [Int] {
        enum Kind: UInt8 { case ascii, other, missing }
        var prefixes = [UInt64](repeating: 0, count: values.count)
        var kinds = [Kind](repeating: .missing, count: values.count)
        var starts = [Int](repeating: 0, count: values.count), lengths = [Int](repeating: 0, count: values.count)
        var texts: [Int: String] = [:]
        var buffer: [UInt8] = []
        for (position, value) in values.enumerated() {
            guard case .text(var text)? = value else { continue }
            text.withUTF8 { bytes in
                var prefix: UInt64 = 0
                for index in 0..<8 { prefix = prefix << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
                prefixes[position] = prefix
                starts[position] = buffer.count
                lengths[position] = bytes.count
                buffer.append(contentsOf: bytes)
                kinds[position] = bytes.allSatisfy { $0 < 0x80 } ? .ascii : .other
            }
            if kinds[position] == .other { texts[position] = text }
        }
        let ascending = ascending
        var positions = Array(values.indices)
        buffer.withUnsafeBufferPointer { all in
            func less(_ a: Int, _ b: Int) -> Bool {
                guard kinds[a] == .ascii, kinds[b] == .ascii else {
                    return (texts[a] ?? String(decoding: all[starts[a]..<starts[a] + lengths[a]], as: UTF8.self))
                        < (texts[b] ?? String(decoding: all[starts[b]..<starts[b] + lengths[b]], as: UTF8.self))
                }
                if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                let common = min(lengths[a], lengths[b])
                guard common > 0, let base = all.baseAddress else { return lengths[a] < lengths[b] }
                let order = memcmp(base + starts[a], base + starts[b], common)
                return order != 0 ? order < 0 : lengths[a] < lengths[b]
            }
            positions.sort { a, b in
                switch (kinds[a] == .missing, kinds[b] == .missing) {
                case (false, false): ascending ? less(a, b) : less(b, a)
                case (false, true): true
                default: false
                }
            }
        }
        return positions
    }

    /// Each creator's rank in name order, equal folded names sharing one (so they keep their id order either way).
    private func nameRanks(_ names: [String]) -> [Double?] {
        var ranks: [Double?] = []
        ranks.reserveCapacity(names.count)
        var rank = 0.0, previous: String?
        for name in names {
            if name != previous { rank += 1; previous = name }
            ranks.append(rank)
        }
        return ranks
    }
}
