import OrderedCollections
import ReachCore

/// Deals grouped by one key (their creator, campaign, owner or discount code) as lists threaded through the deals'
/// places in `DealRows`: each place links to the next and the previous deal of its list, and each key keeps only
/// its list's ends and length.
///
/// A list per key was an array of 16-byte ids each: at 100k creators and 200k deals, 90,000 creators' small arrays
/// (a heap block each), the owners' and campaigns' long ones grown by doubling, and 62,000 one-code arrays took
/// 27 MB of every app. The links take 8 bytes per deal and list. A deal joins the end of its list and leaves it in
/// O(1), whatever the list's length, so a list keeps the order its deals joined in.
struct DealLists<Key: Hashable & Sendable>: Sendable {
    private struct Ends: Sendable {
        var first: UInt32
        var last: UInt32
        var count: UInt32
    }

    private static var none: UInt32 { .max }

    private var ends: OrderedDictionary<Key, Ends> = [:]
    /// By place: the next and the previous place in the same list (`none` at an end, or when the place is in no list).
    private var next: [UInt32] = []
    private var previous: [UInt32] = []

    init() {}

    mutating func reserveCapacity(places: Int, keys: Int) {
        next.reserveCapacity(places)
        previous.reserveCapacity(places)
        ends.reserveCapacity(keys)
    }

    /// The keys that have a deal, in no particular order.
    var keys: some Collection<Key> { ends.keys }

    var keyCount: Int { ends.count }

    func count(of key: Key) -> Int { ends[key].map { Int($0.count) } ?? 0 }

    /// The places in `key`'s list, in the order they joined it.
    func places(of key: Key) -> [Int] {
        guard let list = ends[key] else { return [] }
        var places: [Int] = []
        places.reserveCapacity(Int(list.count))
        var place = list.first
        while place != Self.none {
            places.append(Int(place))
            place = next[Int(place)]
        }
        return places
    }

    /// A new place at the end of the rows, in no list yet.
    mutating func addPlace() {
        next.append(Self.none)
        previous.append(Self.none)
    }

    /// Puts `place` (in no list) at the end of `key`'s list.
    mutating func join(_ place: Int, _ key: Key) {
        let at = UInt32(place)
        // One look-up of the key (a second only for a new one): at a start, 800,000 joins.
        guard let index = ends.index(forKey: key) else {
            ends[key] = Ends(first: at, last: at, count: 1)
            return
        }
        let last = ends.values[index].last
        next[Int(last)] = at
        previous[place] = last
        ends.values[index].last = at
        ends.values[index].count += 1
    }

    /// Takes `place` out of `key`'s list, and the key away once its list is empty.
    mutating func leave(_ place: Int, _ key: Key) {
        guard var list = ends[key] else { return }
        let before = previous[place], after = next[place]
        if before == Self.none { list.first = after } else { next[Int(before)] = after }
        if after == Self.none { list.last = before } else { previous[Int(after)] = before }
        next[place] = Self.none
        previous[place] = Self.none
        list.count -= 1
        ends.setUnordered(list.count == 0 ? nil : list, forKey: key)
    }

    /// Drops the last place, after the rows moved the deal there into `gap` (which is in no list): `key` is that
    /// deal's key (nil: in no list). With `gap` the last place, it only drops it.
    mutating func removeLastPlace(movingInto gap: Int, key: Key?) {
        let last = next.count - 1
        if gap != last, let key, var list = ends[key] {
            let before = previous[last], after = next[last]
            let at = UInt32(gap)
            next[gap] = after
            previous[gap] = before
            if before == Self.none { list.first = at } else { next[Int(before)] = at }
            if after == Self.none { list.last = at } else { previous[Int(after)] = at }
            ends[key] = list
        }
        next.removeLast()
        previous.removeLast()
    }
}
