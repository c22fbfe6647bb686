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
}
