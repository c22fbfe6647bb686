import Foundation

/// One text column of the roster (the handle, say) laid out for sorting 100,000 texts: the bytes of every text in
/// one buffer, its first eight bytes as one big-endian integer, and the creators split into those with an ASCII
/// text, another text and none. Positions are creators' places in the name order; every order made here is stable,
/// so equal texts keep their name order.
struct RosterTextColumn {
    private let prefixes: [UInt64]
    private let starts: [Int]
    private let lengths: [Int]
    private let bytes: [UInt8]
    /// Creators with an ASCII text, with another text (compared as `String`s), and with none, in name order.
    private let ascii: [Int]
    private let other: [Int]
    private(set) var missing: [Int] = []

    init(_ values: [RosterOrder.Value?]) {
        // Locals first: filling the stored arrays one text at a time cost twice as much.
        var starts = [Int](repeating: 0, count: values.count), lengths = starts
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 16)
        for (position, value) in values.enumerated() {
            guard case .text(let text)? = value else {
                missing.append(position)
                continue
            }
            starts[position] = bytes.count
            bytes += text.utf8
            lengths[position] = bytes.count - starts[position]
        }
        var prefixes = [UInt64](repeating: 0, count: values.count)
        var ascii: [Int] = [], other: [Int] = []
        ascii.reserveCapacity(values.count)
        bytes.withUnsafeBufferPointer { all in
            for position in values.indices where values[position] != nil {
                let text = UnsafeBufferPointer(rebasing: all[starts[position]..<starts[position] + lengths[position]])
                var prefix: UInt64 = 0
                for index in 0..<8 { prefix = prefix << 8 | UInt64(index < text.count ? text[index] : 0) }
                prefixes[position] = prefix
                if text.reduce(0, |) < 0x80 { ascii.append(position) } else { other.append(position) }
            }
        }
        (self.starts, self.lengths, self.bytes, self.prefixes, self.ascii, self.other) = (starts, lengths, bytes, prefixes, ascii, other)
    }

    /// The text at `position` as a `String`.
    private func string(_ position: Int) -> String {
        String(decoding: bytes[starts[position]..<starts[position] + lengths[position]], as: UTF8.self)
    }

    /// The ASCII texts in order (reversed when not `ascending`), ties in name order.
    private func sortedASCII(ascending: Bool) -> [Int] {
        var order = radixSorted(ascii, ascending: ascending)
        orderRunsOfEqualPrefixes(&order, ascending: ascending)
        return order
    }

    /// `positions` (in name order) ordered by their first eight bytes alone: a stable least-significant-digit radix
    /// sort, sixteen bits a pass, a pass skipped when every text shares its digit.
    private func radixSorted(_ positions: [Int], ascending: Bool) -> [Int] {
        var order = positions
        var keys = positions.map { ascending ? prefixes[$0] : ~prefixes[$0] }
        guard order.count > 1 else { return order }
        var nextOrder = order, nextKeys = keys
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            func digit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> shift & 0xFFFF) }
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[digit(key)] += 1 }
            if counts[digit(keys[0])] == keys.count { continue }
            var total = 0
            for index in counts.indices { (counts[index], total) = (total, total + counts[index]) }
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                        nextOrder.withUnsafeMutableBufferPointer { nextOrder in
                            for index in keys.indices {
                                let to = counts[digit(keys[index])]
                                counts[digit(keys[index])] = to + 1
                                nextKeys[to] = keys[index]
                                nextOrder[to] = order[index]
                            }
                        }
                    }
                }
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        return order
    }

    /// Orders each run of texts that share their first eight bytes by the bytes that follow, eight at a time.
    private func orderRunsOfEqualPrefixes(_ order: inout [Int], ascending: Bool) {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            /// The eight bytes from `offset` as one big-endian integer, zero past the end.
            func key(_ position: Int, at offset: Int) -> UInt64 {
                var key: UInt64 = 0
                for index in offset..<offset + 8 {
                    key = key << 8 | UInt64(index < lengths[position] ? base[starts[position] + index] : 0)
                }
                return key
            }
            /// Orders `range`, whose texts agree on their bytes up to `end` (zero past a text's end): first those
            /// that end by then, shorter first (each is the start of every longer one); then the rest by their
            /// next eight bytes, each run of those agreeing on them ordered the same way.
            func orderRun(_ range: Range<Int>, agreeingUpTo end: Int) {
                var entries = order[range].map { position in
                    (length: min(lengths[position], end + 1), next: lengths[position] > end ? key(position, at: end) : 0, position: position)
                }
                entries.sort { a, b in
                    if a.length != b.length { return ascending ? a.length < b.length : a.length > b.length }
                    if a.next != b.next { return ascending ? a.next < b.next : a.next > b.next }
                    return a.position < b.position
                }
                for (index, entry) in zip(range, entries) { order[index] = entry.position }
                var first = 0
                while first < entries.count {
                    var last = first + 1
                    while last < entries.count, entries[last].length == entries[first].length, entries[last].next == entries[first].next { last += 1 }
                    if last - first > 1, entries[first].length > end {
                        orderRun(range.lowerBound + first..<range.lowerBound + last, agreeingUpTo: end + 8)
                    }
                    first = last
                }
            }
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, prefixes[order[end]] == prefixes[order[start]] { end += 1 }
                if end - start > 1 { orderRun(start..<end, agreeingUpTo: 8) }
                start = end
            }
        }
    }

    /// Every creator with a text, in order: the other texts sorted as `String`s and merged into `ascii` (already in
    /// order) where a binary search puts each.
    func sorted(ascending: Bool) -> [Int] {
        let asciiOrder = sortedASCII(ascending: ascending)
        guard !other.isEmpty else { return asciiOrder }
        let others = Dictionary(uniqueKeysWithValues: other.map { ($0, string($0)) })
        func less(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (others[a] ?? string(a), others[b] ?? string(b))
            return x != y ? (ascending ? x < y : x > y) : a < b
        }
        var merged: [Int] = []
        merged.reserveCapacity(asciiOrder.count + other.count)
        var next = 0
        for position in other.sorted(by: less) {
            var low = next, high = asciiOrder.count
            while low < high {
                let middle = (low + high) / 2
                if less(asciiOrder[middle], position) { low = middle + 1 } else { high = middle }
            }
            merged += asciiOrder[next..<low]
            merged.append(position)
            next = low
        }
        return merged + asciiOrder[next...]
    }
}
