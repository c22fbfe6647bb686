import Foundation

/// The folders of the data folder, one per kind of record.
public enum RecordKind: String, CaseIterable, Codable, Sendable {
    case influencer = "influencers"
    case campaign = "campaigns"
    case deal = "deals"
    case template = "templates"

    /// The folder name inside the data folder (`influencers/<id>.json`).
    public var folderName: String { rawValue }
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
public struct RecordID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A new ID for a record created at `date`, with randomness from `generator` (seed it in tests).
    public static func generate(at date: Date, using generator: inout some RandomNumberGenerator) -> RecordID {
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var chars: [Character] = []
        chars.reserveCapacity(26)
        for shift in stride(from: 45, through: 0, by: -5) {
            chars.append(alphabet[Int((millis >> UInt64(shift)) & 0x1F)])
        }
        for _ in 0..<16 {
            chars.append(alphabet[Int(generator.next() & 0x1F)])
        }
        return RecordID(rawValue: String(chars))
    }

    /// A new ID using the system's random source.
    public static func generate(at date: Date) -> RecordID {
        var rng = SystemRandomNumberGenerator()
        return generate(at: date, using: &rng)
    }

    /// True when the raw value has the shape of an ID this app creates: safe to use as a file name.
    public var isWellFormed: Bool {
        rawValue.count == 26 && rawValue.allSatisfy { Self.alphabet.contains($0) }
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
