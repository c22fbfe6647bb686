import Foundation

/// One stored exchange rate with its date and source, so every converted total can be reproduced later.
public struct ExchangeRate: Hashable, Codable, Sendable {
    public var from: CurrencyCode
    public var to: CurrencyCode
    /// Units of `to` for one major unit of `from` (EUR→USD 1.08 means EUR 1 = USD 1.08).
    public var rate: Decimal
    public var asOf: Date
    /// Where the figure came from ("ECB", "manual", "invoice 2024-113").
    public var source: String?

    public init(from: CurrencyCode, to: CurrencyCode, rate: Decimal, asOf: Date, source: String? = nil) {
        self.from = from
        self.to = to
        self.rate = rate
        self.asOf = asOf
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case from, to, rate, asOf, source }

    // The rate is stored as a decimal string ("1.0845") so JSON readers never round it through Double.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(CurrencyCode.self, forKey: .from)
        to = try c.decode(CurrencyCode.self, forKey: .to)
        if let text = try? c.decode(String.self, forKey: .rate), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
            rate = value
        } else {
            rate = try c.decode(Decimal.self, forKey: .rate)
        }
        asOf = try c.decode(Date.self, forKey: .asOf)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(NSDecimalNumber(decimal: rate).description(withLocale: Locale(identifier: "en_US_POSIX")), forKey: .rate)
        try c.encode(asOf, forKey: .asOf)
        try c.encodeIfPresent(source, forKey: .source)
    }
}

/// The result of converting an amount: the converted figure plus the rate used (nil when no conversion was needed).
public struct Conversion: Hashable, Sendable {
    public var original: Money
    public var converted: Money
    /// The stored rate applied; nil when `original` was already in the target currency.
    public var rate: ExchangeRate?
    /// True when the stored rate was the opposite direction and was inverted.
    public var inverted: Bool
}

/// Why an amount could not be converted.
public enum ConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingRate(from: CurrencyCode, to: CurrencyCode)
    case overflow

    public var description: String {
        switch self {
        case let .missingRate(from, to): return "No exchange rate from \(from) to \(to): add one in settings (currency rates)."
        case .overflow: return "The converted amount is too large to store."
        }
    }
}

/// The workspace's stored exchange rates; conversion uses only these, never a live feed, so reports are reproducible.
///
/// Rounding: the exact product is rounded to the target's minor unit with banker's rounding (half to even).
public struct CurrencyRates: Hashable, Codable, Sendable {
    public var rates: [ExchangeRate]

    public init(rates: [ExchangeRate] = []) { self.rates = rates }

    /// The newest stored rate for the pair, trying the direct direction first, then the inverse. Returns the rate and whether it is inverted.
    public func rate(from: CurrencyCode, to: CurrencyCode) -> (rate: ExchangeRate, inverted: Bool)? {
        if let direct = rates.filter({ $0.from == from && $0.to == to }).max(by: { $0.asOf < $1.asOf }) {
            return (direct, false)
        }
        if let inverse = rates.filter({ $0.from == to && $0.to == from && $0.rate != 0 }).max(by: { $0.asOf < $1.asOf }) {
            return (inverse, true)
        }
        return nil
    }

    /// Adds or replaces the rate for the same pair and date.
    public mutating func set(_ rate: ExchangeRate) {
        rates.removeAll { $0.from == rate.from && $0.to == rate.to && $0.asOf == rate.asOf }
        rates.append(rate)
    }

    /// Converts `money` to `target` with a stored rate (banker's rounding to the target's minor unit).
    public func convert(_ money: Money, to target: CurrencyCode) throws(ConversionError) -> Conversion {
        if money.currency == target {
            return Conversion(original: money, converted: money, rate: nil, inverted: false)
        }
        guard let found = rate(from: money.currency, to: target) else {
            throw .missingRate(from: money.currency, to: target)
        }
        let scaled = Decimal(money.minorUnits) * Decimal(Money.scale(target)) / Decimal(Money.scale(money.currency))
        var exact = found.inverted ? scaled / found.rate.rate : scaled * found.rate.rate
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .bankers)
        let number = NSDecimalNumber(decimal: rounded)
        guard rounded.magnitude < Decimal(Int64.max) else { throw .overflow }
        return Conversion(original: money, converted: Money(minorUnits: number.int64Value, currency: target),
                          rate: found.rate, inverted: found.inverted)
    }
}
