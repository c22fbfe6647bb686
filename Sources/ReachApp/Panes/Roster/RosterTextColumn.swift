/// A text's first sixteen bytes as two big-endian integers (zero past its end), with its length and whether it is
/// ASCII: for ASCII texts, comparing keys (then, when equal, the texts) gives `String`'s order, and a radix sort
/// needs no text at all. The name order keeps one per creator's handle (`CreatorNameOrder.handleKeys`).
struct TextKey: Sendable, Equatable {
    var first: UInt64
    var second: UInt64
    var length: Int
    var isASCII: Bool

    /// The key of `text`, or (`from`) of its bytes after the first `from` (`length` is still the whole text's).
    /// Read from the text's contiguous bytes: the runs a sort orders by their next sixteen bytes (21,727 of the demo's
    /// 100,000 handles) took a branch per byte of every text.
    init(_ text: String, from offset: Int = 0) {
        var text = text
        self = text.withUTF8 { bytes in
            var (first, second, any): (UInt64, UInt64, UInt8) = (0, 0, 0)
            for byte in bytes { any |= byte }
            for (index, byte) in bytes.dropFirst(offset).prefix(16).enumerated() {
                if index < 8 { first |= UInt64(byte) << (56 - 8 * index) } else { second |= UInt64(byte) << (56 - 8 * (index - 8)) }
            }
            return TextKey(first: first, second: second, length: bytes.count, isASCII: any < 0x80)
        }
    }

    private init(first: UInt64, second: UInt64, length: Int, isASCII: Bool) {
        (self.first, self.second, self.length, self.isASCII) = (first, second, length, isASCII)
    }
}

/// One text column of the roster (the handle, say) sorted for 100,000 creators. Positions are creators' places in
/// the name order; every order made here is stable, so equal texts keep their name order.
///
/// Sorting 100,000 distinct handles by comparing `String`s took 145 ms; by their first eight bytes as one integer
/// and then `memcmp`, 39 ms; by a radix sort of eight bytes gathered on each sort, 23–25 ms (half of it reading each
/// handle). Here the ASCII texts (nearly every handle) are ordered by a radix sort of their kept keys, with no text
/// read; only texts whose sixteen bytes agree are then read, and ordered by their next sixteen, and so on. Texts that
/// are not ASCII are sorted as `String`s and merged in by binary search.
struct RosterTextColumn {
    private let keys: [TextKey?]
    private let text: (Int) -> String?

    /// `keys[position]`: the key of the text at each position (nil: no text); `text(position)`: the text itself.
    init(keys: [TextKey?], text: @escaping (Int) -> String?) {
        self.keys = keys
        self.text = text
    }

    /// Positions without a text, in name order.
    var missing: [Int] { keys.indices.filter { keys[$0] == nil } }

    /// Positions with a text, in `String`'s order of their texts (reversed when not `ascending`), ties in name order.
    func sorted(ascending: Bool) -> [Int] {
        var ascii: [Int] = [], other: [Int] = []
        ascii.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            guard let key else { continue }
            if key.isASCII { ascii.append(position) } else { other.append(position) }
        }
        var order = radixSorted(ascii, ascending: ascending)
        orderRunsOfEqualKeys(&order, ascending: ascending)
        return merging(other, into: order, ascending: ascending)
    }

    /// `positions` (in name order) ordered by their keys' sixteen bytes alone, stably: by the second eight bytes, then
    /// by the first (`RadixOrder`, whose keys travel with their positions: looking each position's key up in every
    /// pass read memory at random, 21–25 ms at 100k).
    private func radixSorted(_ positions: [Int], ascending: Bool) -> [Int] {
        guard positions.count > 1 else { return positions }
        func part(_ value: UInt64?) -> UInt64 { ascending ? value ?? 0 : ~(value ?? 0) }
        let bySecond = RadixOrder.positions(by: positions.map { part(keys[$0]?.second) })
        let byFirst = RadixOrder.positions(by: bySecond.map { part(keys[positions[$0]]?.first) })
        return byFirst.map { positions[bySecond[$0]] }
    }

    /// Orders each run of texts whose keys agree (see `orderRun`).
    private func orderRunsOfEqualKeys(_ order: inout [Int], ascending: Bool) {
        var start = 0
        while start < order.count {
            guard let key = keys[order[start]] else { start += 1; continue }
            var end = start + 1
            while end < order.count, let other = keys[order[end]], other.first == key.first, other.second == key.second { end += 1 }
            if end - start > 1 { orderRun(&order, start..<end, agreeingUpTo: 16, ascending: ascending) }
            start = end
        }
    }

    /// Orders `range`, whose texts agree on their bytes up to `end` (zero past a text's end): first those that end by
    /// then, shorter first (each is the start of every longer one); then the rest by their next sixteen bytes, each
    /// run of those agreeing on them ordered the same way. The demo's 100,000 handles (a name and a number) have
    /// 3,662 such runs of 21,727 handles; comparing them as `String`s took 12.6 ms.
    private func orderRun(_ order: inout [Int], _ range: Range<Int>, agreeingUpTo end: Int, ascending: Bool) {
        var entries = order[range].map { position in
            let length = keys[position]?.length ?? 0
            let next = length > end ? text(position).map { TextKey($0, from: end) } : nil
            return (length: min(length, end + 1), first: next?.first ?? 0, second: next?.second ?? 0, position: position)
        }
        entries.sort { a, b in
            if a.length != b.length { return ascending ? a.length < b.length : a.length > b.length }
            if a.first != b.first { return ascending ? a.first < b.first : a.first > b.first }
            if a.second != b.second { return ascending ? a.second < b.second : a.second > b.second }
            return a.position < b.position
        }
        for (index, entry) in zip(range, entries) { order[index] = entry.position }
        var first = 0
        while first < entries.count {
            var last = first + 1
            while last < entries.count, entries[last].length == entries[first].length, entries[last].first == entries[first].first,
                  entries[last].second == entries[first].second { last += 1 }
            if last - first > 1, entries[first].length > end {
                orderRun(&order, range.lowerBound + first..<range.lowerBound + last, agreeingUpTo: end + 16, ascending: ascending)
            }
            first = last
        }
    }

    /// `other` (texts that are not ASCII) sorted as `String`s and merged into `ascii` (already in order) where a
    /// binary search puts each.
    private func merging(_ other: [Int], into ascii: [Int], ascending: Bool) -> [Int] {
        guard !other.isEmpty else { return ascii }
        let texts = Dictionary(uniqueKeysWithValues: other.map { ($0, text($0) ?? "") })
        func less(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (texts[a] ?? text(a) ?? "", texts[b] ?? text(b) ?? "")
            return x != y ? (ascending ? x < y : x > y) : a < b
        }
        var merged: [Int] = []
        merged.reserveCapacity(ascii.count + other.count)
        var next = 0
        for position in other.sorted(by: less) {
            var low = next, high = ascii.count
            while low < high {
                let middle = (low + high) / 2
                if less(ascii[middle], position) { low = middle + 1 } else { high = middle }
            }
            merged += ascii[next..<low]
            merged.append(position)
            next = low
        }
        return merged + ascii[next...]
    }
}
