import Foundation

/// The record reader's fast path: decodes a record straight from its file's bytes, with a `DirectTape` as the only
/// intermediate, and no `JSONDecoder` or `JSONValue`. A `DirectDecodable` type (every model but the few with a
/// custom `init(from:)`) is read by its generated decoder; any other type by its own `Decodable` conformance over the
/// tape (`DirectDecoder`).
///
/// It gives exactly what `RecordCoding.makeDecoder()` gives for the documents it accepts (same strings,
/// numbers through the same `strtod`, dates through `ISO8601Dates`), and gives up (nil) on anything it is
/// not sure of: a type mismatch, a missing key, a number that is not a plain in-range integer where an
/// integer is wanted, `Decimal`/`Data`/`URL`/`Float` fields, any document the tape refuses. The caller then
/// takes the previous path, so errors and their line/column messages are unchanged. A give-up is sticky:
/// a model that swallows an error with `try?` still gets nil overall, so it never sees a value `JSONDecoder`
/// would not have given it.
package enum DirectDecoding {
    /// Per-thread scratch: the tape storage, reused from file to file.
    package final class Scratch {
        let tape = DirectTapeStorage()
        package init() {}
    }

    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, scratch: Scratch) -> T? {
        data.withUnsafeBytes { raw in decode(type, from: raw.bindMemory(to: UInt8.self), scratch: scratch) }
    }

    package static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> T? {
        guard let count = scratch.tape.build(bytes), count > 0, let base = bytes.baseAddress else { return nil }
        let root = DirectValue(bytes: base, tape: scratch.tape.entries, index: 0)
        if let direct = type as? any DirectDecodable.Type {
            return (try? direct.init(direct: root)) as? T
        }
        return try? root.decodeThroughDecoder(type)
    }
}

/// Thrown (and recorded in `DirectDecoder.failed`) whenever the `Decoder` path gives up.
struct DirectDecodingGaveUp: Error {}

/// A `Decoder` over a tape, for the types with no direct decoder: their `init(from:)` runs as it would under
/// `JSONDecoder`, reading the same scalars as `DirectValue` does.
@usableFromInline
final class DirectDecoder: Decoder {
    let bytes: UnsafePointer<UInt8>
    let tape: UnsafePointer<DirectTape.Entry>
    /// The entry `container(keyedBy:)`, `unkeyedContainer()` and `singleValueContainer()` open.
    var current = 0
    /// Set on every give-up, so one swallowed by `try?` in a model's `init(from:)` still counts.
    @usableFromInline var failed = false

    @usableFromInline
    init(bytes: UnsafePointer<UInt8>, tape: UnsafePointer<DirectTape.Entry>) {
        self.bytes = bytes
        self.tape = tape
    }

    @usableFromInline var codingPath: [any CodingKey] { [] }
    @usableFromInline var userInfo: [CodingUserInfoKey: Any] { [:] }

    func giveUp() -> DirectDecodingGaveUp {
        failed = true
        return DirectDecodingGaveUp()
    }

    @usableFromInline
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape[current].kind == .object else { throw giveUp() }
        return KeyedDecodingContainer(DirectKeyedContainer<Key>(decoder: self, object: current))
    }

    @usableFromInline
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape[current].kind == .array else { throw giveUp() }
        return DirectUnkeyedContainer(decoder: self, array: current)
    }

    @usableFromInline
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        DirectSingleValueContainer(decoder: self, entry: current)
    }

    // MARK: Values

    /// The entry after the value at `index` (and after everything inside it).
    @inline(__always)
    func after(_ index: Int) -> Int { value(index).next }

    @inline(__always)
    func value(_ index: Int) -> DirectValue { DirectValue(bytes: bytes, tape: tape, index: index) }

    /// The scalar `read` gives, or a give-up recorded.
    @inline(__always)
    func scalar<T>(at index: Int, _ read: (DirectValue) throws(DirectGaveUp) -> T) throws -> T {
        do {
            return try read(value(index))
        } catch {
            throw giveUp()
        }
    }

    @usableFromInline
    func decodeValue<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // The types JSONDecoder treats specially, as it does, or not at all.
        if T.self == String.self { return unsafeBitCast(try decodeString(at: index), to: T.self) }
        if T.self == Date.self { return unsafeBitCast(try scalar(at: index) { v throws(DirectGaveUp) in try v.date() }, to: T.self) }
        if T.self == UUID.self, let uuid = value(index).plainUUID() { return unsafeBitCast(uuid, to: T.self) }
        if T.self == Decimal.self || T.self == Data.self || T.self == URL.self { throw giveUp() }
        let saved = current
        current = index
        defer { current = saved }
        return try T(from: self)
    }

    func isNull(_ index: Int) -> Bool { tape[index].kind == .null }

    func decodeBool(at index: Int) throws -> Bool { try scalar(at: index) { v throws(DirectGaveUp) in try v.bool() } }

    func decodeString(at index: Int) throws -> String { try scalar(at: index) { v throws(DirectGaveUp) in try v.string() } }

    func decodeDouble(at index: Int) throws -> Double { try scalar(at: index) { v throws(DirectGaveUp) in try v.double() } }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, at index: Int) throws -> T {
        try scalar(at: index) { v throws(DirectGaveUp) in try v.integer(type) }
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
