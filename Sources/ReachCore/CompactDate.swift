import Foundation

/// An optional date in 8 bytes, NaN standing for none: a `Date?` takes 9, and the padding after it, in values kept
/// once per deal or per creator (`DealRow`, `RosterFacts`).
struct CompactDate: Sendable {
    /// Seconds since the reference date; NaN for none.
    private var seconds: Double

    init(_ date: Date?) {
        seconds = date?.timeIntervalSinceReferenceDate ?? .nan
    }

    var date: Date? { seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds) }
}
