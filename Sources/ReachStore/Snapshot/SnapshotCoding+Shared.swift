import Foundation
import ReachCore

/// Currency codes, platforms and niches seen while decoding: their initialisers trim and re-case the text
/// (Foundation calls costing more than the rest of a money amount), and a snapshot repeats a few dozen values.
struct InternedValues {
    var currencies: [String: CurrencyCode] = [:]
    var platforms: [String: Platform] = [:]
    var niches: [String: Niche] = [:]
}

extension BinaryReader {
    mutating func currency() throws(SnapshotDecodeError) -> CurrencyCode {
        let text = try string()
        if let known = interned.currencies[text] { return known }
        let value = CurrencyCode(rawValue: text)
        interned.currencies[text] = value
        return value
    }

    mutating func platform() throws(SnapshotDecodeError) -> Platform {
        let text = try string()
        if let known = interned.platforms[text] { return known }
        let value = Platform(rawValue: text)
        interned.platforms[text] = value
        return value
    }

    mutating func niche() throws(SnapshotDecodeError) -> Niche {
        let text = try string()
        if let known = interned.niches[text] { return known }
        let value = Niche(rawValue: text)
        interned.niches[text] = value
        return value
    }

    mutating func recordID() throws(SnapshotDecodeError) -> RecordID { RecordID(rawValue: try string()) }
    mutating func stageKey() throws(SnapshotDecodeError) -> StageKey { StageKey(rawValue: try string()) }
    mutating func contentType() throws(SnapshotDecodeError) -> ContentType { ContentType(rawValue: try string()) }
}

extension Money: SnapshotCodable {
    static let snapshotFields = ["minorUnits", "currency"]

    func encode(to writer: inout BinaryWriter) {
        writer.int64(minorUnits)
        writer.string(currency.rawValue)
    }

    init(from reader: inout BinaryReader) throws(SnapshotDecodeError) {
        self.init(minorUnits: try reader.int64(), currency: try reader.currency())
    }
}

extension MetricSource: SnapshotEnum { static let snapshotCases = allCases }
