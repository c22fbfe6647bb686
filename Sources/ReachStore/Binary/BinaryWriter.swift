import Foundation

/// Appends values to a byte array in the folder index's binary encoding (its creator summaries and deal rows):
/// LEB128 varints (zigzag for signed), fixed little-endian bit patterns for doubles, length-prefixed UTF-8 strings.
/// Hand-driven rather than `Encoder`-based, because a start decodes 300,000 of these and Codable is an order of
/// magnitude slower.
struct BinaryWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Signed values zigzag-encoded, so small negative numbers stay short.
    mutating func int(_ value: Int) { int64(Int64(value)) }

    mutating func int64(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func count(_ value: Int) { varint(UInt64(value)) }

    /// Eight bytes, little-endian: the exact bit pattern, so every double (and every date) round-trips.
    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { fixed64(value.bitPattern) }

    /// Seconds since the reference date, the value `Date` stores: since-1970 would be converted and could lose a bit.
    mutating func date(_ value: Date) { double(value.timeIntervalSinceReferenceDate) }

    /// Length-prefixed bytes.
    mutating func rawBytes(_ value: [UInt8]) {
        count(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A presence byte (0 or 1), then the value when present.
    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        write(&self, value)
    }

    mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }
    mutating func optionalInt(_ value: Int?) { optional(value) { $0.int($1) } }
    mutating func optionalDouble(_ value: Double?) { optional(value) { $0.double($1) } }
    mutating func optionalDate(_ value: Date?) { optional(value) { $0.date($1) } }

    /// The element count, then each element.
    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
}
