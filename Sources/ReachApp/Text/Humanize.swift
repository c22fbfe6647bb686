import Foundation
import ReachCore

/// Short forms for numbers and dates in tables: "12.3k", "1.2M", "3d overdue", "5d ago".
public enum Humanize {
    /// Follower-style counts: 950, 12.3k, 1.2M (one decimal below 100 of a unit).
    public static func count(_ value: Int) -> String {
        // `magnitude`, not `abs`: abs(Int.min) traps, and a data file can hold any number.
        let magnitude = value.magnitude
        let sign = value < 0 ? "-" : ""
        func scaled(_ divisor: Double, _ suffix: String) -> String {
            let v = Double(magnitude) / divisor
            let text = v < 100 ? String(format: "%.1f", (v * 10).rounded(.down) / 10) : String(Int(v))
            return sign + (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + suffix
        }
        switch magnitude {
        case ..<1_000: return "\(value)"
        case ..<1_000_000: return scaled(1_000, "k")
        case ..<1_000_000_000: return scaled(1_000_000, "M")
        default: return scaled(1_000_000_000, "B")
        }
    }

    /// "3.5%", with one decimal.
    public static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }

    /// Calendar days from `now`'s day to `date`'s day in `timeZone` (negative: in the past).
    /// Computed from local day numbers, not `Calendar`: a calendar day is 86,400 seconds of local time whatever the
    /// zone's offset that day, and `Calendar`'s components cost ≈ 20 µs a date (a Today of 50k items spent 1 s here).
    public static func dayOffset(_ date: Date, now: Date, timeZone: TimeZone) -> Int {
        CalendarDay.number(date, timeZone: timeZone) - CalendarDay.number(now, timeZone: timeZone)
    }

    /// A due date relative to today: "3d overdue", "today", "tomorrow", "in 4d".
    public static func due(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        let days = dayOffset(date, now: now, timeZone: timeZone)
        switch days {
        case ..<0: return "\(-days)d overdue"
        case 0: return "today"
        case 1: return "tomorrow"
        default: return "in \(days)d"
        }
    }

    /// A past date relative to today: "today", "yesterday", "5d ago", "3mo ago", "2y ago".
    public static func ago(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        let days = -dayOffset(date, now: now, timeZone: timeZone)
        switch days {
        case ..<0: return "in \(-days)d"
        case 0: return "today"
        case 1: return "yesterday"
        case ..<60: return "\(days)d ago"
        case ..<730: return "\(days / 30)mo ago"
        default: return "\(days / 365)y ago"
        }
    }

    /// `YYYY-MM-DD` in `timeZone`.
    public static func day(_ date: Date, timeZone: TimeZone) -> String { CalendarDay.text(date, timeZone: timeZone) }
}
