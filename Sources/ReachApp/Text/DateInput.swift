import Foundation

/// Dates typed in prompts: `2025-03-14`, `+3d`, `+2w`, `today`, `tomorrow`, `mon`…`sun` (the next such day).
public enum DateInput {
    /// Why a typed date was not understood, with the accepted forms.
    public static let help = "Use YYYY-MM-DD, +3d, +2w, today, tomorrow or a weekday (mon…sun)."

    /// The day meant by `text`, as its last minute (23:59) in `timeZone`, so a follow-up "for today" is due,
    /// not overdue, until the day ends. Nil when the text is not a date.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        let input = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let day = day(for: input, today: today, calendar: calendar) else { return nil }
        return calendar.date(byAdding: .minute, value: 23 * 60 + 59, to: day)
    }

    private static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    private static func day(for input: String, today: Date, calendar: Calendar) -> Date? {
        switch input {
        case "today", "tod": return today
        case "tomorrow", "tom", "tmr": return calendar.date(byAdding: .day, value: 1, to: today)
        default: break
        }
        if input.hasPrefix("+"), let unit = input.last, let amount = Int(input.dropFirst().dropLast()), amount >= 0 {
            switch unit {
            case "d": return calendar.date(byAdding: .day, value: amount, to: today)
            case "w": return calendar.date(byAdding: .day, value: 7 * amount, to: today)
            case "m": return calendar.date(byAdding: .month, value: amount, to: today)
            default: return nil
            }
        }
        if input.count >= 3, let index = weekdays.firstIndex(where: { input.hasPrefix($0) }),
           isWeekdayName(input, weekdays[index]) {
            let current = calendar.component(.weekday, from: today) - 1
            var ahead = (index - current + 7) % 7
            if ahead == 0 { ahead = 7 }
            return calendar.date(byAdding: .day, value: ahead, to: today)
        }
        let parts = input.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == d else { return nil }
        return date
    }

    /// "mon", "mond", "monday" all mean Monday; "month" does not.
    private static func isWeekdayName(_ input: String, _ short: String) -> Bool {
        let full = ["sun": "sunday", "mon": "monday", "tue": "tuesday", "wed": "wednesday", "thu": "thursday",
                    "fri": "friday", "sat": "saturday"][short] ?? short
        return full.hasPrefix(input)
    }
}
