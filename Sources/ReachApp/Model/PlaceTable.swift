import ReachCore

/// Each id's place in a column of ids kept beside it (the caller's), by open addressing with linear probing over
/// 4-byte slots. Unlike `OrderedSet`, moving every place after an insertion or a removal is one pass over the slots
/// with no hashing: `OrderedSet` re-hashed up to a third of its ids each time, 3.5 ms of a creator's rename at 100k
/// creators kept in name order.
struct PlaceTable: Sendable {
    private static let empty: Int32 = -1
    private var slots: [Int32] = [Int32](repeating: PlaceTable.empty, count: 8)
    private(set) var count = 0

    init() {}

    /// A table of `ids` at their places (each id once).
    init(_ ids: [RecordID]) {
        var size = slots.count
        while ids.count * 2 > size { size *= 2 }
        slots = [Int32](repeating: Self.empty, count: size)
        for (place, id) in ids.enumerated() { enter(place, for: id) }
    }

    /// The place of `id` in `ids` (the column this table indexes), or nil.
    func place(of id: RecordID, in ids: [RecordID]) -> Int? {
        var slot = home(id)
        while true {
            let place = slots[slot]
            if place == Self.empty { return nil }
            if ids[Int(place)] == id { return Int(place) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Enters `place` for `id`, not in the table yet, which `ids` (the column) already holds there, with every other
    /// id where the table has it. Past half full, the table is made anew from `ids` at twice the size.
    mutating func insert(_ place: Int, for id: RecordID, in ids: [RecordID]) {
        if (count + 1) * 2 > slots.count { return self = PlaceTable(ids) }
        enter(place, for: id)
    }

    private mutating func enter(_ place: Int, for id: RecordID) {
        var slot = home(id)
        while slots[slot] != Self.empty { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(place)
        count += 1
    }

    /// Takes `id` out of the table; `ids` is the column as it still is, with `id` at its place. The slots after it
    /// that would no longer be found are moved back (no tombstones, so look-ups stay short).
    mutating func remove(_ id: RecordID, in ids: [RecordID]) {
        guard let place = place(of: id, in: ids) else { return }
        let mask = slots.count - 1
        var hole = home(id)
        while slots[hole] != Int32(place) { hole = (hole + 1) & mask }
        var slot = hole
        while true {
            slot = (slot + 1) & mask
            let moved = slots[slot]
            if moved == Self.empty { break }
            let wanted = home(ids[Int(moved)])
            // Moved back unless its home lies cyclically in (hole, slot].
            if (slot > hole && (wanted <= hole || wanted > slot)) || (slot < hole && wanted <= hole && wanted > slot) {
                slots[hole] = moved
                hole = slot
            }
        }
        slots[hole] = Self.empty
        count -= 1
    }

    /// Moves every place from `start` on by `delta` (after the column gained or lost one before them).
    mutating func shiftPlaces(from start: Int, by delta: Int32) {
        let start = Int32(start)
        // Without a branch, which the places after `start` (half of them, at random) would mispredict.
        slots.withUnsafeMutableBufferPointer { slots in
            for slot in slots.indices { slots[slot] &+= slots[slot] >= start ? delta : 0 }
        }
    }

    private func home(_ id: RecordID) -> Int { Int(truncatingIfNeeded: id.mixedBits >> 32) & (slots.count - 1) }
}
