import Foundation
import Testing
@testable import ReachCore

/// `Deal.resultLines`: how hand-entered and imported results combine so that no figure counts twice.
@Suite struct ResultLinesTests {
    static let id = RecordID(rawValue: "01JAAAAAAAAAAAAAAAAAAAAAAA")
    static let day1 = Date(timeIntervalSince1970: 1_793_577_600)  // 2026-11-02
    static let day2 = Date(timeIntervalSince1970: 1_793_664_000)  // 2026-11-03
    static func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .eur) }

    static func deal() -> Deal {
        let reel = Deliverable(platform: .instagram, contentType: .reel,
                               results: DeliverableResults(reach: 5_000, likes: 100, clicks: 50, revenue: eur(100_000)))
        let dropped = Deliverable(platform: .instagram, contentType: .story, results: DeliverableResults(reach: 999),
                                  dropped: Dropping(at: day1, reason: "x"))
        return Deal(id: id, createdAt: day1, influencerID: id, campaignID: id, pricing: Pricing(model: .commission, commissionPercent: 10),
                    deliverables: [reel, dropped])
    }

    @Test func withoutImportsTheHandEnteredResultsCount() {
        let lines = Self.deal().resultLines
        #expect(lines.count == 1)
        #expect(lines.first?.reach == 5_000 && lines.first?.revenue == Self.eur(100_000))
    }

    @Test func theLatestPostSnapshotReplacesHandEnteredFiguresItHas() {
        var deal = Self.deal()
        let reel = deal.deliverables[0].id
        deal.importedResults = [
            ImportedResult(day: Self.day2, matchedBy: "post:a", sourceFile: "b.csv", line: 2, deliverableID: reel, figures: DeliverableResults(reach: 12_000)),
            ImportedResult(day: Self.day1, matchedBy: "post:a", sourceFile: "a.csv", line: 9, deliverableID: reel, figures: DeliverableResults(reach: 10_000, likes: 800)),
        ]
        let line = deal.resultLines.first
        #expect(line?.reach == 12_000)   // newest day, not 22,000
        #expect(line?.likes == 100)      // the newest snapshot has no likes: the hand-entered figure stays
        #expect(line?.revenue == Self.eur(100_000))
    }

    @Test func importedSalesReplaceHandEnteredSales() throws {
        var deal = Self.deal()
        deal.importedResults = [
            ImportedResult(day: Self.day1, matchedBy: "code:X", sourceFile: "a.csv", line: 2, figures: DeliverableResults(codeUses: 3, conversions: 3, revenue: Self.eur(12_000))),
            ImportedResult(day: Self.day2, matchedBy: "code:X", sourceFile: "a.csv", line: 3, figures: DeliverableResults(codeUses: 1, conversions: 1, revenue: Self.eur(4_000))),
        ]
        let lines = deal.resultLines
        #expect(lines.count == 2)
        // For the weekly chart each sales row keeps its day; together they are the summed line.
        let dated = deal.datedResultLines
        #expect(dated.map(\.date) == [nil, Self.day1, Self.day2])
        #expect(dated.compactMap(\.results.revenue).map(\.minorUnits).reduce(0, +) == 16_000)
        #expect(lines[0].reach == 5_000 && lines[0].revenue == nil && lines[0].clicks == nil)
        #expect(lines[1].conversions == 4 && lines[1].revenue == Self.eur(16_000))
        // Commission: 10 % of EUR 160; refreshing twice keeps one computed line.
        try deal.refreshComputedCommission(in: .eur, rates: CurrencyRates(), day: "2026-11-03")
        try deal.refreshComputedCommission(in: .eur, rates: CurrencyRates(), day: "2026-11-04")
        #expect(deal.payments.count == 1)
        #expect(deal.payments.first?.amount == Self.eur(1_600) && deal.payments.first?.status == .due)
        #expect(deal.payments.first?.note?.hasPrefix("Computed 2026-11-03") == true)
        // Sales gone: the computed line goes too.
        deal.importedResults = [ImportedResult(day: Self.day1, matchedBy: "code:X", sourceFile: "a.csv", line: 2, figures: DeliverableResults(revenue: Self.eur(0)))]
        try deal.refreshComputedCommission(in: .eur, rates: CurrencyRates(), day: "2026-11-05")
        #expect(deal.payments.isEmpty)
    }
}
