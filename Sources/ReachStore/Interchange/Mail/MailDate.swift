import Foundation
import ReachJSON

/// Dates in mail: the RFC 5322 Date header ("Tue, 3 Dec 2026 10:00:00 +0200 (EET)", obsolete zone names and
/// two-digit years included) and the looser dates in forwarded pseudo-headers, which mailers write for people:
/// Gmail "Tue, Dec 3, 2026 at 10:00 AM", Apple Mail "3 December 2026 at 10:00:00 EET", Outlook
/// "Tuesday, December 3, 2026 10:00 AM", ISO "2026-12-03 10:00", European "03.12.2026 10:00".
///
/// One token-based parser serves both; it ignores weekdays, "at" and comments. Calendar arithmetic is done here
/// (days from the civil date) rather than with Foundation's Calendar, so the result never depends on the locale
/// or time zone of the machine.
enum MailDate {
    /// The date, and the zone offset in seconds it was written with (nil when it named no zone and
    /// `defaultOffset` was used or UTC assumed).
    static func parse(_ text: String, defaultOffset: Int? = nil) -> (date: Date, offset: Int?)? {
        var year: Int?
        var month: Int?
        var day: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var meridiem: String?
        var offset: Int?
        var numbers: [(value: Int, digits: Int, separator: Unicode.Scalar?)] = []

        for token in tokens(text) {
            switch token {
            case let .number(value, digits, separator):
                numbers.append((value, digits, separator))
            case let .time(hour, minute, second):
                if time == nil { time = (hour, minute, second) }
            case let .offset(seconds):
                if offset == nil || offset == 0 { offset = seconds }
            case let .word(word):
                if month == nil, let number = monthNumber(word) {
                    month = number
                } else if word == "am" || word == "pm" || word == "a.m." || word == "p.m." {
                    meridiem = word.hasPrefix("a") ? "am" : "pm"
                } else if offset == nil, let zone = zoneOffset(word, afterTime: time != nil) {
                    offset = zone
                }
            }
        }

        if month != nil {
            // "3 Dec 2026", "Dec 3, 2026", "3 Dec 26": a four-digit number is the year; the first other is the day,
            // and without a four-digit year the next one is a short year.
            var rest = numbers
            if let yearIndex = rest.firstIndex(where: { $0.digits == 4 }) {
                year = rest[yearIndex].value
                rest.remove(at: yearIndex)
            }
            if let first = rest.first {
                day = first.value
                rest.removeFirst()
            }
            if year == nil, let short = rest.first { year = expandedYear(short.value, digits: short.digits) }
        } else if numbers.count >= 3 {
            let (a, b, c) = (numbers[0], numbers[1], numbers[2])
            if a.digits == 4 {
                (year, month, day) = (a.value, b.value, c.value)  // 2026-12-03, 2026/12/03, 2026年12月3日
            } else if a.separator == "/" {
                // 3/12/2026 is ambiguous; take it only when one reading is impossible.
                if a.value > 12 { (day, month) = (a.value, b.value) } else if b.value > 12 { (month, day) = (a.value, b.value) }
                year = expandedYear(c.value, digits: c.digits)
            } else {
                (day, month, year) = (a.value, b.value, expandedYear(c.value, digits: c.digits))  // 03.12.2026
            }
        }

        guard let year, let month, let day, (1_000 ... 9_999).contains(year), (1 ... 12).contains(month),
              day >= 1, day <= ISO8601Dates.daysIn(month: month, year: year) else { return nil }
        var (hour, minute, second) = time ?? (0, 0, 0)
        if let meridiem {
            guard (1 ... 12).contains(hour) else { return nil }
            if meridiem == "am" && hour == 12 { hour = 0 }
            if meridiem == "pm" && hour < 12 { hour += 12 }
        }
        guard (0 ... 23).contains(hour), (0 ... 59).contains(minute), (0 ... 60).contains(second) else { return nil }
        let zone = offset ?? defaultOffset ?? 0
        let days = ISO8601Dates.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - zone
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), offset)
    }

    private enum Token {
        case number(Int, digits: Int, separator: Unicode.Scalar?)
        case time(Int, Int, Int)
        case offset(Int)
        case word(String)
    }

    private static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars.prefix(400))  // no real date is longer; bounds hostile headers
        var result: [Token] = []
        var index = 0
        var sawTime = false
        var lastWasUniversal = false  // "GMT+2", "UTC-05:00"

        func isDigit(_ i: Int) -> Bool { i < scalars.count && scalars[i] >= "0" && scalars[i] <= "9" }
        func isLetter(_ i: Int) -> Bool {
            i < scalars.count && ((scalars[i] >= "a" && scalars[i] <= "z") || (scalars[i] >= "A" && scalars[i] <= "Z"))
        }
        func readNumber() -> (value: Int, digits: Int) {
            var value = 0
            var digits = 0
            while isDigit(index) {
                if digits < 9 { value = value * 10 + Int(scalars[index].value - 48) }
                digits += 1
                index += 1
            }
            return (value, digits)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if (scalar == "+" || scalar == "-"), isDigit(index + 1), sawTime || lastWasUniversal {
                let sign = scalar == "-" ? -1 : 1
                index += 1
                let (value, digits) = readNumber()
                var hours = value
                var minutes = 0
                if digits >= 3 {
                    (hours, minutes) = (value / 100, value % 100)
                } else if index + 1 < scalars.count, scalars[index] == ":", isDigit(index + 1) {
                    index += 1
                    minutes = readNumber().value
                }
                if hours <= 23 && minutes <= 59 { result.append(.offset(sign * (hours * 3_600 + minutes * 60))) }
                lastWasUniversal = false
            } else if isDigit(index) {
                let (value, digits) = readNumber()
                if index + 1 < scalars.count, scalars[index] == ":", isDigit(index + 1) {
                    index += 1
                    let minute = readNumber().value
                    var second = 0
                    if index + 1 < scalars.count, scalars[index] == ":", isDigit(index + 1) {
                        index += 1
                        second = readNumber().value
                    }
                    result.append(.time(value, minute, second))
                    sawTime = true
                } else {
                    result.append(.number(value, digits: digits, separator: index < scalars.count ? scalars[index] : nil))
                }
                lastWasUniversal = false
            } else if isLetter(index) {
                var word = ""
                while isLetter(index) || (index < scalars.count && scalars[index] == "." && isLetter(index + 1) && word.count == 1) {
                    word.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if index < scalars.count, scalars[index] == ".", word == "a.m" || word == "p.m" {
                    word += "."
                    index += 1
                }
                word = word.lowercased()
                result.append(.word(word))
                lastWasUniversal = ["gmt", "utc", "ut"].contains(word)
            } else if scalar == "(" {
                // A comment; its content is usually the zone name again, "(EET)", or a weekday "(木)".
                while index < scalars.count, scalars[index] != ")" { index += 1 }
                index += 1
            } else {
                index += 1
            }
        }
        return result
    }

    private static func monthNumber(_ word: String) -> Int? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard word.count >= 3, let index = months.firstIndex(of: String(word.prefix(3))) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"][index]
        return full.hasPrefix(word) || word == "sept" ? index + 1 : nil
    }

    /// RFC 5322 zone names (obsolete ones: UT, GMT, US zones, military letters, the latter treated as -0000,
    /// i.e. UTC, as §4.3 advises) and common abbreviations mailers print in pseudo-headers.
    private static func zoneOffset(_ word: String, afterTime: Bool) -> Int? {
        let hours: [String: Double] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
            "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
            "akst": -9, "akdt": -8, "hst": -10,
            "bst": 1, "west": 1, "cet": 1, "cest": 2, "met": 1, "mest": 2, "eet": 2, "eest": 3, "msk": 3,
            "ist": 5.5, "sgt": 8, "hkt": 8, "awst": 8, "jst": 9, "kst": 9, "acst": 9.5, "aest": 10, "aedt": 11,
            "nzst": 12, "nzdt": 13,
        ]
        if let value = hours[word] { return Int(value * 3_600) }
        if afterTime, word.count == 1, word != "j" { return 0 }
        return nil
    }

    /// RFC 5322 §4.3: two-digit years below 50 are 20xx, others 19xx; three-digit years add 1900.
    private static func expandedYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case 1, 2: return value < 50 ? 2_000 + value : 1_900 + value
        case 3: return 1_900 + value
        default: return value
        }
    }
}
