import Foundation
import ReachCore

/// SplitMix64: a tiny, fast, seedable generator, so the same seed always yields the same demo data on every machine
/// (public so the benchmark picks its samples with the same generator).
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for part `index` of the work (a creator, a campaign), so parts can be built in any order.
    func fork(_ index: Int) -> DemoRandom {
        var copy = DemoRandom(seed: state ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }
    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }

    /// True with probability `p` (0…1).
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// Picks by weight; `weights` must be as long as `items` and sum above zero.
    mutating func pick<T>(_ items: [T], weights: [Double]) -> T {
        var r = Double.random(in: 0..<weights.reduce(0, +), using: &self)
        for (item, w) in zip(items, weights) {
            if r < w { return item }
            r -= w
        }
        return items[items.count - 1]
    }

    /// A version-4 UUID drawn from this stream (the domain's `UUID()` defaults are not reproducible).
    mutating func uuid() -> UUID {
        let a = next(), b = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * i))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * i))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// A record id whose time part is `date`, so ids sort by creation like real ones.
    mutating func recordID(at date: Date) -> RecordID { RecordID.generate(at: date, using: &self) }

    /// A log-uniform count between `low` and `high`: follower counts spread over orders of magnitude.
    mutating func logUniform(_ low: Int, _ high: Int) -> Int {
        let value = exp(double(log(Double(max(1, low)))...log(Double(max(low + 1, high)))))
        return min(high, max(low, Int(value)))
    }
}
