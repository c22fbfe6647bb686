import Foundation
import ReachDemo
import Testing
@testable import ReachCore

@Suite struct BudgetAndTodayTests {
    let rates = CurrencyRates(rates: [
        ExchangeRate(from: .usd, to: .eur, rate: Decimal(string: "0.9") ?? 0, asOf: Fx.t0, source: "ECB"),
        ExchangeRate(from: .eur, to: .jpy, rate: 160, asOf: Fx.t0),
    ])

    @Test func budgetAcrossCurrencies() throws {
        let c = Fx.campaign(budget: Fx.eur(10_000))
        var a = Fx.deal(n: 201, stage: .contracted)
        a.agreedFee = Fx.usd(1_000)                                  // EUR 900 committed
        a.payments = [Payment(amount: Fx.usd(500), status: .paid, paidAt: Fx.t0)] // EUR 450 paid
        var b = Fx.deal(n: 202, stage: .published)
        b.agreedFee = Money(minorUnits: 160_000, currency: .jpy)      // EUR 1,000
        b.payments = [Payment(amount: Money(minorUnits: 160_000, currency: .jpy), status: .paid, paidAt: Fx.t0),
                      Payment(kind: .bonus, amount: Money(minorUnits: 16_000, currency: .jpy), status: .planned)]
        var exited = Fx.deal(n: 203, stage: .negotiating)
        exited.agreedFee = Fx.eur(700)
        try exited.move(to: .declined, at: Fx.day(1), reason: "exclusive elsewhere")
        var gel = Fx.deal(n: 204, stage: .contracted)
        gel.agreedFee = Money(minorUnits: 50_000, currency: .gel)     // no GEL rate
        let s = Budget.summary(for: c, deals: [a, b, exited, gel], rates: rates)
        #expect(s.committed == Fx.eur(1_900))
        #expect(s.paid == Fx.eur(1_450))
        #expect(s.remaining == Fx.eur(8_100))
        #expect(s.unspent == Fx.eur(8_550))
        #expect(s.missingRates == [.gel])
        #expect(s.unconverted == [Money(minorUnits: 50_000, currency: .gel)])
        #expect(s.ratesUsed.count == 2)
        #expect(!s.isComplete)
        // The deals' compact rows (what the Campaigns list reads) give the same summary.
        #expect(Budget.summary(for: c, deals: [a, b, exited, gel].map(DealRow.init), rates: rates) == s)
    }

    /// Over every campaign of a demo folder (several currencies, side exits, paid and planned payments), the budget
    /// from the deals' compact rows equals the budget from the full deals.
    @Test func budgetFromRowsIsBudgetFromDeals() {
        let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 11, scale: 300)
        for campaign in demo.campaigns {
            let deals = demo.deals.filter { $0.campaignID == campaign.id }
            let rates = demo.settings.currencyRates, pipeline = demo.settings.pipeline
            #expect(Budget.summary(for: campaign, deals: deals.map(DealRow.init), rates: rates, pipeline: pipeline)
                    == Budget.summary(for: campaign, deals: deals, rates: rates, pipeline: pipeline), "\(campaign.name)")
        }
        #expect(demo.deals.contains { DealRow($0).paid.count > 1 })
    }

    /// Paid amounts near Int64's limit (a damaged file) pin the totals at the limit instead of wrapping negative.
    @Test func budgetTotalsDoNotWrapAround() {
        let c = Fx.campaign(budget: Fx.eur(10_000))
        var huge = Fx.deal(n: 205, stage: .published)
        huge.payments = [Payment(amount: Money(minorUnits: .max - 10, currency: .eur), status: .paid, paidAt: Fx.t0),
                         Payment(amount: Money(minorUnits: .max - 10, currency: .eur), status: .paid, paidAt: Fx.t0)]
        var more = Fx.deal(n: 206, stage: .published)
        more.payments = [Payment(amount: Fx.eur(5), status: .paid, paidAt: Fx.t0)]
        let s = Budget.summary(for: c, deals: [huge, more], rates: rates)
        #expect(s.paid.minorUnits == .max)
        #expect(s.committed.minorUnits == .max)
        #expect(huge.cost(in: .eur, rates: rates)?.minorUnits == .max)
    }

    @Test func campaignReport() {
        var c = Fx.campaign(budget: Fx.eur(10_000))
        c.kpiTargets = KPITargets(impressions: 200_000, revenue: Fx.eur(2_000), cpm: Fx.eur(10))
        var a = Fx.deal(n: 201, stage: .reporting)
        a.payments = [Payment(amount: Fx.eur(500), status: .paid, paidAt: Fx.t0)]
        a.deliverables = [Deliverable(platform: .instagram, contentType: .reel, dueDate: Fx.day(3), status: .live,
                                      results: DeliverableResults(reach: 40_000, impressions: 100_000, likes: 1_500, comments: 300, shares: 100, saves: 100,
                                                                  conversions: 25, revenue: Fx.eur(1_500)))]
        var b = Fx.deal(n: 202, stage: .inProduction)
        b.deliverables = [Deliverable(platform: .tiktok, contentType: .video, count: 2, dueDate: Fx.day(3))]
        let r = CampaignReport.make(campaign: c, deals: [a, b], rates: rates, now: Fx.day(5))
        #expect(r.dealsPerStage == [.reporting: 1, .inProduction: 1])
        #expect(r.deliverablesPlanned == 3 && r.deliverablesLive == 1 && r.deliverablesOverdue == 2)
        #expect(r.totals.engagements == 2_000)
        #expect(r.progress(.impressions)?.attainment == 0.5)
        #expect(r.progress(.cpm)?.actual == 5)          // EUR 500 / 100k × 1000
        #expect(r.progress(.cpm)?.attainment == 2)      // target 10 / actual 5
        #expect(r.progress(.roi)?.actual == 200)        // (1500 − 500) / 500 × 100
        let top = r.topCreatorsByROI(limit: 1)
        #expect(top.first?.dealID == a.id)
        #expect(top.first?.engagementRate == 5)         // 2,000 / 40,000 reach
        #expect(top.first?.cpa == Fx.eur(20))
    }

    @Test func todayIsOrderedOverdueFirstThenByDueDateThenByDeal() {
        // `entry` tells the items apart.
        func item(_ n: Int, deal: Int, due day: Int?, overdue: Bool) -> TodayItem {
            TodayItem(kind: .followUpDue, dealID: Fx.id(deal), due: day.map(Fx.day), entry: n, whoseMove: nil, isOverdue: overdue)
        }
        let items = [item(1, deal: 1, due: nil, overdue: false), item(2, deal: 9, due: 5, overdue: false),
                     item(3, deal: 3, due: 9, overdue: true), item(4, deal: 4, due: 2, overdue: true),
                     item(5, deal: 5, due: 5, overdue: false), item(6, deal: 6, due: 1, overdue: false),
                     item(7, deal: 5, due: 5, overdue: false)]
        // 2, 5 and 7 are due together: by deal, and 5 and 7 (one deal's two items) keep their order.
        let byDeal = { (one: [UInt32]) in Fx.id(5) < Fx.id(9) ? one + [2] : [2] + one }
        #expect(Today.byUrgency(items).map(\.entry) == [4, 3, 6] + byDeal([5, 7]) + [1])
        #expect(Today.byUrgency(items.reversed()).map(\.entry) == [4, 3, 6] + byDeal([7, 5]) + [1])
    }

    @Test func todayList() {
        var a = Fx.deal(n: 201, stage: .contacted)
        a.setFollowUp("Follow up", due: Fx.day(2), whoseMove: .us)          // overdue at day 3
        var b = Fx.deal(n: 202, stage: .contentReview)
        b.setFollowUp("Review", due: Fx.day(3).addingTimeInterval(3_600 * 20), whoseMove: .them) // due later today
        b.deliverables = [Deliverable(platform: .instagram, contentType: .reel, status: .inReview)]
        b.payments = [Payment(kind: .deposit, amount: Fx.eur(300), dueDate: Fx.day(1), status: .due)]
        b.contract.usageRights = UsageRights(paidAds: true, endsAt: Fx.day(10))
        var closed = Fx.deal(n: 203, stage: .complete)
        closed.setFollowUp("ignored", due: Fx.day(1))
        let items = Today.items(deals: [a, b, closed], now: Fx.day(3).addingTimeInterval(3_600 * 9))
        let kinds = items.map(\.kind)
        #expect(kinds.prefix(2).allSatisfy { [.followUpOverdue, .paymentOverdue].contains($0) })
        #expect(kinds.contains(.followUpDue))
        #expect(kinds.contains(.draftAwaitingReview))
        #expect(kinds.contains(.rightsExpiring))
        #expect(!items.contains { $0.dealID == closed.id && $0.kind == .followUpOverdue })
        #expect(items.first { $0.kind == .followUpDue }?.whoseMove == .them)
    }

    /// Items keep no words: each is worded from its deal, the full deal or its compact row alike, and a dated
    /// entry's item names that entry (a deal's items about two payments say which is which).
    @Test func todayItemsAreWordedFromTheirDeal() {
        let now = Fx.day(40).addingTimeInterval(3_600 * 9)
        var b = Fx.deal(n: 202, stage: .contentReview)
        b.setFollowUp("Review the cut", due: Fx.day(40).addingTimeInterval(3_600 * 20), whoseMove: .them)
        b.deliverables = [Deliverable(platform: .instagram, contentType: .reel, status: .inReview)]
        b.payments = [Payment(kind: .deposit, amount: Fx.eur(300), dueDate: Fx.day(39), status: .due),
                      Payment(kind: .balance, amount: Fx.eur(700), dueDate: Fx.day(40).addingTimeInterval(3_600 * 20), status: .due)]
        b.contract.usageRights = UsageRights(paidAds: true, endsAt: Fx.day(45))
        var idle = Fx.deal(n: 203, stage: .negotiating)
        idle.nextAction = nil
        func words(_ deals: [some ListedDeal]) -> Set<String> {
            let byID = Dictionary(uniqueKeysWithValues: deals.map { ($0.id, $0) })
            return Set(Today.items(deals: deals, now: now).map { item in
                "\(item.kind.rawValue): " + (byID[item.dealID].map { item.summary(of: $0, now: now, pipeline: .default) } ?? "?")
            })
        }
        for words in [words([b, idle]), words([b, idle].map(DealRow.init))] {
            #expect(words == [
                "followUpDue: Review the cut",
                "draftAwaitingReview: Review draft: Instagram Reel/short",
                "paymentOverdue: Pay EUR 300.00 (deposit)",
                "paymentDue: Pay EUR 700.00 (balance)",
                "rightsExpiring: Usage rights ends",
                "stalled: 40 days in Content review",
                "noNextStep: No next step · Negotiating",
                "stalled: 40 days in Negotiating",
            ], "\(words.sorted())")
        }
    }

    /// The urgency order, made in place cycle by cycle, is a stable sort by overdue, due date (none last) and deal.
    @Test(arguments: [0, 1, 2, 7, 500] as [Int])
    func theUrgencyOrderIsAStableSortByItsKey(count: Int) {
        var random = SeededRNG(seed: UInt64(count) + 11)
        let items = (0..<count).map { n in
            TodayItem(kind: .followUpDue, dealID: Fx.id(n % 9), due: Int.random(in: 0..<4, using: &random) == 0 ? nil : Fx.day(Int.random(in: 0..<5, using: &random)),
                      entry: n, whoseMove: .us, isOverdue: Bool.random(using: &random))
        }
        let expected = items.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.isOverdue != y.isOverdue { return x.isOverdue }
            let dx = x.due ?? .distantFuture, dy = y.due ?? .distantFuture
            if dx != dy { return dx < dy }
            return x.dealID != y.dealID ? x.dealID < y.dealID : a.offset < b.offset
        }.map(\.element)
        #expect(Today.byUrgency(items) == expected)
    }

    /// Merging a few items in place (binary search) or many (one pass) gives what `merged` gives.
    @Test(arguments: [1, 3, 16, 17, 40])
    func mergeInPlaceEqualsMerged(newCount: Int) {
        var random = SeededRNG(seed: UInt64(newCount))
        func items(_ count: Int, from first: Int) -> [TodayItem] {
            Today.byUrgency((0..<count).map { n in
                // Few distinct dates and deals, so ties by due date and by deal are common.
                TodayItem(kind: .followUpDue, dealID: Fx.id(first + n % 7), due: Int.random(in: 0..<4, using: &random) == 0 ? nil : Fx.day(Int.random(in: 0..<5, using: &random)),
                          entry: first + n, whoseMove: .us, isOverdue: Bool.random(using: &random))
            })
        }
        let old = items(200, from: 300), new = items(newCount, from: 400)
        var merged = old
        Today.merge(new, into: &merged)
        #expect(merged == Today.merged(old, new))
        #expect(merged.count == old.count + new.count)
    }
}

extension Today {
    /// `items` in the urgency order, as `Today.items` leaves them.
    static func byUrgency(_ items: [TodayItem]) -> [TodayItem] {
        var items = items
        sort(&items, .urgency)
        return items
    }
}
