import Foundation

/// An ISO 4217 currency code; a string-backed value (not a closed enum) so any code a user or a future version stores still decodes.
public struct CurrencyCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The upper-cased three-letter code, e.g. `EUR`.
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue.trimmedUpperCased() }
    public init(_ code: String) { self.init(rawValue: code) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public var description: String { rawValue }
    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let eur: CurrencyCode = "EUR"
    public static let usd: CurrencyCode = "USD"
    public static let gbp: CurrencyCode = "GBP"
    public static let jpy: CurrencyCode = "JPY"
    public static let uzs: CurrencyCode = "UZS"
    public static let gel: CurrencyCode = "GEL"
    public static let nok: CurrencyCode = "NOK"
    public static let cny: CurrencyCode = "CNY"

    /// Minor-unit exponents (ISO 4217) for the codes Reach knows; a code not listed is "unknown" (validation flags it) and treated as 2.
    public static let minorUnitExponents: [String: Int] = [
        "EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "UZS": 2, "GEL": 2, "NOK": 2, "SEK": 2, "DKK": 2,
        "CHF": 2, "PLN": 2, "CZK": 2, "HUF": 2, "RON": 2, "BGN": 2, "ISK": 0, "TRY": 2, "UAH": 2,
        "KZT": 2, "AMD": 2, "AZN": 2, "CNY": 2, "HKD": 2, "TWD": 2, "KRW": 0, "SGD": 2, "INR": 2,
        "IDR": 2, "THB": 2, "VND": 0, "PHP": 2, "MYR": 2, "AUD": 2, "NZD": 2, "CAD": 2, "MXN": 2,
        "BRL": 2, "ARS": 2, "CLP": 0, "COP": 2, "ZAR": 2, "NGN": 2, "KES": 2, "EGP": 2, "AED": 2,
        "SAR": 2, "ILS": 2, "QAR": 2, "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "RUB": 2,
    ]

    /// True when the code is one of the ISO 4217 codes Reach knows.
    public var isKnown: Bool { Self.minorUnitExponents[rawValue] != nil }

    /// Digits after the decimal point (JPY 0, EUR 2, KWD 3); 2 for unknown codes.
    public var minorUnitExponent: Int { Self.minorUnitExponents[rawValue] ?? 2 }

    /// All known codes, sorted, for pickers.
    public static var known: [CurrencyCode] { minorUnitExponents.keys.sorted().map(CurrencyCode.init(rawValue:)) }

    public init(from decoder: Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
