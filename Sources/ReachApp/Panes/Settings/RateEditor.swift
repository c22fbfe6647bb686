import Foundation
import ReachCore
import TerminalUI

/// Adds, edits and removes stored exchange rates, each with the day it was quoted and where it came from.
enum RateEditor {
    /// `rate` nil: a new one.
    static func open(_ rate: ExchangeRate?, _ state: inout AppState) {
        let settings = state.workspace.settings.workspace
        let timeZone = state.timeZone
        let fields = [
            SettingsForm.currency("From", key: SettingsKey.from, value: rate?.from),
            SettingsForm.currency("To", key: SettingsKey.to, value: rate?.to ?? settings.reportingCurrency),
            FormField("Rate (To for 1 From)", key: SettingsKey.rate, value: rate.map { SettingsRows.rateText($0.rate) } ?? "",
                      isRequired: true) { text in
                text.trimmingCharacters(in: .whitespaces).isEmpty || parse(text) != nil
                    ? nil : "Rate must be a positive number such as 1.0845; \"\(text)\" is not one."
            },
            FormField.day("Quoted on", key: SettingsKey.asOf, value: rate?.asOf ?? state.now, now: state.now, timeZone: timeZone, required: true),
            FormField("Source", key: SettingsKey.source, value: rate?.source ?? ""),
        ]
        let label = rate.map { "edit rate \($0.from)→\($0.to)" } ?? "add a currency rate"
        SettingsForm.open(rate == nil ? "New currency rate" : "Edit currency rate", fields: fields, label: label, &state) { values, settings in
            guard let from = values.text(SettingsKey.from), let to = values.text(SettingsKey.to),
                  let amount = values.text(SettingsKey.rate).flatMap(parse), let day = values.day(SettingsKey.asOf) else {
                return "Fill in From, To, Rate and Quoted on."
            }
            // The same day typed back keeps the stored instant, so editing only the rate changes only the rate.
            let asOf = rate.map { Humanize.day($0.asOf, timeZone: timeZone) == Humanize.day(day, timeZone: timeZone) ? $0.asOf : day } ?? day
            let new = ExchangeRate(from: CurrencyCode(from), to: CurrencyCode(to), rate: amount, asOf: asOf, source: values.text(SettingsKey.source))
            var rates = settings.currencyRates.rates
            if let rate {
                // Replaced in place: `reach.json` keeps unknown fields of list entries by position.
                guard let index = rates.firstIndex(of: rate) else { return "Another session removed this rate meanwhile: Esc, then n adds it again." }
                rates[index] = new
                rates = rates.enumerated().filter { $0.offset == index || !samePairAndDay($0.element, new) }.map(\.element)
            } else {
                rates.removeAll { samePairAndDay($0, new) }
                rates.append(new)
            }
            settings.currencyRates.rates = rates
            return nil
        }
    }

    /// Asks, then removes `rate`; `u` brings it back.
    static func delete(_ rate: ExchangeRate, _ state: inout AppState) {
        let day = Humanize.day(rate.asOf, timeZone: state.timeZone)
        let message = "Remove the rate \(rate.from)→\(rate.to) \(SettingsRows.rateText(rate.rate)) quoted \(day)? u undoes."
        state.overlays.append(.confirm(ConfirmDialog(title: "Remove currency rate", message: message, buttons: ["Remove", "Cancel"],
                                                     cancelIndex: 1) { choice, state in
            guard choice == 0 else { return [] }
            var settings = state.workspace.settings
            guard let index = settings.workspace.currencyRates.rates.firstIndex(of: rate) else { return [] }
            settings.workspace.currencyRates.rates.remove(at: index)
            return SettingsSaves.commit(settings, label: "remove rate \(rate.from)→\(rate.to)", &state)
        }))
    }

    /// A quote for the same pair on the same instant is the same quote (as `CurrencyRates.set` treats it).
    private static func samePairAndDay(_ a: ExchangeRate, _ b: ExchangeRate) -> Bool {
        a.from == b.from && a.to == b.to && a.asOf == b.asOf
    }

    /// A positive decimal as people type it (`1.0845`, `1,0845`), read exactly: never through Double, and never a
    /// prefix of the text (Foundation's `Decimal(string:)` reads "1.2abc" as 1.2).
    static func parse(_ text: String) -> Decimal? {
        let typed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let digits = typed.filter(\.isASCIIDigit)
        guard !digits.isEmpty, typed.allSatisfy({ $0.isASCIIDigit || $0 == "." }), typed.filter({ $0 == "." }).count <= 1,
              let value = Decimal(string: typed, locale: Locale(identifier: "en_US_POSIX")), value > 0 else { return nil }
        return value
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
