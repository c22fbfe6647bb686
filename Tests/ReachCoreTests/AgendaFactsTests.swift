import Foundation
import ReachDemo
import Testing
@testable import ReachCore

/// `AgendaFacts.mayBeDue` decides which deal files `reach today` reads: it may say yes too often, never too seldom.
@Suite struct AgendaFactsTests {
    static let generatedAt = Date(timeIntervalSince1970: 1_780_304_400)
    static let demo = DemoData.make(now: generatedAt, seed: 11, scale: 400)

    /// The default pipeline, and one a team changed after the index was built: every stage stalls after a day,
    /// and "negotiating" counts as done.
    static let pipelines: [StagePipeline] = {
        var changed = StagePipeline.default
        changed.stages = changed.stages.map { stage in
            var stage = stage
            stage.stallAfterDays = 0
            if stage.key == "negotiating" { stage.role = .complete }
            return stage
        }
        return [.default, changed]
    }()

    @Test(arguments: [-30, 0, 1, 9, 40, 200], ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"])
    func everyDealTodayShowsIsACandidate(daysLater: Int, zone: String) throws {
        let now = Self.generatedAt.addingTimeInterval(Double(daysLater) * 86_400 + 3_600 * 7)
        let timeZone = try #require(TimeZone(identifier: zone))
        for pipeline in Self.pipelines {
            var shown = 0, candidates = 0
            for deal in Self.demo.deals {
                let items = Today.items(deals: [deal], now: now, timeZone: timeZone, rightsWarningDays: 21, pipeline: pipeline)
                let candidate = AgendaFacts(deal).mayBeDue(now: now, rightsWarningDays: 21, pipeline: pipeline)
                if !items.isEmpty {
                    shown += 1
                    #expect(candidate, "deal \(deal.id) has \(items.map(\.kind)) but was not a candidate")
                }
                if candidate { candidates += 1 }
            }
            #expect(shown > 0)
            // A filter that lets every deal through would pass the check above and read every file.
            #expect(candidates < Self.demo.deals.count)
        }
    }

    @Test func archivedDealsAndDealsWithNothingSoonAreNotCandidates() throws {
        let now = Self.generatedAt
        var deal = try #require(Self.demo.deals.first { !$0.archived })
        deal.stage = "contacted"
        deal.stageHistory = []
        deal.createdAt = now
        deal.nextAction = NextAction(summary: "Call", due: now.addingTimeInterval(10 * 86_400))
        deal.deliverables = []
        deal.payments = []
        deal.contract = ContractTerms()
        #expect(!AgendaFacts(deal).mayBeDue(now: now, rightsWarningDays: 14, pipeline: .default))
        #expect(AgendaFacts(deal).mayBeDue(now: now.addingTimeInterval(9 * 86_400), rightsWarningDays: 14, pipeline: .default))
        deal.nextAction = nil
        #expect(AgendaFacts(deal).mayBeDue(now: now, rightsWarningDays: 14, pipeline: .default))
        deal.archived = true
        #expect(!AgendaFacts(deal).mayBeDue(now: now, rightsWarningDays: 14, pipeline: .default))
    }
}
