import Foundation
import ReachJSON

/// The folders of the data folder, one per kind of record.
public enum RecordKind: String, CaseIterable, Codable, Sendable {
    case influencer = "influencers"
    case campaign = "campaigns"
    case deal = "deals"
    case template = "templates"

    /// The folder name inside the data folder (`influencers/<id>.json`).
    public var folderName: String { rawValue }

    /// One record of this kind, as the interface says it: "creator", "campaign", "deal", "template".
    public var noun: String {
        switch self {
        case .influencer: "creator"
        case .campaign: "campaign"
        case .deal: "deal"
        case .template: "template"
        }
    }
}

/// Anything saved as one JSON file: the store versions, orders and conflict-checks it through these fields.
///
/// `revision` counts saves (1 for the first); a save whose expected revision differs from the one
/// on disk is a conflict. Dates are UTC; the clock is injected by callers, never read here.
public protocol Record: Codable, Sendable, Equatable {
    static var kind: RecordKind { get }
    /// The schema version this build writes for this kind.
    static var currentSchemaVersion: Int { get }
    var id: RecordID { get }
    var schemaVersion: Int { get set }
    var createdAt: Date { get set }
    var updatedAt: Date { get set }
    var revision: Int { get set }
}

/// A ULID: 48-bit millisecond time + 80 random bits in Crockford base32 (26 characters).
///
/// Sortable by creation time and collision-free across machines without coordination,
/// so two account managers on different servers can create records that later merge.
///
/// Held as its 128-bit value (16 bytes inline, no heap string: a deal holds three ids, and 100,000 creators with
/// 200,000 deals held 700,000 of them as 26-character strings); it still reads and writes as the same 26 characters,
/// so files do not change. A string that is not a canonical ULID (a hand-edited file, an old test fixture) keeps its
/// exact text in a process-wide table and is held as its number there.
public struct RecordID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    private let high: UInt64
    private let low: UInt64

    public init(rawValue: String) {
        if let (high, low) = Self.value(of: rawValue) {
            self.high = high
            self.low = low
        } else {
            high = Self.internedMarker
            low = InternedIDs.shared.number(of: rawValue)
        }
    }

    public var rawValue: String {
        guard !isInterned else { return InternedIDs.shared.text(of: low) }
        var text = ""
        withUTF8 { text = String(decoding: $0, as: UTF8.self) }
        return text
    }

    /// The id's text as UTF-8 bytes, for `body` only: a ULID's 26 characters are spelled on the stack, with no
    /// string made (the folder index binds three ids per deal). Not generic, so that it is not a generic call from
    /// another module.
    public func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard !isInterned else {
            var text = InternedIDs.shared.text(of: low)
            return try text.withUTF8(body)
        }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 26) { bytes in
            var (high, low) = (high, low)
            // The alphabet fetched once per id, as `digits` is: a lazy global read for each of 26 characters was a
            // `swift_once` each time, 1% of a first build of the folder index (three ids bound per deal).
            Self.alphabet.withUnsafeBufferPointer { alphabet in
                for index in stride(from: 25, through: 0, by: -1) {
                    bytes[index] = alphabet[Int(low & 0x1F)]
                    low = low >> 5 | high << 59
                    high >>= 5
                }
            }
            try body(UnsafeBufferPointer(bytes))
        }
    }

    public var description: String { rawValue }

    // Written out: `RawRepresentable` would otherwise compare and hash `rawValue`, a new string each time.
    public static func == (lhs: RecordID, rhs: RecordID) -> Bool { lhs.high == rhs.high && lhs.low == rhs.low }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }

    /// What `Set`, `Dictionary` and swift-collections' tables hash with (`hash(into:)` serves only hashes of
    /// values that hold an id): both halves and the table's seed mixed by multiplications, instead of `Hasher`'s
    /// SipHash. A start puts 200,000 deals and 100,000 creators into tables keyed by id, a million look-ups, and
    /// `Hasher`'s set-up and finish were a tenth of its samples. The seed still differs per table and per process,
    /// so a folder of crafted ids cannot line up collisions in advance.
    public func _rawHashValue(seed: Int) -> Int {
        var bits = (high &+ UInt64(truncatingIfNeeded: seed)) &* 0x9E37_79B9_7F4A_7C15 ^ low
        bits = (bits ^ bits >> 30) &* 0xBF58_476D_1CE4_E5B9
        bits = (bits ^ bits >> 27) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: bits ^ bits >> 31)
    }

    /// A cheap hash of both halves, well spread in its high bits, for a table that does its own probing
    /// (`PlaceTable`): `Hasher` costs more than the rest of such a look-up. Not seeded: ids come from the user's own
    /// folder, and a ULID's random half spreads them anyway.
    public var mixedBits: UInt64 {
        var bits = (high ^ low &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        bits ^= bits >> 31
        return bits &* 0x94D0_49BB_1331_11EB
    }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        // The base-32 alphabet is in ASCII order, so for two ULIDs the numbers sort as the strings do.
        guard lhs.isInterned || rhs.isInterned else { return (lhs.high, lhs.low) < (rhs.high, rhs.low) }
        return lhs.rawValue < rhs.rawValue
    }

    private var isInterned: Bool { high & Self.internedMarker == Self.internedMarker }

    /// The top 18 bits set: ULIDs from the year 10889 on ("7ZZZ…"), which are interned like any other odd string so
    /// these values can mean "look in the table".
    private static let internedMarker: UInt64 = 0xFFFF_C000_0000_0000

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Each ASCII byte's value in the alphabet, or 0xFF.
    private static let digits: [UInt8] = {
        var digits = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { digits[Int(byte)] = UInt8(value) }
        return digits
    }()

    /// The 128-bit value of a canonical ULID (26 characters of the alphabet, the first at most "7"), unless it falls
    /// among the marked values.
    private static func value(of text: String) -> (UInt64, UInt64)? {
        var text = text
        return text.withUTF8 { value(ofBytes: $0) }
    }

    private static func value(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard bytes.count == 26 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        // The table is a lazy global: fetched once per id, not once per byte (`swift_once` on each of 26 reads was
        // 2.5% of a start's samples, 300,000 ids read).
        let ok = digits.withUnsafeBufferPointer { digits in
            for (index, byte) in bytes.enumerated() {
                let digit = digits[Int(byte)]
                guard digit != 0xFF, index > 0 || digit < 8 else { return false }
                high = high << 5 | low >> 59
                low = low << 5 | UInt64(digit)
            }
            return true
        }
        return !ok || high & internedMarker == internedMarker ? nil : (high, low)
    }

    /// The id of a canonical ULID's 26 bytes, or nil for any other bytes (which `init(rawValue:)` would intern):
    /// reads the ids of 300,000 file names at a start without making a string of each.
    public init?(canonicalBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let (high, low) = Self.value(ofBytes: bytes) else { return nil }
        self.high = high
        self.low = low
    }

    /// The id whose string has these UTF-8 bytes, as `init(rawValue:)` makes it, with no string made for a
    /// canonical id.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        self = RecordID(canonicalBytes: bytes) ?? RecordID(rawValue: String(decoding: bytes, as: UTF8.self))
    }

    /// A new ID for a record created at `date`, with randomness from `generator` (seed it in tests).
    public static func generate(at date: Date, using generator: inout some RandomNumberGenerator) -> RecordID {
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var chars: [UInt8] = []
        chars.reserveCapacity(26)
        for shift in stride(from: 45, through: 0, by: -5) {
            chars.append(alphabet[Int((millis >> UInt64(shift)) & 0x1F)])
        }
        for _ in 0..<16 {
            chars.append(alphabet[Int(generator.next() & 0x1F)])
        }
        return RecordID(rawValue: String(decoding: chars, as: UTF8.self))
    }

    /// A new ID using the system's random source.
    public static func generate(at date: Date) -> RecordID {
        var rng = SystemRandomNumberGenerator()
        return generate(at: date, using: &rng)
    }

    /// True when the raw value has the shape of an ID this app creates: safe to use as a file name.
    public var isWellFormed: Bool {
        guard isInterned else { return true }
        let text = rawValue
        return text.utf8.count == 26 && text.utf8.allSatisfy { Self.digits[Int($0)] != 0xFF }
    }

    public init(from decoder: Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// As `init(from:)`, from the string's bytes: a canonical id makes no string.
    public init(direct value: DirectValue) throws(DirectGaveUp) {
        if let bytes = try value.plainStringBytes() {
            self.init(utf8: bytes)
        } else {
            self.init(rawValue: try value.string())
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The exact text of every `RecordID` that is not a canonical ULID, numbered in the order first seen. Such ids are
/// rare (hand-edited files), so the table stays small; it is never emptied, since any id value may still be held.
final class InternedIDs: @unchecked Sendable {
    static let shared = InternedIDs()

    private let lock = NSLock()
    private var texts: [String] = []
    private var numbers: [String: UInt64] = [:]

    func number(of text: String) -> UInt64 {
        lock.withLock {
            if let known = numbers[text] { return known }
            let number = UInt64(texts.count)
            texts.append(text)
            numbers[text] = number
            return number
        }
    }

    func text(of number: UInt64) -> String {
        lock.withLock { texts[Int(number)] }
    }
}
