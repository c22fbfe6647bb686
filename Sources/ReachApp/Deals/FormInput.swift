import Foundation
import ReachCore
import TerminalUI

/// Why a typed amount was refused, in words the form shows under the field.
public struct MoneyInputError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Amounts typed in forms: "1200", "1,250.50", "12.5k", with an optional currency code before or after
/// ("JPY 150000", "900 usd"); without one the form's default currency applies.
public enum MoneyInput {
    public static func parse(_ text: String, defaultCurrency: CurrencyCode) -> Result<Money, MoneyInputError> {
        var body = text.trimmingCharacters(in: .whitespaces)
        var currency = defaultCurrency
        if let code = leadingCode(body) {
            currency = CurrencyCode(code)
            body = String(body.dropFirst(3))
        } else if let code = leadingCode(String(body.reversed())) {
            currency = CurrencyCode(String(code.reversed()))
            body = String(body.dropLast(3))
        }
        guard currency.isKnown else {
            return .failure(MoneyInputError(description: "Unknown currency \(currency): use an ISO 4217 code such as EUR, USD or JPY."))
        }
        do {
            return .success(try Money.parse(body, currency: currency))
        } catch {
            return .failure(MoneyInputError(description: error.description))
        }
    }

    /// The same text as typed when it was read back: "EUR 1,250.00" → editable "EUR 1250.00".
    public static func text(_ money: Money?) -> String {
        guard let money else { return "" }
        return "\(money.currency) \(money.formattedAmount.replacingOccurrences(of: ",", with: ""))"
    }

    /// Three letters at the start, not followed by another letter ("EUR 40", "eur40"; not "12.5k").
    private static func leadingCode(_ text: String) -> String? {
        let letters = text.prefix(3)
        guard letters.count == 3, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if let next = text.dropFirst(3).first, next.isLetter { return nil }
        return String(letters)
    }
}

extension FormField {
    /// A text field for an amount read with `MoneyInput` (optional unless `required`).
    static func money(_ label: String, key: String? = nil, value: Money?, defaultCurrency: CurrencyCode,
                      required: Bool = false) -> FormField {
        FormField(label, key: key, value: MoneyInput.text(value), isRequired: required) { text in
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            if case .failure(let error) = MoneyInput.parse(text, defaultCurrency: defaultCurrency) { return error.description }
            return nil
        }
    }

    /// A text field for a day read with `DateInput` (`2025-03-14`, `+3d`, `fri`), optional unless `required`.
    static func day(_ label: String, key: String? = nil, value: Date?, now: Date, timeZone: TimeZone,
                    required: Bool = false) -> FormField {
        FormField(label, key: key, value: value.map { Humanize.day($0, timeZone: timeZone) } ?? "", isRequired: required) { text in
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            return DateInput.parse(text, now: now, timeZone: timeZone) == nil ? "\"\(text)\" is not a date. \(DateInput.help)" : nil
        }
    }
}

/// Reads typed form values back into domain values (trimmed text, lists, amounts, days, numbers), by field key.
struct FormValues {
    let values: [String: String]
    let now: Date
    let timeZone: TimeZone

    init(_ form: FormState, now: Date, timeZone: TimeZone) {
        values = form.values
        self.now = now
        self.timeZone = timeZone
    }

    /// Trimmed text, nil when empty.
    func text(_ key: String) -> String? {
        let value = (values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// Comma- or semicolon-separated entries.
    func list(_ key: String, separators: Set<Character> = [","]) -> [String] {
        (values[key] ?? "").split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func money(_ key: String, defaultCurrency: CurrencyCode) -> Money? {
        text(key).flatMap { try? MoneyInput.parse($0, defaultCurrency: defaultCurrency).get() }
    }

    func day(_ key: String) -> Date? { text(key).flatMap { DateInput.parse($0, now: now, timeZone: timeZone) } }

    func int(_ key: String) -> Int? { text(key).flatMap { Int($0) } }

    func double(_ key: String) -> Double? { text(key).flatMap(Self.number) }

    /// A decimal as people type it: `3.5`, `3,5` or `3.5%`.
    static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: "."))
    }

    func isOn(_ key: String) -> Bool { values[key] == "true" }

    /// The case whose label was chosen in a `.choice` field.
    func choice<T>(_ key: String, _ options: [T], name: (T) -> String) -> T? {
        options.first { name($0) == values[key] }
    }
}

/// Puts `validate()` issues under the form fields they concern; what has no field becomes the form message.
enum FormIssues {
    /// Marks fields for the error issues; nil when there is none, else the outcome that keeps the form open.
    /// `fields` maps a field path prefix of `validate()` (`"agreedFee"`, `"accounts"`) to the key of the form field
    /// that shows its issues.
    static func stay(_ issues: [ValidationIssue], fields: [(prefix: String, key: String)],
                     form: FormState) -> FormOverlay.Outcome? {
        let errors = issues.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        var form = form
        var unplaced: [String] = []
        for issue in errors {
            if let key = fields.first(where: { issue.field.hasPrefix($0.prefix) })?.key, form[key] != nil {
                form[key]?.error = issue.message
            } else {
                unplaced.append(issue.message)
            }
        }
        return .stay(form, message: unplaced.isEmpty ? "Fix the marked fields." : unplaced.joined(separator: " "))
    }
}
