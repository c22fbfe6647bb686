/// A stable order of positions by 64-bit keys: a least-significant-digit radix sort, sixteen bits a pass, a pass
/// skipped when every key shares its digit. The keys travel with their positions, so each pass reads both in order.
enum RadixOrder {
    /// `0..<keys.count` ordered by `keys`, equal keys in position order.
    static func positions(by keys: [UInt64]) -> [Int] {
        var keys = keys, positions = Array(keys.indices)
        guard keys.count > 1 else { return positions }
        var nextKeys = keys, nextPositions = positions
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: UInt64(0), to: 64, by: 16) {
            func digit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> shift & 0xFFFF) }
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[digit(key)] += 1 }
            if counts[digit(keys[0])] == keys.count { continue }
            var total = 0
            for index in counts.indices { (counts[index], total) = (total, total + counts[index]) }
            keys.withUnsafeBufferPointer { keys in
                positions.withUnsafeBufferPointer { positions in
                    nextKeys.withUnsafeMutableBufferPointer { nextKeys in
                        nextPositions.withUnsafeMutableBufferPointer { nextPositions in
                            for index in keys.indices {
                                let bucket = digit(keys[index])
                                nextKeys[counts[bucket]] = keys[index]
                                nextPositions[counts[bucket]] = positions[index]
                                counts[bucket] += 1
                            }
                        }
                    }
                }
            }
            swap(&keys, &nextKeys)
            swap(&positions, &nextPositions)
        }
        return positions
    }
}
