import Foundation

/// Why a snapshot's bytes could not be decoded; the whole snapshot is then ignored and the folder read from its files.
struct SnapshotDecodeError: Error, CustomStringConvertible {
    var reason: String
    var offset: Int

    var description: String { "\(reason) at byte \(offset)" }
}

/// Reads what `BinaryWriter` wrote from borrowed memory. Every read is bounds-checked and every tag validated,
/// so a truncated or garbled snapshot throws instead of trapping.
struct BinaryReader {
    private let base: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int
    /// Values whose initialisers normalise their text (trim, case), remembered per distinct text.
    var interned = InternedValues()

    init(_ buffer: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        base = buffer
        offset = start
        self.end = min(end ?? buffer.count, buffer.count)
    }

    var isAtEnd: Bool { offset >= end }
    var remaining: Int { end - offset }

    func failure(_ reason: String) -> SnapshotDecodeError { SnapshotDecodeError(reason: reason, offset: offset) }

    /// The bytes from `start` to the current offset (a record's encoding, for its fingerprint).
    func bytes(from start: Int) -> UnsafeRawBufferPointer { bytes(from: start, to: offset) }

    /// Any stretch of the underlying buffer (clamped to it), for checksums.
    func bytes(from start: Int, to stop: Int) -> UnsafeRawBufferPointer {
        let lower = max(0, min(start, base.count))
        return UnsafeRawBufferPointer(rebasing: base[lower..<max(lower, min(stop, base.count))])
    }

    mutating func byte() throws(SnapshotDecodeError) -> UInt8 {
        guard offset < end else { throw failure("unexpected end of data") }
        let value = base[offset]
        offset += 1
        return value
    }

    mutating func bool() throws(SnapshotDecodeError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw failure("a true/false byte that is neither 0 nor 1")
        }
    }

    mutating func varint() throws(SnapshotDecodeError) -> UInt64 {
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

    mutating func int64() throws(SnapshotDecodeError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws(SnapshotDecodeError) -> Int { Int(try int64()) }

    /// A count of things that follow, each at least one byte: anything larger than what is left is garbage.
    mutating func count() throws(SnapshotDecodeError) -> Int {
        let value = try varint()
        guard value <= UInt64(remaining) else { throw failure("a count of \(value) with only \(remaining) bytes left") }
        return Int(value)
    }

    mutating func fixed64() throws(SnapshotDecodeError) -> UInt64 {
        guard remaining >= 8 else { throw failure("unexpected end of data") }
        let value = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func double() throws(SnapshotDecodeError) -> Double { Double(bitPattern: try fixed64()) }

    mutating func date() throws(SnapshotDecodeError) -> Date { Date(timeIntervalSinceReferenceDate: try double()) }

    mutating func string() throws(SnapshotDecodeError) -> String {
        let length = try count()
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]), as: UTF8.self)
        offset += length
        return text
    }

    mutating func rawBytes() throws(SnapshotDecodeError) -> [UInt8] {
        let length = try count()
        let read = Array(UnsafeRawBufferPointer(rebasing: base[offset..<(offset + length)]))
        offset += length
        return read
    }

    mutating func uuid() throws(SnapshotDecodeError) -> UUID {
        guard remaining >= 16 else { throw failure("unexpected end of data") }
        // Loaded straight from the bytes: `UUID()` as a blank to copy into would read the random device each time.
        let value = base.loadUnaligned(fromByteOffset: offset, as: uuid_t.self)
        offset += 16
        return UUID(uuid: value)
    }

    /// Whether an optional value follows (its presence byte).
    mutating func present() throws(SnapshotDecodeError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw failure("a presence byte that is neither 0 nor 1")
        }
    }

    mutating func optionalString() throws(SnapshotDecodeError) -> String? { try present() ? try string() : nil }
    mutating func optionalInt() throws(SnapshotDecodeError) -> Int? { try present() ? try int() : nil }
    mutating func optionalDouble() throws(SnapshotDecodeError) -> Double? { try present() ? try double() : nil }
    mutating func optionalDate() throws(SnapshotDecodeError) -> Date? { try present() ? try date() : nil }
    mutating func optionalBool() throws(SnapshotDecodeError) -> Bool? { try present() ? try bool() : nil }

    mutating func strings() throws(SnapshotDecodeError) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}
