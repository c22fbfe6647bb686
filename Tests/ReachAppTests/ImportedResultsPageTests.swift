import Foundation
import Testing
import ReachCore
import ReachStore
@testable import ReachApp

/// The deal page lists what `reach import results` stored, with days and sources, and its totals include it.
@Suite("Imported results on the deal page")
struct ImportedResultsPageTests {
    @Test func importedRowsAreListedWithDatesAndSources() throws {
        let day = Date(timeIntervalSince1970: 1_793_664_000)  // 2026-11-03
        let h = try DealCorrectionTests().opened(width: 120) { deal in
            let sales = ImportedResult(day: day, matchedBy: "code:LIGA15", sourceFile: "codes.csv", line: 2,
                                       figures: DeliverableResults(clicks: 40, codeUses: 2, conversions: 2,
                                                                   revenue: Money(major: 80, currency: .eur), source: .imported))
            let post = ImportedResult(day: day, matchedBy: "post:instagram.com/reel/x", sourceFile: "insights.csv", line: 5,
                                      deliverableID: deal.deliverables.first?.id,
                                      figures: DeliverableResults(reach: 12_000, likes: 900, source: .imported))
            deal.importedResults = [sales, post]
        }
        let page = DealCorrectionTests().page(h)
        #expect(page.contains { $0.hasPrefix("Imported results  2 files, 2 rows · conversion rate 5") })
        #expect(page.contains { $0.contains("code LIGA15 · clicks 40 · code uses 2 · conversions 2 · revenue EUR 80.00 · codes.csv line 2") })
        #expect(page.contains { $0.contains("post 1 (") && $0.contains("reach 12k") && $0.contains("insights.csv line 5") })
    }
}
