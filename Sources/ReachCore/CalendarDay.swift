import Foundation

/// A date as the calendar day people see (`YYYY-MM-DD` in their time zone): in the UI and in the timeline
/// entries the domain writes ("due moved 2024-11-12 → 2024-11-19").
public enum CalendarDay {
    public static func text(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The day `date` falls on in `timeZone`, counted from 2001-01-01: two dates' numbers differ by the calendar days
    /// between them. Local time is UTC plus the zone's offset at that instant, and every local day is 86,400 of its
    /// seconds (a daylight-saving change moves the offset, not the length of the local day's numbering).
    public static func number(_ date: Date, timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSinceReferenceDate + Double(timeZone.secondsFromGMT(for: date))
        // A data file can hold any date; far outside 10,000 years either way the count is clamped, never a trap.
        let days = (local / 86_400).rounded(.down)
        guard days.isFinite else { return days > 0 ? Int.max / 2 : Int.min / 2 }
        return Int(max(-1e15, min(1e15, days)))
    }
}
