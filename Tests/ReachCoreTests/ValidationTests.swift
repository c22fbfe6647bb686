import Foundation
import Testing
@testable import ReachCore

@Suite struct ValidationTests {
    @Test func influencerIssues() {
        #expect(Fx.influencer().validate().isEmpty)
        var inf = Fx.influencer()
        inf.displayName = "  "
        inf.contact.email = "liga@"
        inf.accounts[0].snapshots[0].engagementRate = 140
        inf.vetting.score = 120
        inf.timeZone = "Mars/Base"
        inf.rateCard.entries = [RateCardEntry(platform: .instagram, contentType: .reel, price: Money(minorUnits: -1, currency: "EUX"))]
        let fields = Set(inf.validate().map(\.field))
        #expect(fields.isSuperset(of: ["displayName", "contact.email", "accounts[0].snapshots[0].engagementRate", "vetting.score",
                                       "timeZone", "rateCard.entries[0].price"]))
        let emailIssue = inf.validate().first { $0.field == "contact.email" }
        #expect(emailIssue?.message == "\"liga@\" is not a valid email address: use the form name@example.com.")
        #expect(inf.validate().contains { $0.message.contains("Unknown currency code \"EUX\"") })
    }

    @Test func campaignAndDealIssues() {
        var c = Fx.campaign()
        c.endDate = Fx.t0.addingTimeInterval(-86_400)
        c.budget = Fx.eur(-5)
        #expect(Set(c.validate().map(\.field)) == ["endDate", "budget"])

        var d = Fx.deal()
        d.stage = .rejected   // set directly, bypassing move(): no reason
        d.agreedFee = Fx.eur(-1)
        #expect(d.validate().contains { $0.field == "exitReason" })
        #expect(d.validate().contains { $0.field == "agreedFee" })
        var e = Fx.deal()
        e.stage = "mystery"
        #expect(e.validate().contains { $0.field == "stage" })
    }

    @Test func duplicateDiscountCodes() {
        var a = Fx.deal(n: 201), b = Fx.deal(n: 202), c = Fx.deal(n: 203)
        a.tracking.discountCode = "LIGA15"
        b.tracking.discountCode = "liga15 "
        c.tracking.discountCode = "NINO10"
        let issues = WorkspaceValidation.duplicateDiscountCodes(in: [a, b, c])
        #expect(Set(issues.keys) == [a.id, b.id])
        #expect(issues[a.id]?.first?.message.contains("LIGA15 is used by 2 deals") == true)
    }

    @Test func settingsIssues() {
        #expect(WorkspaceSettings().validate().isEmpty)
        let bad = WorkspaceSettings(tierThresholds: TierThresholds(micro: 1_000, macro: 500, mega: 1_000_000), reportingCurrency: "ZZZ")
        #expect(Set(bad.validate().map(\.field)) == ["tierThresholds.macro", "reportingCurrency"])
    }
}
