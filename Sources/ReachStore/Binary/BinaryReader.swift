import Foundation
import ReachCore

/// Why bytes in the folder index's binary columns could not be decoded: the reader then does without the index.
struct BinaryDecodeError: Error, CustomStringConvertible {
    var reason: String
    var offset: Int

    var description: String { "\(reason) at byte \(offset)" }
}

/// Reads what `BinaryWriter` wrote from borrowed memory. Every read is bounds-checked and every tag validated,
/// so a truncated or garbled column throws instead of trapping.
struct BinaryReader {
    private let base: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int
    /// Values whose initialisers normalise their text (trim, case), remembered per distinct text.
    var interned = InternedValues()

    init(_ buffer: UnsafeRawBufferPointer) {
        base = buffer
        offset = 0
        end = buffer.count
    }

    var isAtEnd: Bool { offset >= end }
    var remaining: Int { end - offset }

    func failure(_ reason: String) -> BinaryDecodeError { BinaryDecodeError(reason: reason, offset: offset) }

    mutating func byte() throws(BinaryDecodeError) -> UInt8 {
        guard offset < end else { throw failure("unexpected end of data") }
        let value = base[offset]
        offset += 1
        return value
    }

    mutating func bool() throws(BinaryDecodeError) -> Bool { try flag("a true/false byte") }

    mutating func varint() throws(BinaryDecodeError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw failure("a number longer than 64 bits") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int64() throws(BinaryDecodeError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws(BinaryDecodeError) -> Int { Int(try int64()) }

    /// A count of things that follow, each at least one byte: anything larger than what is left is garbage.
    mutating func count() throws(BinaryDecodeError) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining) else { throw failure("a count of \(value) with only \(remaining) bytes left") }
        return Int(value)
    }

    mutating func fixed64() throws(BinaryDecodeError) -> UInt64 {
        guard remaining >= 8 else { throw failure("unexpected end of data") }
        let value = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func double() throws(BinaryDecodeError) -> Double { Double(bitPattern: try fixed64()) }

    mutating func date() throws(BinaryDecodeError) -> Date { Date(timeIntervalSinceReferenceDate: try double()) }

    mutating func string() throws(BinaryDecodeError) -> String {
        let length = try count()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]), as: UTF8.self)
        offset += length
        return text
    }

    /// A record id written as its string: a canonical id's bytes are read with no string made (three per deal row,
    /// 600,000 strings made and freed at a 200,000-deal start).
    mutating func recordID() throws(BinaryDecodeError) -> RecordID {
        let length = try count()
        let bytes = UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]).bindMemory(to: UInt8.self)
        offset += length
        return RecordID(utf8: bytes)
    }

    mutating func rawBytes() throws(BinaryDecodeError) -> [UInt8] {
        let length = try count()
        let read = Array(UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]))
        offset += length
        return read
    }

    /// Whether an optional value follows (its presence byte).
    mutating func present() throws(BinaryDecodeError) -> Bool { try flag("a presence byte") }

    /// A byte that must be 0 (false) or 1 (true).
    private mutating func flag(_ what: String) throws(BinaryDecodeError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw failure("\(what) that is neither 0 nor 1")
        }
    }

    mutating func optionalString() throws(BinaryDecodeError) -> String? { try present() ? try string() : nil }
    mutating func optionalInt() throws(BinaryDecodeError) -> Int? { try present() ? try int() : nil }
    mutating func optionalDouble() throws(BinaryDecodeError) -> Double? { try present() ? try double() : nil }
    mutating func optionalDate() throws(BinaryDecodeError) -> Date? { try present() ? try date() : nil }

    mutating func strings() throws(BinaryDecodeError) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}
