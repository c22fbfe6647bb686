import Foundation
import ReachCore

/// Reads the values people type into spreadsheets: follower counts (`12.5k`, `1,2M`, `1 200`, `12,500`),
/// percentages, dates, yes/no, country and language names, and lists.
enum ImportValues {
    /// A whole, non-negative count. Reuses `Money.parse` (JPY has no minor unit, so its minor units are the
    /// count) because it already reads k/m suffixes and the thousands/decimal separator rules people use.
    static func count(_ text: String) -> Int? {
        // Plain digits, what most exports hold, need no reading rules (and were 5 % of an import through them).
        if (1...18).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return Int(text) }
        var s = text.trimmingWhitespace()
        if s.utf8.contains(0xA0) { s = s.replacing("\u{00A0}", with: " ") }
        if s.hasSuffix("+") { s.removeLast() }
        guard let parsed = try? Money.parse(s, currency: .jpy), !parsed.isNegative, parsed.minorUnits <= Int64(Int.max) else {
            return nil
        }
        return Int(parsed.minorUnits)
    }

    /// A percentage 0–100: `3.2`, `3,2`, `3.2 %`. Always read as percent (0.5 means 0.5 %, not 50 %).
    static func percent(_ text: String) -> Double? {
        var s = text.trimmingWhitespace()
        if s.hasSuffix("%") { s = String(s.dropLast()).trimmingSpaces() }
        s = s.replacing(",", with: ".")
        guard let value = Double(s), value.isFinite, (0...100).contains(value) else { return nil }
        return value
    }

    /// `2025-03-01` (midnight UTC) or a full ISO 8601 timestamp.
    static func date(_ text: String) -> Date? {
        let s = text.trimmingSpaces()
        if let full = try? Date(s, strategy: .iso8601) { return full }
        let day = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .current).year().month().day()
        return try? Date(s, strategy: day)
    }

    /// The export's date form: `2025-03-01` when at midnight UTC, else a full timestamp.
    static func format(_ date: Date) -> String {
        let full = date.formatted(.iso8601)
        return full.hasSuffix("T00:00:00Z") ? String(full.prefix(10)) : full
    }

    /// yes/no in the forms spreadsheets use; nil when it is neither.
    static func bool(_ text: String) -> Bool? {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true", "1", "x", "✓", "ja", "oui", "si", "sí", "da": return true
        case "no", "n", "false", "0", "", "nein", "non", "nē", "ne": return false
        default: return nil
        }
    }

    /// Items separated by `,` `;` or `|`, trimmed, blanks and case-insensitive repeats dropped.
    static func list(_ text: String) -> [String] {
        var seen = Set<String>()
        let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|") }
        // ASCII text is split on its bytes: splitting Characters (grapheme breaking) was 4 % of reading an import.
        let pieces = text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.split(whereSeparator: isSeparator).map { Substring($0) }
            : text.split(whereSeparator: { $0.asciiValue.map(isSeparator) ?? false })
        return pieces.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// An ISO 3166 alpha-2 code from a code, an English country name ("Latvia" → "LV") or a common alias ("UK"); nil if unknown.
    static func country(_ text: String) -> String? {
        let s = text.trimmingSpaces()
        if let code = countryCodes[TextFolding.fold(s)] { return code }
        return isoRegions.contains(s.uppercased()) ? s.uppercased() : nil
    }

    private static let isoRegions = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 })

    /// A language code from a code or an English language name ("Georgian" → "ka"); nil if unknown.
    static func language(_ text: String) -> String? {
        let s = text.trimmingSpaces()
        let folded = TextFolding.fold(s)
        if languageCodes.values.contains(folded) || (2...3).contains(s.count) && s.allSatisfy({ $0.isASCII && $0.isLetter }) {
            return folded
        }
        if let dash = s.firstIndex(where: { $0 == "-" || $0 == "_" }), language(String(s[..<dash])) != nil {
            return s.replacingOccurrences(of: "_", with: "-")  // a BCP 47 tag such as pt-BR
        }
        return languageCodes[folded]
    }

    private static let english = Locale(identifier: "en_US")

    private static let countryCodes: [String: String] = {
        var map: [String: String] = [:]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            if let name = english.localizedString(forRegionCode: region.identifier) {
                map[TextFolding.fold(name)] = region.identifier
            }
        }
        for (alias, code) in ["usa": "US", "uk": "GB", "england": "GB", "great britain": "GB", "south korea": "KR",
                              "korea": "KR", "russia": "RU", "czech republic": "CZ", "holland": "NL", "uae": "AE"] {
            map[alias] = code
        }
        return map
    }()

    private static let languageCodes: [String: String] = {
        var map: [String: String] = [:]
        for code in Locale.LanguageCode.isoLanguageCodes where code.identifier.count == 2 {
            if let name = english.localizedString(forLanguageCode: code.identifier) {
                map[TextFolding.fold(name)] = code.identifier
            }
        }
        return map
    }()
}
