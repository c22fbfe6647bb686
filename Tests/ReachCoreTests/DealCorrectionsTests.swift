import Foundation
import Testing
@testable import ReachCore

/// The domain side of correcting a deal: what each correction logs, and that dropped deliverables and cancelled
/// payments leave Today, the overdue counts and the commission while staying on the deal.
@Suite struct DealCorrectionsTests {
    let utc = TimeZone(identifier: "UTC") ?? .current

    @Test func aDroppedDeliverableIsNeverOverdueNorOnToday() {
        var deal = Fx.deal(stage: .contracted)
        let reel = Deliverable(platform: .instagram, contentType: .reel, dueDate: Fx.day(1))
        deal.deliverables = [reel]
        #expect(deal.overdueDeliverables(now: Fx.day(2)).count == 1)
        #expect(Today.items(deals: [deal], now: Fx.day(2), timeZone: utc).contains { $0.kind == .deliverableOverdue })
        deal.dropDeliverable(reel.id, reason: "brand paused", at: Fx.day(2), author: "Marta")
        #expect(deal.overdueDeliverables(now: Fx.day(2)).isEmpty)
        #expect(!Today.items(deals: [deal], now: Fx.day(2), timeZone: utc).contains { $0.kind == .deliverableOverdue })
        #expect(deal.deliverables.first?.dropped == Dropping(at: Fx.day(2), reason: "brand paused", by: "Marta"))
        #expect(deal.activities.last?.summary == "Dropped Instagram Reel/short: brand paused")
        deal.dropDeliverable(reel.id, reason: "again", at: Fx.day(3), author: nil)
        #expect(deal.activities.count == 1, "dropping twice logs once")
    }

    @Test func editingAPaymentToPaidStampsTheDayAndBackClearsIt() {
        var deal = Fx.deal()
        let line = Payment(kind: .deposit, amount: Fx.eur(500), dueDate: Fx.day(3))
        deal.addPayment(line)
        deal.editPayment(line.id, at: Fx.day(4), author: "Marta", timeZone: utc) { $0.status = .paid }
        #expect(deal.payments[0].paidAt == Fx.day(4) && deal.paidTotal(in: .eur) == Fx.eur(500))
        #expect(deal.activities.last?.summary == "Payment (deposit EUR 500.00): planned → paid")
        deal.editPayment(line.id, at: Fx.day(5), author: "Marta", timeZone: utc) { $0.status = .due }
        #expect(deal.payments[0].paidAt == nil && deal.paidTotal(in: .eur) == Fx.eur(0))
        deal.editPayment(line.id, at: Fx.day(5), author: "Marta", timeZone: utc) { $0.dueDate = Fx.day(9) }
        #expect(deal.activities.last?.summary == "Payment (deposit EUR 500.00): due moved 2024-06-04 → 2024-06-10")
        let logged = deal.activities.count
        deal.editPayment(line.id, at: Fx.day(6), author: "Marta", timeZone: utc) { _ in }
        #expect(deal.activities.count == logged, "no change, no entry")
    }

    @Test func aCancelledPaymentLeavesTheBalanceAndKeepsItsReason() throws {
        var deal = Fx.deal()
        deal.agreedFee = Fx.eur(1_000)
        let paid = Payment(kind: .deposit, amount: Fx.eur(400), status: .paid, paidAt: Fx.day(1))
        deal.addPayment(paid)
        #expect(try deal.balance() == Fx.eur(600))
        deal.cancelPayment(paid.id, reason: "refunded", at: Fx.day(2), author: "Marta")
        #expect(try deal.balance() == Fx.eur(1_000))
        #expect(deal.payments[0].cancellation?.reason == "refunded" && deal.payments[0].status == .cancelled)
        deal.editPayment(paid.id, at: Fx.day(3), author: nil, timeZone: utc) { $0.status = .planned }
        #expect(deal.payments[0].cancellation == nil, "a reinstated line loses its cancellation")
    }

    @Test func commissionOwedIsTheRateOnSalesLessTheLedgerAcrossCurrencies() throws {
        var deal = Fx.deal()
        deal.pricing.commissionPercent = 12.5
        var rates = CurrencyRates()
        rates.set(ExchangeRate(from: .usd, to: .eur, rate: Decimal(string: "0.5") ?? 1, asOf: Fx.t0, source: "test"))
        deal.deliverables = [
            Deliverable(platform: .instagram, contentType: .reel, results: DeliverableResults(revenue: Fx.eur(1_000))),
            Deliverable(platform: .tiktok, contentType: .video, results: DeliverableResults(revenue: Fx.usd(400))),
            Deliverable(platform: .youtube, contentType: .video, results: DeliverableResults(revenue: Fx.eur(9_999)),
                        dropped: Dropping(at: Fx.t0, reason: "never posted")),
        ]
        deal.payments = [
            Payment(kind: .commission, amount: Fx.eur(50), status: .paid, paidAt: Fx.t0),
            Payment(kind: .commission, amount: Fx.eur(70), status: .cancelled),
            Payment(kind: .balance, amount: Fx.eur(300)),
        ]
        // Sales 1,000 + 400 USD × 0.5 = 1,200 EUR; 12.5% = 150; 50 in the ledger (the cancelled 70 and the balance
        // do not count): 100 owed.
        let owed = try #require(try deal.commissionOwed(in: .eur, rates: rates))
        #expect(owed.sales == Fx.eur(1_200) && owed.earned == Fx.eur(150) && owed.inLedger == Fx.eur(50) && owed.owed == Fx.eur(100))
        deal.payments.append(Payment(kind: .commission, amount: Fx.eur(200), status: .due))
        #expect(try deal.commissionOwed(in: .eur, rates: rates)?.owed == Fx.eur(0), "paid ahead: nothing owed, never negative")
        #expect(throws: ConversionError.self) { try deal.commissionOwed(in: .eur, rates: CurrencyRates()) }
        deal.pricing.commissionPercent = nil
        #expect(try deal.commissionOwed(in: .eur, rates: rates) == nil)
    }

    @Test func onlyTheAuthorMayChangeAnEntryAndNeverTheSystems() {
        let marta = UserIdentity(name: "Marta Ozola", login: "marta")
        #expect(Activity(at: Fx.t0, channel: .email, summary: "x", author: "marta").isEditable(by: marta), "by login")
        #expect(Activity(at: Fx.t0, channel: .email, summary: "x", author: " MARTA OZOLA ").isEditable(by: marta))
        #expect(!Activity(at: Fx.t0, channel: .email, summary: "x", author: "Anna").isEditable(by: marta))
        #expect(Activity(at: Fx.t0, channel: .note, summary: "x").isEditable(by: marta), "unsigned entries are anyone's")
        #expect(!Activity(at: Fx.t0, channel: .system, summary: "Stage: A → B", author: "marta").isEditable(by: marta))
        var deal = Fx.deal()
        let entry = Activity(at: Fx.t0, channel: .call, summary: "Called", author: "marta")
        deal.logActivity(entry)
        deal.editActivity(entry.id, at: Fx.day(1)) { $0.summary = "Called about rates" }
        #expect(deal.activities[0].editedAt == Fx.day(1) && deal.activities[0].summary == "Called about rates")
        deal.editActivity(entry.id, at: Fx.day(2)) { _ in }
        #expect(deal.activities[0].editedAt == Fx.day(1), "an untouched entry keeps its edit time")
    }
}
