import Foundation

/// Why user-typed text could not be read as an amount.
public enum MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacters(String)
    case tooManyDecimals(allowed: Int, currency: CurrencyCode)
    case tooLarge

    public var description: String {
        switch self {
        case .empty: return "Amount is empty: type a number such as 1250 or 1,250.50."
        case let .invalidCharacters(text): return "Amount \"\(text)\" is not a number: use digits, one decimal separator and optionally k or m (12.5k)."
        case let .tooManyDecimals(allowed, currency): return "\(currency) allows \(allowed) decimal place(s): round the amount."
        case .tooLarge: return "Amount is too large: check for a typo."
        }
    }
}

extension Money {
    /// Reads an amount a person typed into minor units of `currency`.
    ///
    /// Accepts `1250`, `1,250.50`, `1.250,50`, `1 250,50`, `1'250.50`, `-40`, `12.5k`, `1.2m`, and an optional
    /// leading or trailing currency code (`EUR 40`). Separator rule: with both `,` and `.`, the last one is the
    /// decimal separator; with one kind that occurs once and is followed by exactly three digits it is a thousands
    /// separator (so `1,250` and `1.250` are 1250), otherwise it is the decimal separator. Spaces and `'` group.
    /// More decimals than the currency allows is an error rather than silent rounding.
    public static func parse(_ text: String, currency: CurrencyCode) throws(MoneyParseError) -> Money {
        var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let upper = s.uppercased()
        if upper.hasPrefix(currency.rawValue) { s = String(s.dropFirst(currency.rawValue.count)) }
        else if upper.hasSuffix(currency.rawValue) { s = String(s.dropLast(currency.rawValue.count)) }
        s = s.filter { !($0.isWhitespace || $0 == "'" || $0 == "’" || $0 == "_") }
        guard !s.isEmpty else { throw .empty }

        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("−") { negative = true; s.removeFirst() }
        var multiplier: Int64 = 1
        if let last = s.last?.lowercased() {
            if last == "k" { multiplier = 1_000; s.removeLast() }
            else if last == "m" { multiplier = 1_000_000; s.removeLast() }
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else {
            throw .invalidCharacters(text)
        }

        let commas = s.filter { $0 == "," }.count
        let dots = s.filter { $0 == "." }.count
        var decimalSeparator: Character?
        if commas > 0 && dots > 0 {
            decimalSeparator = (s.lastIndex(of: ",") ?? s.startIndex) > (s.lastIndex(of: ".") ?? s.startIndex) ? "," : "."
        } else if commas + dots == 1 {
            let sep: Character = commas == 1 ? "," : "."
            let after = s.split(separator: sep, omittingEmptySubsequences: false).last ?? ""
            decimalSeparator = (after.count == 3 && multiplier == 1) ? nil : sep
        } else if commas + dots > 1 {
            decimalSeparator = nil
            if (commas > 0 ? s.split(separator: ",", omittingEmptySubsequences: false) : s.split(separator: ".", omittingEmptySubsequences: false))
                .dropFirst().contains(where: { $0.count != 3 }) {
                throw .invalidCharacters(text)
            }
        }

        var integerPart = s
        var fractionPart = ""
        if let sep = decimalSeparator, let idx = s.lastIndex(of: sep) {
            integerPart = String(s[s.startIndex..<idx])
            fractionPart = String(s[s.index(after: idx)...])
            if fractionPart.contains(",") || fractionPart.contains(".") { throw .invalidCharacters(text) }
        }
        integerPart = integerPart.filter { $0.isNumber }
        if integerPart.isEmpty && fractionPart.isEmpty { throw .invalidCharacters(text) }

        // mantissa / 10^fractionDigits * multiplier * 10^exponent must be a whole number of minor units.
        guard let mantissa = Int64((integerPart.isEmpty ? "0" : integerPart) + fractionPart) else { throw .tooLarge }
        var numerator = mantissa
        var overflow = false
        (numerator, overflow) = numerator.multipliedReportingOverflow(by: multiplier)
        if overflow { throw .tooLarge }
        (numerator, overflow) = numerator.multipliedReportingOverflow(by: scale(currency))
        if overflow { throw .tooLarge }
        var denominator: Int64 = 1
        for _ in 0..<fractionPart.count {
            (denominator, overflow) = denominator.multipliedReportingOverflow(by: 10)
            if overflow { throw .tooLarge }
        }
        guard numerator % denominator == 0 else {
            throw .tooManyDecimals(allowed: currency.minorUnitExponent, currency: currency)
        }
        let minor = numerator / denominator
        return Money(minorUnits: negative ? -minor : minor, currency: currency)
    }
}
