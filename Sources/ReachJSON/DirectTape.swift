import Foundation

/// A one-pass structural index ("tape") of a JSON document, read straight from its bytes: one entry per
/// value and per object key, in document order, with no strings or numbers converted yet.
///
/// It exists for the record reader's fast path: the models' direct decoders (`DirectValue`) and, for the types
/// that have none, `DirectDecoder`. The tape accepts only strict RFC 8259
/// JSON, and refuses (returns false) whatever it cannot read with certainty: object keys with escapes or
/// non-ASCII bytes, duplicate keys, `\u` surrogate escapes, nesting deeper than `maxDepth`, invalid UTF-8.
/// A refused document goes to the reader's previous path (`JSONDecoder`, then `JSONParser` for the
/// message), so refusing is always safe; accepting something `JSONDecoder` rejects never is.
@usableFromInline
package struct DirectTape {
    /// The four hex digits of a `\u` escape at `pointer`, or nil.
    static func hex4(_ pointer: UnsafePointer<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = HexDigit.value(pointer[offset]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    @usableFromInline
    enum Kind: UInt8 {
        case null, bool, number, string, object, array
    }

    /// 16 bytes; containers know where they end so a lookup can step over them.
    @usableFromInline
    struct Entry {
        /// Strings: the first byte after the opening quote. Numbers and literals: their first byte.
        @usableFromInline var start: Int32
        /// Strings: the offset of the closing quote. Numbers: one past the last byte. Bools: 1 for true.
        @usableFromInline var end: Int32
        /// Containers: the index of the entry after the container. Object keys: the index of the object's
        /// next key entry, or -1 after the last key.
        @usableFromInline var link: Int32
        /// Object keys: the key's hash (`DirectTape.hash`). Containers: how many members or elements.
        @usableFromInline var aux: UInt32
        @usableFromInline var kind: Kind
        /// Strings: `escaped` when the string holds backslash escapes. Numbers: `integer` when it has no
        /// fraction or exponent, `negative` when it starts with '-'.
        @usableFromInline var flags: UInt8

        @usableFromInline static let escaped: UInt8 = 1
        @usableFromInline static let integer: UInt8 = 2
        @usableFromInline static let negative: UInt8 = 4
    }

    /// Records are a handful of levels deep; anything deeper goes to the previous path.
    static let maxDepth = 64

    /// FNV-1a over a key's bytes, folded to 32 bits.
    @inline(__always)
    package static func hash(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt32 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in 0..<count {
            value = (value ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }
}

/// Reusable storage for the tape of one document at a time (one per reading thread).
final class DirectTapeStorage {
    private(set) var entries: UnsafeMutablePointer<DirectTape.Entry>
    private(set) var capacity: Int
    /// Key hashes of the objects being built, innermost last (for the duplicate check).
    fileprivate var keyHashes: UnsafeMutablePointer<UInt32>
    fileprivate var keyCapacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
        entries = .allocate(capacity: capacity)
        keyCapacity = 256
        keyHashes = .allocate(capacity: keyCapacity)
    }

    deinit {
        entries.deallocate()
        keyHashes.deallocate()
    }

    fileprivate func grow(keeping count: Int) {
        let bigger = UnsafeMutablePointer<DirectTape.Entry>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = bigger
        capacity *= 2
    }

    fileprivate func growKeys(keeping count: Int) {
        let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: keyCapacity * 2)
        bigger.moveInitialize(from: keyHashes, count: count)
        keyHashes.deallocate()
        keyHashes = bigger
        keyCapacity *= 2
    }

    /// Builds the tape of `bytes`; the number of entries, or nil when the document is refused.
    func build(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, bytes.count < Int(Int32.max) else { return nil }
        var builder = DirectTapeBuilder(bytes: base, count: bytes.count, storage: self)
        return builder.document()
    }
}

private struct DirectTapeBuilder {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let storage: DirectTapeStorage
    var entries: UnsafeMutablePointer<DirectTape.Entry>
    var capacity: Int
    var used = 0
    var index = 0
    var keyCount = 0
    /// Any byte of 0x80 or above inside a string: the whole document is then checked as UTF-8.
    var highBits: UInt8 = 0

    init(bytes: UnsafePointer<UInt8>, count: Int, storage: DirectTapeStorage) {
        self.bytes = bytes
        self.count = count
        self.storage = storage
        entries = storage.entries
        capacity = storage.capacity
    }

    mutating func document() -> Int? {
        skipWhitespace()
        guard index < count, value(depth: 0) else { return nil }
        skipWhitespace()
        guard index == count else { return nil }
        if highBits >= 0x80, UTF8Check.firstInvalidOffset(in: UnsafeBufferPointer(start: bytes, count: count)) != nil {
            return nil
        }
        return used
    }

    @inline(__always)
    mutating func append(_ entry: DirectTape.Entry) -> Int {
        if used == capacity {
            storage.grow(keeping: used)
            entries = storage.entries
            capacity = storage.capacity
        }
        entries[used] = entry
        used += 1
        return used - 1
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            let byte = bytes[index]
            if byte == 0x20, count - index >= 8 {
                // A run of spaces (a pretty-printed file's indentation), up to eight at once.
                index += (word(at: index) ^ 0x2020_2020_2020_2020).trailingZeroBitCount >> 3
                continue
            }
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The eight bytes from `offset` as one little-endian word (the caller checks that there are eight).
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self))
    }

    mutating func value(depth: Int) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string(isKey: false) != nil
        case UInt8(ascii: "{"):
            return object(depth: depth + 1)
        case UInt8(ascii: "["):
            return array(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number()
        case UInt8(ascii: "t"):
            return literal("true", kind: .bool, end: 1)
        case UInt8(ascii: "f"):
            return literal("false", kind: .bool, end: 0)
        case UInt8(ascii: "n"):
            return literal("null", kind: .null, end: 0)
        default:
            return false
        }
    }

    mutating func literal(_ text: StaticString, kind: DirectTape.Kind, end: Int32) -> Bool {
        let length = text.utf8CodeUnitCount
        guard count - index >= length, memcmp(bytes + index, text.utf8Start, length) == 0 else { return false }
        _ = append(DirectTape.Entry(start: Int32(index), end: end, link: 0, aux: 0, kind: kind, flags: 0))
        index += length
        return true
    }

    /// Appends a container's entry at its opening bracket and steps inside; nil when nested too deep or the
    /// input ends there.
    private mutating func open(_ kind: DirectTape.Kind, depth: Int) -> Int? {
        guard depth <= DirectTape.maxDepth else { return nil }
        let me = append(DirectTape.Entry(start: Int32(index), end: 0, link: 0, aux: 0, kind: kind, flags: 0))
        index += 1
        skipWhitespace()
        return index < count ? me : nil
    }

    mutating func object(depth: Int) -> Bool {
        guard let me = open(.object, depth: depth) else { return false }
        var members: UInt32 = 0
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            entries[me].link = Int32(used)
            return true
        }
        let firstKey = keyCount
        var previousKey = -1
        while true {
            guard index < count, bytes[index] == UInt8(ascii: "\"") else { return false }
            guard let key = string(isKey: true) else { return false }
            let hash = entries[key].aux
            // Duplicate keys (or a hash collision): left to the previous path, which decides what they mean.
            let hashes = storage.keyHashes
            for other in firstKey..<keyCount where hashes[other] == hash { return false }
            if keyCount == storage.keyCapacity { storage.growKeys(keeping: keyCount) }
            storage.keyHashes[keyCount] = hash
            keyCount += 1
            if previousKey >= 0 { entries[previousKey].link = Int32(key) }
            previousKey = key
            skipWhitespace()
            guard index < count, bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard index < count, value(depth: depth) else { return false }
            members += 1
            guard let closed = closesAfterElement(UInt8(ascii: "}")) else { return false }
            if closed {
                index += 1
                break
            }
        }
        keyCount = firstKey
        entries[me].link = Int32(used)
        entries[me].aux = members
        return true
    }

    /// After a member or an element: true at `closer` (left for the caller), false after a comma (whitespace
    /// after it skipped), nil for anything else.
    private mutating func closesAfterElement(_ closer: UInt8) -> Bool? {
        skipWhitespace()
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            return false
        }
        return bytes[index] == closer ? true : nil
    }

    mutating func array(depth: Int) -> Bool {
        guard let me = open(.array, depth: depth) else { return false }
        var elements: UInt32 = 0
        if bytes[index] != UInt8(ascii: "]") {
            while true {
                guard index < count, value(depth: depth) else { return false }
                elements += 1
                guard let closed = closesAfterElement(UInt8(ascii: "]")) else { return false }
                if closed { break }
            }
        }
        index += 1
        entries[me].link = Int32(used)
        entries[me].aux = elements
        return true
    }

    /// A string starting at the quote under `index`; its entry index, or nil when refused.
    mutating func string(isKey: Bool) -> Int? {
        index += 1
        let start = index
        var flags: UInt8 = 0
        var high: UInt8 = 0
        while true {
            // Eight bytes at a time while none of them is a quote, a backslash, a control or a non-ASCII byte; then
            // straight to the first that is. The tests below can flag a byte after a real match (a borrow carries
            // upwards) but never one before it, so the lowest flag is exact.
            while count - index >= 8 {
                let word = word(at: index)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20) | word) & highs
                if special != 0 {
                    index += special.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { return nil }
            if byte >= 0x80 {
                high = 0x80
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\\") {
                flags = DirectTape.Entry.escaped
                index += 1
                guard index < count else { return nil }
                if JSONEscaping.byte(ofEscape: bytes[index]) != nil {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "u") {
                    guard count - index >= 5, let unit = DirectTape.hex4(bytes + index + 1) else { return nil }
                    // Surrogates (paired or not) are left to the previous path.
                    guard unit < 0xD800 || unit > 0xDFFF else { return nil }
                    index += 5
                } else {
                    return nil
                }
                continue
            }
            index += 1
        }
        let end = index
        index += 1
        highBits |= high
        var aux: UInt32 = 0
        if isKey {
            // Keys are compared as bytes, which is String equality only for plain ASCII without escapes.
            guard flags == 0, high == 0 else { return nil }
            aux = DirectTape.hash(bytes + start, count: end - start)
        }
        return append(DirectTape.Entry(start: Int32(start), end: Int32(end), link: -1, aux: aux, kind: .string, flags: flags))
    }

    @inline(__always)
    func isDigit(_ offset: Int) -> Bool {
        offset < count && bytes[offset] &- UInt8(ascii: "0") < 10
    }

    mutating func number() -> Bool {
        let start = index
        var flags = DirectTape.Entry.integer
        if bytes[index] == UInt8(ascii: "-") {
            flags |= DirectTape.Entry.negative
            index += 1
        }
        guard isDigit(index) else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            flags &= ~DirectTape.Entry.integer
            index += 1
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
        }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            flags &= ~DirectTape.Entry.integer
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
        }
        _ = append(DirectTape.Entry(start: Int32(start), end: Int32(index), link: 0, aux: 0, kind: .number, flags: flags))
        return true
    }
}
