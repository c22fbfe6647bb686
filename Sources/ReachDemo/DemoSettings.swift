import Foundation
import ReachCore

/// The demo's `reach.json`: default pipeline and thresholds, and dated exchange rates between every demo currency.
enum DemoSettings {
    /// Units of each currency for EUR 1, as in mid-market quotes; an older quote shows that rates are dated.
    static let eurQuotes: [(CurrencyCode, current: String, older: String)] = [
        (.usd, "1.0850", "1.0790"), (.gbp, "0.8540", "0.8580"), (.jpy, "162.40", "158.90"), (.uzs, "13650", "13480"),
        (.gel, "2.9500", "2.9100"), (.nok, "11.650", "11.720"), (.cny, "7.8400", "7.8100"),
    ]

    static func make(now: Date) -> WorkspaceSettings {
        var rates = CurrencyRates()
        for (asOf, current) in [(now.addingTimeInterval(-35 * 86_400), false), (now.addingTimeInterval(-2 * 86_400), true)] {
            for rate in crossRates(current: current, asOf: asOf) { rates.set(rate) }
        }
        return WorkspaceSettings(currencyRates: rates, reportingCurrency: .eur, teamMembers: team)
    }

    /// The demo's account managers, who own its campaigns and deals (`REACH_USER=marta reach` works as Marta).
    static let team = DemoCreatorFactory.owners.map { name in
        TeamMember(login: String(name.prefix { $0 != " " }).folding(options: .diacriticInsensitive, locale: nil).lowercased(),
                   name: name)
    }

    /// One rate per pair of demo currencies (EUR included), stored in the direction where it is ≥ 1 so
    /// four decimals keep it precise; `CurrencyRates` inverts it when needed. No triangulation is required.
    private static func crossRates(current: Bool, asOf: Date) -> [ExchangeRate] {
        let posix = Locale(identifier: "en_US_POSIX")
        let perEUR: [(CurrencyCode, Decimal)] = [(.eur, 1)] + eurQuotes.map { code, now, older in
            (code, Decimal(string: current ? now : older, locale: posix) ?? 1)
        }
        let source = current ? "ECB reference rate (demo)" : "ECB reference rate, month start (demo)"
        var out: [ExchangeRate] = []
        for (i, a) in perEUR.enumerated() {
            for b in perEUR[(i + 1)...] {
                // a→b = (b per EUR) / (a per EUR)
                var value = b.1 / a.1
                let (from, to) = value >= 1 ? (a.0, b.0) : (b.0, a.0)
                if value < 1 { value = a.1 / b.1 }
                var rounded = Decimal()
                NSDecimalRound(&rounded, &value, 4, .bankers)
                out.append(ExchangeRate(from: from, to: to, rate: rounded, asOf: asOf, source: source))
            }
        }
        return out
    }
}
