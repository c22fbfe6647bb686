import Foundation
import ReachCore

/// Currency codes, platforms and niches seen while decoding: their initialisers trim and re-case the text
/// (Foundation calls costing more than the rest of a money amount), and 300,000 rows repeat a few dozen values.
///
/// `texts` does the same for the free texts that rows repeat (an owner's name, a next step set on many deals at
/// once): 82,102 deals of the 100k demo have a next step, in 33 distinct texts, a heap string each before.
struct InternedValues {
    var currencies: [String: CurrencyCode] = [:]
    var platforms: [String: Platform] = [:]
    var niches: [String: Niche] = [:]
    var texts: [String: String] = [:]

    /// Past this many distinct texts they are mostly unique, and a table of them would only cost memory.
    static let sharedTextLimit = 20_000
}

/// A closed enum stored as its position in `binaryCases` (one byte, no string compare). Adding or reordering
/// cases changes what stored bytes mean: bump `IndexSchema.version` with it, so the index is rebuilt.
protocol BinaryEnum: CaseIterable, Equatable, Sendable {
    /// `allCases`, computed once (the synthesized `allCases` builds a new array on every call).
    static var binaryCases: [Self] { get }
}

extension Party: BinaryEnum { static let binaryCases = allCases }
extension PaymentKind: BinaryEnum { static let binaryCases = allCases }
extension RelationshipStatus: BinaryEnum { static let binaryCases = allCases }
extension VettingVerdict: BinaryEnum { static let binaryCases = allCases }

extension BinaryWriter {
    mutating func money(_ value: Money) {
        int64(value.minorUnits)
        string(value.currency.rawValue)
    }

    mutating func optionalMoney(_ value: Money?) { optional(value) { $0.money($1) } }

    /// The case's position; a value not in the table (impossible for a `CaseIterable`) is written out of range,
    /// which decoding rejects.
    mutating func enumCase<E: BinaryEnum>(_ value: E) {
        byte(UInt8(truncatingIfNeeded: E.binaryCases.firstIndex(of: value) ?? 255))
    }
}

extension BinaryReader {
    mutating func money() throws(BinaryDecodeError) -> Money {
        Money(minorUnits: try int64(), currency: try currency())
    }

    mutating func optionalMoney() throws(BinaryDecodeError) -> Money? { try present() ? try money() : nil }

    mutating func enumCase<E: BinaryEnum>(_ type: E.Type = E.self) throws(BinaryDecodeError) -> E {
        let index = Int(try byte())
        let cases = E.binaryCases
        guard index < cases.count else { throw failure("case number \(index) of \(E.self), which has \(cases.count)") }
        return cases[index]
    }

    mutating func currency() throws(BinaryDecodeError) -> CurrencyCode {
        Self.intern(try string(), in: &interned.currencies, CurrencyCode.init(rawValue:))
    }

    mutating func platform() throws(BinaryDecodeError) -> Platform {
        Self.intern(try string(), in: &interned.platforms, Platform.init(rawValue:))
    }

    mutating func niche() throws(BinaryDecodeError) -> Niche {
        Self.intern(try string(), in: &interned.niches, Niche.init(rawValue:))
    }

    /// A string that rows repeat, as one copy shared by them all. A text of up to 15 bytes takes no memory of its own
    /// (Swift keeps it inside the value), so only longer ones are looked up.
    mutating func sharedText() throws(BinaryDecodeError) -> String {
        let text = try string()
        guard text.utf8.count > 15 else { return text }
        if let known = interned.texts[text] { return known }
        if interned.texts.count < InternedValues.sharedTextLimit { interned.texts[text] = text }
        return text
    }

    mutating func optionalSharedText() throws(BinaryDecodeError) -> String? { try present() ? try sharedText() : nil }

    /// The value `make` gives for `text`, made once per distinct text.
    private static func intern<T>(_ text: String, in table: inout [String: T], _ make: (String) -> T) -> T {
        if let known = table[text] { return known }
        let value = make(text)
        table[text] = value
        return value
    }
}
