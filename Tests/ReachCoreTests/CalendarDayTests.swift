import Foundation
import Testing
@testable import ReachCore

/// `CalendarDay.number` against `Calendar`'s own count of days between two local midnights, the way it was computed
/// before: in zones with daylight saving, half-hour and 45-minute offsets, and on both sides of the date line. (Where a
/// zone once jumped the date line and skipped a day, Kiritimati on 1994-12-31, the skipped day is counted: `Calendar`
/// counts elapsed days. Either is defensible; neither touches a date after 2011.)
@Suite struct CalendarDayTests {
    static let zones = ["UTC", "Europe/Riga", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe",
                        "America/St_Johns", "Pacific/Chatham", "Asia/Tbilisi", "Pacific/Honolulu", "Pacific/Auckland"]

    static func calendarDays(from now: Date, to date: Date, in zone: TimeZone) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)).day!
    }

    @Test(arguments: zones)
    func differencesMatchTheCalendar(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var random = SeededRNG(seed: UInt64(zoneName.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for _ in 0..<2_000 {
            // 1990–2060, to the second: every daylight-saving change in between is crossed many times.
            let now = Date(timeIntervalSinceReferenceDate: Double(random.next() % 2_200_000_000) - 350_000_000)
            let date = now.addingTimeInterval(Double(Int64(random.next() % 200_000_000) - 100_000_000))
            #expect(CalendarDay.number(date, timeZone: zone) - CalendarDay.number(now, timeZone: zone)
                    == Self.calendarDays(from: now, to: date, in: zone), "\(now) → \(date)")
        }
    }

    @Test func localMidnightIsWhereTheNumberTurns() throws {
        let riga = try #require(TimeZone(identifier: "Europe/Riga"))
        // 2026-03-29 is the spring change in Riga (UTC+2 → +3 at 03:00 local): its midnight is 22:00 UTC the day before.
        let midnight = Date(timeIntervalSince1970: 1_774_735_200)
        #expect(CalendarDay.text(midnight, timeZone: riga) == "2026-03-29")
        #expect(CalendarDay.number(midnight, timeZone: riga) - CalendarDay.number(midnight - 1, timeZone: riga) == 1)
    }

    @Test func farDatesDoNotTrap() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(CalendarDay.number(.distantFuture, timeZone: utc) > CalendarDay.number(.distantPast, timeZone: utc))
        #expect(CalendarDay.number(Date(timeIntervalSinceReferenceDate: .infinity), timeZone: utc) > 0)
        #expect(CalendarDay.number(Date(timeIntervalSinceReferenceDate: -.infinity), timeZone: utc) < 0)
    }
}
