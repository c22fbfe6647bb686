import Foundation

/// The record reader's fast path: decodes a record straight from its file's bytes through the model's own
/// `Codable` conformance, with a `DirectTape` as the only intermediate, and no `JSONDecoder` or `JSONValue`.
///
/// It gives exactly what `RecordCoding.makeDecoder()` gives for the documents it accepts (same strings,
/// numbers through the same `strtod`, dates through `ISO8601Dates`), and gives up (nil) on anything it is
/// not sure of: a type mismatch, a missing key, a number that is not a plain in-range integer where an
/// integer is wanted, `Decimal`/`Data`/`URL`/`Float` fields, any document the tape refuses. The caller then
/// takes the previous path, so errors and their line/column messages are unchanged. A give-up is sticky:
/// a model that swallows an error with `try?` still gets nil overall, so it never sees a value `JSONDecoder`
/// would not have given it.
enum DirectDecoding {
    /// Per-thread scratch: the tape storage, reused from file to file.
    final class Scratch {
        let tape = DirectTapeStorage()
        var unescaped: [UInt8] = []
        init() {}
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, scratch: Scratch) -> T? {
        data.withUnsafeBytes { raw in decode(type, from: raw.bindMemory(to: UInt8.self), scratch: scratch) }
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> T? {
        guard let count = scratch.tape.build(bytes), count > 0, let base = bytes.baseAddress else { return nil }
        let decoder = DirectDecoder(bytes: base, tape: scratch.tape.entries, scratch: scratch)
        guard let value = try? decoder.decodeValue(T.self, at: 0), !decoder.failed else { return nil }
        return value
    }
}

/// Thrown (and recorded in `DirectDecoder.failed`) whenever the direct path gives up.
struct DirectDecodingGaveUp: Error {}

final class DirectDecoder: Decoder {
    let bytes: UnsafePointer<UInt8>
    let tape: UnsafePointer<DirectTape.Entry>
    let scratch: DirectDecoding.Scratch
    /// The entry `container(keyedBy:)`, `unkeyedContainer()` and `singleValueContainer()` open.
    var current = 0
    /// Set on every give-up, so one swallowed by `try?` in a model's `init(from:)` still counts.
    var failed = false

    init(bytes: UnsafePointer<UInt8>, tape: UnsafePointer<DirectTape.Entry>, scratch: DirectDecoding.Scratch) {
        self.bytes = bytes
        self.tape = tape
        self.scratch = scratch
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func giveUp() -> DirectDecodingGaveUp {
        failed = true
        return DirectDecodingGaveUp()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape[current].kind == .object else { throw giveUp() }
        return KeyedDecodingContainer(DirectKeyedContainer<Key>(decoder: self, object: current))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape[current].kind == .array else { throw giveUp() }
        return DirectUnkeyedContainer(decoder: self, array: current)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        DirectSingleValueContainer(decoder: self, entry: current)
    }

    // MARK: Values

    /// The entry after the value at `index` (and after everything inside it).
    @inline(__always)
    func after(_ index: Int) -> Int {
        let entry = tape[index]
        return entry.kind == .object || entry.kind == .array ? Int(entry.link) : index + 1
    }

    func decodeValue<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // The types JSONDecoder treats specially, as it does, or not at all.
        if T.self == String.self { return unsafeBitCast(try decodeString(at: index), to: T.self) }
        if T.self == Date.self { return unsafeBitCast(try decodeDate(at: index), to: T.self) }
        if T.self == UUID.self, let uuid = plainUUID(at: index) { return unsafeBitCast(uuid, to: T.self) }
        if T.self == Decimal.self || T.self == Data.self || T.self == URL.self { throw giveUp() }
        let saved = current
        current = index
        defer { current = saved }
        return try T(from: self)
    }

    func isNull(_ index: Int) -> Bool { tape[index].kind == .null }

    func decodeBool(at index: Int) throws -> Bool {
        let entry = tape[index]
        guard entry.kind == .bool else { throw giveUp() }
        return entry.end == 1
    }

    func decodeString(at index: Int) throws -> String {
        let entry = tape[index]
        guard entry.kind == .string else { throw giveUp() }
        let start = Int(entry.start)
        let length = Int(entry.end) - start
        guard entry.flags & DirectTape.Entry.escaped != 0 else {
            return String(decoding: UnsafeBufferPointer(start: bytes + start, count: length), as: UTF8.self)
        }
        return String(decoding: unescape(start: start, end: Int(entry.end)), as: UTF8.self)
    }

    /// The string's bytes with escapes resolved (the tape has checked them, and refused surrogates).
    private func unescape(start: Int, end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                // The tape checked the four digits and refused surrogates, so this is always a scalar.
                if let scalar = DirectTape.hex4(bytes + index).flatMap({ Unicode.Scalar($0) }) {
                    UTF8.encode(scalar) { out.append($0) }
                }
                index += 4
            default: out.append(escape) // '"', '\\', '/'
            }
        }
        return out
    }

    /// `UUID(uuidString:)` of a plain `8-4-4-4-12` hex string, without its `sscanf` (a tenth of reading
    /// a deal's activities); other strings are left to `UUID.init(from:)`, which decides as before.
    func plainUUID(at index: Int) -> UUID? {
        let entry = tape[index]
        guard entry.kind == .string, entry.flags == 0, entry.end - entry.start == 36 else { return nil }
        let text = bytes + Int(entry.start)
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &uuid) { out -> Bool in
            var position = 0
            for byteIndex in 0..<16 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard text[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                }
                guard let high = Self.hexValue(text[position]), let low = Self.hexValue(text[position + 1]) else { return false }
                out[byteIndex] = high << 4 | low
                position += 2
            }
            return true
        }
        return parsed ? UUID(uuid: uuid) : nil
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    func decodeDate(at index: Int) throws -> Date {
        let entry = tape[index]
        guard entry.kind == .string else { throw giveUp() }
        if entry.flags & DirectTape.Entry.escaped == 0,
           let date = ISO8601Dates.parseUTCSeconds(UnsafeBufferPointer(start: bytes + Int(entry.start), count: Int(entry.end - entry.start))) {
            return date
        }
        // What `ISO8601Dates.decode` does after the fast shape: Foundation's parser on the text.
        let text = try decodeString(at: index)
        if let date = ISO8601Dates.parse(text) { return date }
        throw giveUp()
    }

    func decodeDouble(at index: Int) throws -> Double {
        let entry = tape[index]
        guard entry.kind == .number else { throw giveUp() }
        let start = Int(entry.start)
        let text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: Int(entry.end) - start), as: UTF8.self)
        // The same strtod JSONDecoder uses; like it, refuse what overflows to infinity or underflows to zero.
        guard let value = Double(text), value.isFinite else { throw giveUp() }
        // Zero only from a plain zero literal ("0", "-0.00"); JSONDecoder refuses "0e5" for one.
        if value == 0 {
            for position in start..<Int(entry.end) {
                let byte = bytes[position]
                guard byte == UInt8(ascii: "0") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { throw giveUp() }
            }
        }
        return value
    }

    /// A plain integer literal that fits `T`; anything else (fraction, exponent, -0, overflow) gives up.
    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws -> T {
        let entry = tape[index]
        guard entry.kind == .number, entry.flags & DirectTape.Entry.integer != 0 else { throw giveUp() }
        let negative = entry.flags & DirectTape.Entry.negative != 0
        var position = Int(entry.start) + (negative ? 1 : 0)
        let end = Int(entry.end)
        guard end - position <= 19 else { throw giveUp() }
        var magnitude: UInt64 = 0
        while position < end {
            magnitude = magnitude * 10 + UInt64(bytes[position] &- UInt8(ascii: "0"))
            position += 1
        }
        if negative {
            guard magnitude != 0, magnitude <= UInt64(Int64.max) + 1 else { throw giveUp() }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            guard let result = T(exactly: value) else { throw giveUp() }
            return result
        }
        guard let result = T(exactly: magnitude) else { throw giveUp() }
        return result
    }
}

// MARK: - Keyed

struct DirectKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: DirectDecoder
    let object: Int

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var index = firstKey
        while index >= 0 {
            let entry = decoder.tape[index]
            let text = String(decoding: UnsafeBufferPointer(start: decoder.bytes + Int(entry.start), count: Int(entry.end - entry.start)), as: UTF8.self)
            if let key = Key(stringValue: text) { keys.append(key) }
            index = Int(entry.link)
        }
        return keys
    }

    private var firstKey: Int { decoder.tape[object].aux == 0 ? -1 : object + 1 }

    /// The value entry for `key`, or nil when the object has no such member.
    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { wanted -> Int? in
            guard let wantedBase = wanted.baseAddress ?? UnsafePointer(bitPattern: 1) else { return nil }
            let hash = DirectTape.hash(wantedBase, count: wanted.count)
            let tape = decoder.tape
            var index = firstKey
            while index >= 0 {
                let entry = tape[index]
                if entry.aux == hash, Int(entry.end - entry.start) == wanted.count,
                   memcmp(decoder.bytes + Int(entry.start), wantedBase, wanted.count) == 0 {
                    return index + 1
                }
                index = Int(entry.link)
            }
            // An ASCII key cannot be missing from ASCII keys under any other string equality; others can.
            for byte in wanted where byte >= 0x80 {
                decoder.failed = true
                break
            }
            return nil
        }
    }

    private func value(_ key: Key) throws -> Int {
        guard let index = find(key) else { throw decoder.giveUp() }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.isNull(try value(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.decodeBool(at: try value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.decodeString(at: try value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.decodeDouble(at: try value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw decoder.giveUp() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.decodeInteger(type, at: try value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.decodeValue(type, at: try value(key)) }

    // Present and not null, as JSONDecoder's keyed container does it; one lookup instead of three.
    private func present(_ key: Key) -> Int? {
        guard let index = find(key), !decoder.isNull(index) else { return nil }
        return index
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try decoder.decodeBool(at: $0) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try decoder.decodeString(at: $0) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try decoder.decodeDouble(at: $0) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { throw decoder.giveUp() }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try decoder.decodeInteger(type, at: $0) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try decoder.decodeValue(type, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try value(key)
        guard decoder.tape[index].kind == .object else { throw decoder.giveUp() }
        return KeyedDecodingContainer(DirectKeyedContainer<NestedKey>(decoder: decoder, object: index))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try value(key)
        guard decoder.tape[index].kind == .array else { throw decoder.giveUp() }
        return DirectUnkeyedContainer(decoder: decoder, array: index)
    }

    func superDecoder() throws -> any Decoder { throw decoder.giveUp() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw decoder.giveUp() }
}

// MARK: - Unkeyed

struct DirectUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: DirectDecoder
    let count: Int?
    private(set) var currentIndex = 0
    /// The entry of the element at `currentIndex`.
    private var position: Int

    init(decoder: DirectDecoder, array: Int) {
        self.decoder = decoder
        count = Int(decoder.tape[array].aux)
        position = array + 1
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    /// The next element's entry, moving past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw decoder.giveUp() }
        let index = position
        position = decoder.after(index)
        currentIndex += 1
        return index
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw decoder.giveUp() }
        guard decoder.isNull(position) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool(at: try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try decoder.decodeString(at: try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble(at: try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { throw decoder.giveUp() }
    mutating func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type, at: try next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        guard !isAtEnd, decoder.tape[position].kind == .object else { throw decoder.giveUp() }
        return KeyedDecodingContainer(DirectKeyedContainer<NestedKey>(decoder: decoder, object: try next()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard !isAtEnd, decoder.tape[position].kind == .array else { throw decoder.giveUp() }
        return DirectUnkeyedContainer(decoder: decoder, array: try next())
    }

    mutating func superDecoder() throws -> any Decoder { throw decoder.giveUp() }
}

// MARK: - Single value

struct DirectSingleValueContainer: SingleValueDecodingContainer {
    let decoder: DirectDecoder
    let entry: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { decoder.isNull(entry) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool(at: entry) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString(at: entry) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble(at: entry) }
    func decode(_ type: Float.Type) throws -> Float { throw decoder.giveUp() }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeInteger(type, at: entry) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeInteger(type, at: entry) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type, at: entry) }
}
