import Foundation

/// An amount of money as integer minor units plus an ISO 4217 currency, so sums never drift the way `Double` does.
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The amount in minor units (cents for EUR, yen for JPY).
    public var minorUnits: Int64
    public var currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Whole major units, e.g. `Money(major: 1250, currency: .eur)` is EUR 1,250.00.
    public init(major: Int64, currency: CurrencyCode) {
        self.init(minorUnits: major * Money.scale(currency), currency: currency)
    }

    /// Zero in `currency`.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(minorUnits: 0, currency: currency) }

    /// 10^exponent for the currency (100 for EUR, 1 for JPY).
    public static func scale(_ currency: CurrencyCode) -> Int64 {
        var s: Int64 = 1
        for _ in 0..<currency.minorUnitExponent { s *= 10 }
        return s
    }

    public var isNegative: Bool { minorUnits < 0 }
    public var isZero: Bool { minorUnits == 0 }
    /// The opposite amount; the most negative amount (which has no opposite) becomes the most positive,
    /// so a hostile file cannot crash the app.
    public var negated: Money { Money(minorUnits: minorUnits == .min ? .max : -minorUnits, currency: currency) }

    /// The amount as a Decimal in major units (for ratios such as CPM; never stored).
    public var decimalValue: Decimal { Decimal(minorUnits) / Decimal(Money.scale(currency)) }

    /// The amount in major units as a Double, for ratios only (CPM, ROI); never for storage or sums.
    public var doubleValue: Double { Double(minorUnits) / Double(Money.scale(currency)) }

    /// Same-currency sum; throws when currencies differ or the sum overflows.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try combining(other, Int64.addingReportingOverflow)
    }

    /// Same-currency difference; throws when currencies differ or the result overflows.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try combining(other, Int64.subtractingReportingOverflow)
    }

    private func combining(_ other: Money, _ operation: (Int64) -> (Int64) -> (partialValue: Int64, overflow: Bool)) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency, other.currency) }
        let (value, overflow) = operation(minorUnits)(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: value, currency: currency)
    }

    /// Sums same-currency amounts; nil for an empty list; throws on mixed currencies.
    public static func sum(_ amounts: [Money], currency: CurrencyCode) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// Display text: `EUR 1,250.00`, `JPY 150,000`, `EUR -3.50`.
    public var formatted: String { "\(currency.rawValue) \(formattedAmount)" }

    /// The number alone with grouping commas and the currency's decimals: `1,250.00`.
    public var formattedAmount: String {
        let scale = Money.scale(currency)
        let magnitude = minorUnits.magnitude
        let major = magnitude / UInt64(scale)
        let minor = magnitude % UInt64(scale)
        var digits = String(major)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        if currency.minorUnitExponent > 0 {
            var fraction = String(minor)
            while fraction.count < currency.minorUnitExponent { fraction = "0" + fraction }
            grouped += "." + fraction
        }
        return (minorUnits < 0 ? "-" : "") + grouped
    }

    public var description: String { formatted }
}

/// Why two amounts could not be combined.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case currencyMismatch(CurrencyCode, CurrencyCode)
    case overflow

    public var description: String {
        switch self {
        case let .currencyMismatch(a, b):
            return "Cannot combine \(a) and \(b) amounts directly: convert one with a stored exchange rate first."
        case .overflow:
            return "The amount is too large to store: check for a typo in the figure."
        }
    }
}

extension Int64 {
    /// `self + other` held at the type's bounds instead of wrapping: a total of amounts from a damaged or
    /// hostile file must not flip sign (or trap, as `+` does), and a pinned maximum is plainly absurd on screen.
    func clampedAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
