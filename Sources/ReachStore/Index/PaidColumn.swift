import ReachCore

/// A deal row's paid amounts in the index's `paid` column: "12300 EUR;500 USD" (minor units, then the currency), or
/// NULL when nothing is paid, which is most deals.
enum PaidColumn {
    static func text(_ amounts: [Money]) -> String? {
        amounts.isEmpty ? nil : amounts.map { "\($0.minorUnits) \($0.currency.rawValue)" }.joined(separator: ";")
    }

    /// The amounts `text` holds; a part that does not read as one is left out (the index is rebuilt from the files
    /// when its version changes, so only this code writes the column).
    static func amounts(_ text: String?, currency: (String) -> CurrencyCode) -> [Money] {
        guard let text else { return [] }
        return text.split(separator: ";").compactMap { part in
            let fields = part.split(separator: " ")
            guard fields.count == 2, let minor = Int64(fields[0]) else { return nil }
            return Money(minorUnits: minor, currency: currency(String(fields[1])))
        }
    }
}
