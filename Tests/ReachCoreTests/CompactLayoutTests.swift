import Testing
@testable import ReachCore

/// The values the app keeps one of per deal (200,000 at 100k creators) and per creator: their fields are declared so
/// that no optional's tag byte and padding is stored. A new field, or one moved, can cost megabytes without any test
/// noticing; this one does.
@Suite struct CompactLayoutTests {
    @Test func aDealRowAndRosterFactsKeepTheirPackedSize() {
        #expect(MemoryLayout<DealRow>.stride <= 120)
        #expect(MemoryLayout<RosterFacts>.stride <= 88)
        #expect(MemoryLayout<RecordID>.stride == 16)
    }
}
