import Foundation
import ReachCore

/// Plausible prices in any demo currency: figures are thought of in USD, converted with the demo quotes and rounded like a person would quote them.
enum DemoMoney {
    private static let perEUR: [CurrencyCode: Double] = {
        var out: [CurrencyCode: Double] = [.eur: 1]
        for (code, current, _) in DemoSettings.eurQuotes { out[code] = Double(current) ?? 1 }
        return out
    }()

    /// `usd` dollars' worth in `currency`, rounded to two significant figures (USD 1,234 → EUR 1,100; JPY 180,000).
    static func around(usd: Double, in currency: CurrencyCode) -> Money {
        let perUSD = (perEUR[currency] ?? 1) / (perEUR[.usd] ?? 1)
        return Money(major: roundNicely(usd * perUSD), currency: currency)
    }

    /// What `money` is worth in US dollars at the demo quotes (for sizing targets and results).
    static func usdValue(of money: Money) -> Double {
        money.doubleValue / (perEUR[money.currency] ?? 1) * (perEUR[.usd] ?? 1)
    }

    /// Rounds to two significant figures (at least 10), the way fees and rate cards are quoted.
    static func roundNicely(_ value: Double) -> Int64 {
        guard value >= 10 else { return 10 }
        let magnitude = pow(10, floor(log10(value)) - 1)
        return Int64((value / magnitude).rounded() * magnitude)
    }

    /// An amount scaled by `factor` and rounded like a quote (an opening offer of 70% of EUR 1,100 is EUR 770).
    static func scaled(_ money: Money, by factor: Double) -> Money {
        Money(major: roundNicely(Double(money.minorUnits / Money.scale(money.currency)) * factor), currency: money.currency)
    }

    /// A fraction of an amount, in whole major units (a 50% deposit of EUR 1,100 is EUR 550).
    static func share(_ money: Money, _ fraction: Double) -> Money {
        let scale = Money.scale(money.currency)
        let major = (Double(money.minorUnits / scale) * fraction).rounded()
        return Money(major: Int64(major), currency: money.currency)
    }

    /// The currency a creator in `country` usually quotes in.
    static func currency(forCountry country: String) -> CurrencyCode {
        switch country {
        case "US": return .usd
        case "GB": return .gbp
        case "JP": return .jpy
        case "CN": return .cny
        case "UZ": return .uzs
        case "GE": return .gel
        case "NO": return .nok
        case "MX": return .usd
        default: return .eur
        }
    }
}
