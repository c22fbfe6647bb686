import Foundation

/// Thrown whenever the direct path is not sure of a value. The reader then takes its previous path, whose errors
/// name the line and column, so giving up is always safe.
public struct DirectGaveUp: Error {
    @inlinable public init() {}
}

/// A type read straight from a document's tape, with no `Decoder` in between: no container boxes, no generic
/// metadata look-ups, no key strings.
///
/// The models' conformances are generated from their stored properties (`scripts/generate-direct-decoders` writes
/// `ReachCore/Generated/DirectDecoders.swift`) and accept exactly what their synthesized `Decodable` accepts, or
/// give up. String-backed types get theirs from `init(rawValue:)`.
public protocol DirectDecodable: Decodable {
    init(direct value: DirectValue) throws(DirectGaveUp)
}

extension DirectDecodable where Self: RawRepresentable, RawValue == String {
    @inlinable
    public init(direct value: DirectValue) throws(DirectGaveUp) {
        guard let decoded = Self(rawValue: try value.string()) else { throw DirectGaveUp() }
        self = decoded
    }
}

/// One value in a document's tape. It holds pointers into the document and its tape, which live for one
/// `DirectDecoding.decode` call, so it must not outlive the decoder it is given to.
public struct DirectValue {
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let tape: UnsafePointer<DirectTape.Entry>
    @usableFromInline let index: Int

    @inlinable
    init(bytes: UnsafePointer<UInt8>, tape: UnsafePointer<DirectTape.Entry>, index: Int) {
        self.bytes = bytes
        self.tape = tape
        self.index = index
    }

    @inlinable var entry: DirectTape.Entry { tape[index] }

    @inlinable public var isNull: Bool { entry.kind == .null }

    /// The entry after this value and everything inside it.
    @inlinable
    var next: Int {
        let entry = entry
        return entry.kind == .object || entry.kind == .array ? Int(entry.link) : index + 1
    }

    // MARK: Containers

    /// The members of an object, in the document's order; gives up on anything but an object.
    @inlinable
    public func members() throws(DirectGaveUp) -> DirectMembers {
        guard entry.kind == .object else { throw DirectGaveUp() }
        return DirectMembers(firstKey: entry.aux == 0 ? nil : DirectValue(bytes: bytes, tape: tape, index: index + 1))
    }

    /// Each element of an array, in order; gives up on anything but an array.
    @inlinable
    public func forEachElement(_ body: (DirectValue) throws(DirectGaveUp) -> Void) throws(DirectGaveUp) {
        guard entry.kind == .array else { throw DirectGaveUp() }
        var position = index + 1
        for _ in 0..<Int(entry.aux) {
            let element = DirectValue(bytes: bytes, tape: tape, index: position)
            try body(element)
            position = element.next
        }
    }

    @inlinable public var elementCount: Int { entry.kind == .array ? Int(entry.aux) : 0 }

    // MARK: Decoding

    @inlinable
    public func decode<T: DirectDecodable>(_ type: T.Type) throws(DirectGaveUp) -> T { try T(direct: self) }

    /// A type with no direct decoder (sets, dictionaries, `Decimal`, a custom `init(from:)`): its own `Decodable`
    /// conformance over the same tape.
    @inlinable
    public func decode<T: Decodable>(_ type: T.Type) throws(DirectGaveUp) -> T { try decodeThroughDecoder(type) }

    /// nil for null, as `decodeIfPresent` does for a present key.
    @inlinable
    public func decodeIfNotNull<T: DirectDecodable>(_ type: T.Type) throws(DirectGaveUp) -> T? {
        isNull ? nil : try T(direct: self)
    }

    @inlinable
    public func decodeIfNotNull<T: Decodable>(_ type: T.Type) throws(DirectGaveUp) -> T? {
        isNull ? nil : try decodeThroughDecoder(type)
    }

    @usableFromInline
    func decodeThroughDecoder<T: Decodable>(_ type: T.Type) throws(DirectGaveUp) -> T {
        let decoder = DirectDecoder(bytes: bytes, tape: tape)
        // A give-up that a type's `try?` swallowed still counts.
        guard let value = try? decoder.decodeValue(type, at: index), !decoder.failed else { throw DirectGaveUp() }
        return value
    }

    // MARK: Scalars, as `RecordCoding.makeDecoder()`'s `JSONDecoder` reads them

    @inlinable
    public func bool() throws(DirectGaveUp) -> Bool {
        let entry = entry
        guard entry.kind == .bool else { throw DirectGaveUp() }
        return entry.end == 1
    }

    /// The bytes of a string without escapes (they are the string's UTF-8, checked by the tape), or nil for a
    /// string with escapes; gives up on anything but a string.
    @inlinable
    public func plainStringBytes() throws(DirectGaveUp) -> UnsafeBufferPointer<UInt8>? {
        let entry = entry
        guard entry.kind == .string else { throw DirectGaveUp() }
        guard entry.flags & DirectTape.Entry.escaped == 0 else { return nil }
        return UnsafeBufferPointer(start: bytes + Int(entry.start), count: Int(entry.end - entry.start))
    }

    @inlinable
    public func string() throws(DirectGaveUp) -> String {
        if let plain = try plainStringBytes() { return String(decoding: plain, as: UTF8.self) }
        return String(decoding: unescaped(), as: UTF8.self)
    }

    /// The string's bytes with escapes resolved (the tape has checked them, and refused surrogates).
    @usableFromInline
    func unescaped() -> [UInt8] {
        let entry = entry
        let end = Int(entry.end)
        var out: [UInt8] = []
        out.reserveCapacity(end - Int(entry.start))
        var position = Int(entry.start)
        while position < end {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                position += 1
                continue
            }
            let escape = bytes[position + 1]
            position += 2
            if let byte = JSONEscaping.byte(ofEscape: escape) {
                out.append(byte)
            } else {
                // `\u`: the tape checked the four digits and refused surrogates, so this is always a scalar.
                if let scalar = DirectTape.hex4(bytes + position).flatMap({ Unicode.Scalar($0) }) {
                    UTF8.encode(scalar) { out.append($0) }
                }
                position += 4
            }
        }
        return out
    }

    /// A plain integer literal that fits `T`; anything else (fraction, exponent, -0, overflow) gives up.
    @inlinable
    public func integer<T: FixedWidthInteger>(_ type: T.Type) throws(DirectGaveUp) -> T {
        let entry = entry
        guard entry.kind == .number, entry.flags & DirectTape.Entry.integer != 0 else { throw DirectGaveUp() }
        let negative = entry.flags & DirectTape.Entry.negative != 0
        var position = Int(entry.start) + (negative ? 1 : 0)
        let end = Int(entry.end)
        guard end - position <= 19 else { throw DirectGaveUp() }
        var magnitude: UInt64 = 0
        while position < end {
            magnitude = magnitude * 10 + UInt64(bytes[position] &- UInt8(ascii: "0"))
            position += 1
        }
        if negative {
            guard magnitude != 0, magnitude <= UInt64(Int64.max) + 1 else { throw DirectGaveUp() }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            guard let result = T(exactly: value) else { throw DirectGaveUp() }
            return result
        }
        guard let result = T(exactly: magnitude) else { throw DirectGaveUp() }
        return result
    }

    @usableFromInline
    func double() throws(DirectGaveUp) -> Double {
        let entry = entry
        guard entry.kind == .number else { throw DirectGaveUp() }
        let start = Int(entry.start)
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: Int(entry.end) - start), as: UTF8.self)
        // The same strtod JSONDecoder uses; like it, refuse what overflows to infinity or underflows to zero.
        guard let value = Double(text), value.isFinite else { throw DirectGaveUp() }
        // Zero only from a plain zero literal ("0", "-0.00"); JSONDecoder refuses "0e5" for one.
        if value == 0 {
            for position in start..<Int(entry.end) {
                let byte = bytes[position]
                guard byte == UInt8(ascii: "0") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { throw DirectGaveUp() }
            }
        }
        return value
    }

    /// As `ISO8601Dates.decode`: the app's own `2026-06-01T09:00:00Z` by hand, anything else by Foundation's parser.
    @usableFromInline
    func date() throws(DirectGaveUp) -> Date {
        if let plain = try plainStringBytes(), let date = ISO8601Dates.parseUTCSeconds(plain) { return date }
        guard let date = ISO8601Dates.parse(try string()) else { throw DirectGaveUp() }
        return date
    }

    /// `UUID(uuidString:)` of a plain `8-4-4-4-12` hex string, without its `sscanf` (a tenth of reading a deal's
    /// activities); nil for other strings, which `UUID.init(from:)` decides on as before. Every digit is converted
    /// and checked without a branch (`HexDigit.valueOrFlag`), then the flags are looked at once: a UUID per
    /// activity made this 3% of a first build of the folder index.
    @usableFromInline
    func plainUUID() -> UUID? {
        let entry = entry
        guard entry.kind == .string, entry.flags == 0, entry.end - entry.start == 36 else { return nil }
        let text = bytes + Int(entry.start)
        let dash = UInt8(ascii: "-")
        guard text[8] == dash, text[13] == dash, text[18] == dash, text[23] == dash else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var flags: UInt8 = 0
        withUnsafeMutableBytes(of: &uuid) { out in
            // The text position of each byte's two digits: groups of 4, 2, 2, 2 and 6 bytes between the dashes.
            for byteIndex in 0..<16 {
                let position = 2 * byteIndex + (byteIndex >= 4 ? 1 : 0) + (byteIndex >= 6 ? 1 : 0) + (byteIndex >= 8 ? 1 : 0)
                    + (byteIndex >= 10 ? 1 : 0)
                let high = HexDigit.valueOrFlag(text[position]), low = HexDigit.valueOrFlag(text[position + 1])
                flags |= high | low
                out[byteIndex] = high << 4 | (low & 0x0F)
            }
        }
        return flags & HexDigit.flag == 0 ? UUID(uuid: uuid) : nil
    }
}

/// The members of one object, walked in the document's order (`DirectValue.members()`).
public struct DirectMembers {
    /// The next member's key (a string entry of the tape), or nil after the last.
    @usableFromInline var nextKey: DirectValue?

    @inlinable
    init(firstKey: DirectValue?) {
        nextKey = firstKey
    }

    @inlinable
    public mutating func next() -> DirectMember? {
        guard let key = nextKey else { return nil }
        let link = Int(key.entry.link)
        nextKey = link < 0 ? nil : DirectValue(bytes: key.bytes, tape: key.tape, index: link)
        return DirectMember(key: key)
    }
}

/// One member of an object: its key (plain ASCII: the tape refuses any other) and its value, the entry after it.
public struct DirectMember {
    @usableFromInline let key: DirectValue

    @inlinable
    init(key: DirectValue) {
        self.key = key
    }

    /// The key's `DirectTape.hash`: generated decoders switch on it, then confirm the key with `hasKey`.
    @inlinable public var keyHash: UInt32 { key.entry.aux }

    @inlinable
    public func hasKey(_ name: StaticString) -> Bool {
        let entry = key.entry
        let count = Int(entry.end - entry.start)
        return count == name.utf8CodeUnitCount && memcmp(key.bytes + Int(entry.start), name.utf8Start, count) == 0
    }

    @inlinable public var value: DirectValue { DirectValue(bytes: key.bytes, tape: key.tape, index: key.index + 1) }
}

// MARK: - The scalars the models hold

extension String: DirectDecodable {
    @inlinable public init(direct value: DirectValue) throws(DirectGaveUp) { self = try value.string() }
}

extension Bool: DirectDecodable {
    @inlinable public init(direct value: DirectValue) throws(DirectGaveUp) { self = try value.bool() }
}

extension Int: DirectDecodable {
    @inlinable public init(direct value: DirectValue) throws(DirectGaveUp) { self = try value.integer(Int.self) }
}

extension Int64: DirectDecodable {
    @inlinable public init(direct value: DirectValue) throws(DirectGaveUp) { self = try value.integer(Int64.self) }
}

extension Double: DirectDecodable {
    @inlinable public init(direct value: DirectValue) throws(DirectGaveUp) { self = try value.double() }
}

extension Date: DirectDecodable {
    @inlinable public init(direct value: DirectValue) throws(DirectGaveUp) { self = try value.date() }
}

extension UUID: DirectDecodable {
    /// Other spellings than the plain one go to `UUID.init(from:)`, which decides on them as before.
    @inlinable
    public init(direct value: DirectValue) throws(DirectGaveUp) {
        if let plain = value.plainUUID() {
            self = plain
        } else {
            self = try value.decodeThroughDecoder(UUID.self)
        }
    }
}

extension Array: DirectDecodable where Element: DirectDecodable {
    @inlinable
    public init(direct value: DirectValue) throws(DirectGaveUp) {
        self.init()
        reserveCapacity(value.elementCount)
        try value.forEachElement { (element) throws(DirectGaveUp) in append(try Element(direct: element)) }
    }
}
