import Foundation
import Testing
@testable import ReachCore

@Suite struct DealTests {
    @Test func stageMovesKeepHistoryAndLog() throws {
        var d = Fx.deal()
        #expect(d.stageHistory.count == 1)
        try d.advance(at: Fx.day(1))
        try d.move(to: .contacted, at: Fx.day(3))
        #expect(d.stage == .contacted)
        #expect(d.stageHistory.map(\.to) == [.prospect, .vetting, .contacted])
        #expect(d.stageEnteredAt == Fx.day(3))
        #expect(d.daysInStage(now: Fx.day(10)) == 7)
        #expect(d.isStalled(now: Fx.day(11)))  // contacted stalls after 7 days
        #expect(d.activities.filter { $0.channel == .system }.count == 2)
        #expect(d.activities.last?.summary == "Stage: Vetting → Contacted")
    }

    @Test func sideExitNeedsReason() throws {
        var d = Fx.deal(stage: .negotiating)
        #expect(throws: StageMoveError.reasonRequired(.declined)) { try d.move(to: .declined, at: Fx.day(1)) }
        #expect(throws: StageMoveError.reasonRequired(.lost)) { try d.move(to: .lost, at: Fx.day(1), reason: "  ") }
        for invisible in ["\u{200D}\u{FEFF}", "\u{1}\u{7F}", "\u{202E}\u{2060} \u{3000}"] {
            #expect(throws: StageMoveError.reasonRequired(.lost)) { try d.move(to: .lost, at: Fx.day(1), reason: invisible) }
        }
        try d.move(to: .declined, at: Fx.day(2), reason: "Budget too low")
        #expect(d.exitReason == "Budget too low")
        #expect(d.isClosed())
        #expect(d.activities.last?.summary.contains("Budget too low") == true)
        #expect(d.validate().isEmpty)
        try d.moveBack(at: Fx.day(3))
        #expect(d.stage == .negotiating)
        #expect(d.exitReason == nil)
        #expect(throws: StageMoveError.unknownStage("nope")) { try d.move(to: "nope", at: Fx.day(4)) }
        var last = Fx.deal(stage: .complete)
        #expect(throws: StageMoveError.noNextStage(.complete)) { try last.advance(at: Fx.day(1)) }
    }

    @Test func offersFollowUpsAndLedger() throws {
        var d = Fx.deal(stage: .negotiating)
        d.recordOffer(by: .us, amount: Fx.eur(800), at: Fx.day(1))
        d.recordOffer(by: .them, amount: Fx.eur(1_200), at: Fx.day(2), note: "incl. story")
        d.recordOffer(by: .us, amount: Fx.eur(1_000), at: Fx.day(3), agreed: true)
        #expect(d.agreedFee == Fx.eur(1_000))
        #expect(d.offers.count == 3)
        #expect(d.latestOffer?.amount == Fx.eur(1_000))

        d.recordFollowUpSent(at: Fx.day(4))
        d.recordFollowUpSent(at: Fx.day(6))
        #expect(d.followUpCount == 2)
        d.logActivity(at: Fx.day(7), channel: .dm, direction: .inbound, summary: "Replied: OK")
        #expect(d.followUpCount == 0)
        d.setFollowUp("Send contract", due: Fx.day(8), whoseMove: .us)
        #expect(d.isFollowUpOverdue(now: Fx.day(9)))
        #expect(!d.isFollowUpOverdue(now: Fx.day(7)))

        let deposit = Payment(kind: .deposit, amount: Fx.eur(500), dueDate: Fx.day(10), status: .due)
        d.addPayment(deposit)
        d.addPayment(Payment(kind: .balance, amount: Fx.eur(500), dueDate: Fx.day(40)))
        #expect(try d.balance() == Fx.eur(1_000))
        #expect(d.overduePayments(now: Fx.day(11)).count == 1)
        d.markPaid(deposit.id, at: Fx.day(11))
        #expect(try d.balance() == Fx.eur(500))
        #expect(d.paidTotal(in: .eur) == Fx.eur(500))
        #expect(d.overduePayments(now: Fx.day(11)).isEmpty)
    }

    @Test func deliverableFlow() {
        var d = Fx.deal(stage: .contentReview)
        let item = Deliverable(platform: .instagram, contentType: .reel, dueDate: Fx.day(5), status: .inReview)
        d.deliverables = [item]
        d.setDeliverableStatus(item.id, to: .changesRequested, at: Fx.day(2), reason: "Show the bottle")
        #expect(d.deliverables[0].changesReason == "Show the bottle")
        #expect(d.deliverables[0].reviewRounds == 1)
        d.setDeliverableStatus(item.id, to: .approved, at: Fx.day(3))
        d.setDeliverableStatus(item.id, to: .live, at: Fx.day(4), liveURL: "https://instagram.com/p/x")
        #expect(d.deliverables[0].postedAt == Fx.day(4))
        #expect(d.deliverables[0].changesReason == "Show the bottle")
        #expect(!d.deliverables[0].isOverdue(now: Fx.day(9)))
    }

    @Test func pipelineNavigation() {
        let p = StagePipeline.default
        #expect(p.stages.count == 11)
        #expect(p.sideExits.map(\.key) == [.declined, .rejected, .lost])
        #expect(p.next(after: .prospect) == .vetting)
        #expect(p.previous(before: .vetting) == .prospect)
        #expect(p.previous(before: .prospect) == nil)
        #expect(p.next(after: .lost) == nil)
        #expect(p.isClosed(.complete) && p.isClosed(.rejected) && !p.isClosed(.published))
        #expect(p.isSideExit(.lost) && !p.isSideExit(.complete))
        #expect(p.name(of: .inProduction) == "Briefed / In production")
    }

    @Test func contractChecklist() {
        var c = ContractTerms(paymentSchedule: "50/50", signedAt: Fx.t0)
        #expect(c.isFilled(.signed))
        #expect(c.missingItems.contains(.usageRights))
        c.usageRights = UsageRights(paidAds: true, territories: ["EU"], endsAt: Fx.day(90))
        #expect(!c.missingItems.contains(.usageRights))
        #expect(c.checklist.count == ContractItem.allCases.count)
    }
}
