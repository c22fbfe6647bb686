/// The order of a merged list, from the orders of its three versions; the same inputs always give the same order.
enum ListOrder {
    /// When only one side reordered the items it shares with base, that side's order leads; otherwise ours does.
    /// Items only the other side has go in after the nearest item before them on that side that is already
    /// placed (at the start when none is), and after what the leading side added right there: both sides
    /// appending to a timeline gives the leading side's entries, then the other's, each in their own order.
    /// Only `kept` items appear.
    static func merged<ID: Hashable>(base: [ID], ours: [ID], theirs: [ID], kept: Set<ID>) -> [ID] {
        let theirsLeads = reordered(theirs, from: base) && !reordered(ours, from: base)
        let (leading, other) = theirsLeads ? (theirs, ours) : (ours, theirs)
        let onOtherSide = Set(other)
        var order = leading.filter(kept.contains)
        var placed = Set(order)
        for (index, id) in other.enumerated() where kept.contains(id) && !placed.contains(id) {
            let anchor = other[..<index].last(where: placed.contains)
            var position = anchor.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            while position < order.count && !onOtherSide.contains(order[position]) { position += 1 }
            order.insert(id, at: position)
            placed.insert(id)
        }
        return order
    }

    /// True when the items `side` shares with `base` are in another order than in `base`.
    private static func reordered<ID: Hashable>(_ side: [ID], from base: [ID]) -> Bool {
        let inSide = Set(side), inBase = Set(base)
        return base.filter(inSide.contains) != side.filter(inBase.contains)
    }
}
