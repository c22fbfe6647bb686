import Foundation
import Testing
import ReachCore
@testable import ReachDemo

/// The demo data set must be valid, reproducible, and cover every state the app has to show.
@Suite struct DemoDataTests {
    /// 2025-03-14 09:30:00 UTC: a fixed "now" so the checks are reproducible.
    static let now = Date(timeIntervalSince1970: 1_741_944_600)
    static let demo = DemoData.make(now: now, seed: 42)

    private static func contains(_ text: String, _ range: ClosedRange<UInt32>) -> Bool {
        text.unicodeScalars.contains { range.contains($0.value) }
    }

    @Test func handWrittenDataPassesValidation() {
        let issues = Self.demo.validationIssues()
        #expect(issues.isEmpty, "\(issues.sorted { $0.key < $1.key }.prefix(10))")
    }

    @Test func sameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        let again = DemoData.make(now: Self.now, seed: 42)
        #expect(again == Self.demo)
        let other = DemoData.make(now: Self.now, seed: 7)
        #expect(other.influencers.map(\.displayName) == Self.demo.influencers.map(\.displayName))
        #expect(Set(other.deals.map(\.id)).isDisjoint(with: Self.demo.deals.map(\.id)))
    }

    @Test func everyPlannedDealFindsItsCreator() {
        let planned = DemoCuratedPlan.campaigns.map(\.deals.count).reduce(0, +)
        #expect(Self.demo.deals.count == planned)
        let handles = Set(DemoRoster.creators.map(\.mainHandle))
        #expect(handles.count == DemoRoster.creators.count, "main handles must be unique")
    }

    @Test func rosterCoversPlatformsTiersStatusesAndScripts() {
        let roster = Self.demo.influencers
        #expect(roster.count >= 60)
        #expect(Set(roster.flatMap { $0.accounts.map(\.platform) }) == Set(Platform.known))
        #expect(Set(roster.compactMap { $0.tier() }) == Set(Tier.allCases))
        #expect(Set(roster.map(\.relationship)) == Set(RelationshipStatus.allCases))
        #expect(roster.contains { $0.doNotContact && !($0.doNotContactReason ?? "").isEmpty })
        #expect(roster.filter { $0.agent != nil }.count >= 5)
        #expect(roster.allSatisfy { $0.accounts.filter(\.isMain).count == 1 && !$0.accounts.isEmpty })
        #expect(roster.filter { $0.accounts.count > 1 }.count >= 40)

        let snapshots = roster.flatMap { $0.accounts.compactMap(\.latestFollowers) }
        #expect(snapshots.contains { $0.isStale(now: Self.now) })
        #expect(snapshots.contains { !$0.isStale(now: Self.now) })
        #expect(snapshots.contains { $0.source == .estimate })
        #expect(roster.contains { $0.audience != nil } && roster.contains { $0.vetting.score != nil && $0.vetting.verdict == .approved })
        #expect(roster.contains { $0.vetting.verdict == .rejected && !$0.vetting.failedChecks.isEmpty })
        #expect(roster.contains { !$0.rateCard.entries.isEmpty })

        let names = roster.map(\.displayName)
        #expect(names.contains("Ļoti Garšīgi — Līga Ozoliņa"))
        #expect(names.contains("ნინო ბერიძე"))
        #expect(names.contains { $0.contains("Ø") } && names.contains { $0.contains("Å") })
        #expect(names.contains { $0.contains("é") || $0.contains("É") })
        #expect(names.contains { $0.contains("ʻ") }, "Uzbek Latin")
        #expect(roster.contains { $0.country == "UZ" && Self.contains($0.displayName, 0x0400...0x04FF) }, "Uzbek Cyrillic")
        #expect(names.contains { Self.contains($0, 0x3040...0x30FF) }, "Japanese kana")
        #expect(roster.contains { $0.country == "CN" && Self.contains($0.displayName, 0x4E00...0x9FFF) }, "Chinese")
        #expect(names.filter { Self.contains($0, 0x1F300...0x1FAFF) || $0.contains("✨") }.count >= 2, "emoji")
        #expect(Set(roster.compactMap(\.country)).isSuperset(of: ["LV", "NO", "FR", "UZ", "GE", "JP", "CN", "GB", "US", "ES", "DE"]))
    }

    @Test func theSevenTypicalCampaignsAreThere() {
        let campaigns = Self.demo.campaigns
        #expect(campaigns.count == 7)
        #expect(campaigns.map(\.reportingCurrency) == [.eur, .gbp, .nok, .jpy, .cny, .eur, .usd])
        #expect(Set(campaigns.map(\.status)) == [.active, .wrappingUp, .planning, .done])
        for campaign in campaigns {
            #expect(!campaign.goals.isEmpty && campaign.brief.keyMessage != nil && campaign.kpiTargets.reach != nil)
            #expect(campaign.startDate.map { abs($0.timeIntervalSince(Self.now)) < 200 * 86_400 } ?? false)
            #expect(campaign.endDate.map { abs($0.timeIntervalSince(Self.now)) < 250 * 86_400 } ?? false)
        }
        let china = campaigns.first { $0.reportingCurrency == .cny }
        let chinaDeals = Self.demo.deals.filter { $0.campaignID == china?.id }
        let chinaPlatforms = Set(chinaDeals.flatMap { $0.deliverables.map(\.platform) })
        #expect(chinaPlatforms.isSuperset(of: [.wechat, .douyin, .xiaohongshu]))
        let b2b = campaigns.first { $0.goals.contains(.leads) }
        #expect(Self.demo.deals.filter { $0.campaignID == b2b?.id }.flatMap(\.deliverables).contains { $0.platform == .linkedin })
    }

    @Test func dealsCoverEveryStageAndState() {
        let deals = Self.demo.deals
        let pipeline = StagePipeline.default
        #expect(Set(deals.map(\.stage)) == Set(pipeline.allStages.map(\.key)))
        #expect(deals.filter { pipeline.isSideExit($0.stage) }.allSatisfy { !($0.exitReason ?? "").isEmpty })
        let deliverables = deals.flatMap(\.deliverables)
        #expect(Set(deliverables.map(\.status)) == Set(DeliverableStatus.allCases))
        #expect(deliverables.filter(\.isLive).allSatisfy { $0.liveURL != nil && $0.results?.reach != nil && $0.postedAt != nil })
        #expect(deliverables.contains { $0.isOverdue(now: Self.now) })
        #expect(deliverables.contains { ($0.results?.revenue).map { !$0.isZero } ?? false })
        #expect(deliverables.contains { ($0.results?.codeUses ?? 0) > 0 && ($0.results?.conversions ?? 0) > 0 })
        let payments = deals.flatMap(\.payments)
        #expect(Set(payments.map(\.status)) == Set(PaymentStatus.allCases))
        #expect(payments.contains { $0.isOverdue(now: Self.now) })
        #expect(payments.filter { $0.status == .paid }.allSatisfy { $0.paidAt.map { $0 <= Self.now } ?? false })
        #expect(deals.contains { $0.offers.contains { $0.by == .us } && $0.offers.contains { $0.by == .them } })
        #expect(deals.contains { $0.contract.signedAt != nil && $0.contract.usageRights?.paidAds == true })
        #expect(deals.contains { $0.followUpCount >= 2 })
        #expect(deals.allSatisfy { $0.stageHistory.last?.to == $0.stage && $0.stageHistory.allSatisfy { $0.at <= Self.now } })
        #expect(deals.allSatisfy { $0.activities.allSatisfy { $0.at <= Self.now } && $0.createdAt <= $0.updatedAt })
        #expect(deals.contains { $0.activities.contains { $0.channel == .system && $0.summary.hasPrefix("Stage:") } })
        let codes = deals.compactMap(\.tracking.discountCode)
        #expect(codes.count >= 15 && Set(codes).count == codes.count)
        #expect(deals.contains { $0.tracking.referralLink?.hasPrefix("https://") == true })
    }

    @Test func everyDemoCurrencyIsUsedAndConvertible() throws {
        let demo = Self.demo
        let used = Set(demo.deals.flatMap { d in (d.agreedFee.map { [$0] } ?? []) + d.payments.map(\.amount) } + demo.campaigns.map(\.budget))
            .map(\.currency)
        #expect(Set(used) == [.eur, .usd, .gbp, .jpy, .uzs, .gel, .nok, .cny])
        let rates = demo.settings.currencyRates
        #expect(rates.rates.allSatisfy { $0.asOf < Self.now && $0.source != nil })
        for campaign in demo.campaigns {
            let summary = Budget.summary(for: campaign, deals: demo.deals, rates: rates)
            #expect(summary.isComplete, "\(campaign.name): missing \(summary.missingRates)")
            if campaign.status == .done || campaign.status == .wrappingUp { #expect(summary.paid.minorUnits > 0, "\(campaign.name)") }
        }
        let yen = try rates.convert(Money(major: 10_000, currency: .jpy), to: .gel)
        #expect(yen.converted.minorUnits > 0)
    }

    @Test func todayHasOverdueDueTodayAndUpcomingWork() {
        let items = Today.items(deals: Self.demo.deals, now: Self.now)
        let kinds = Set(items.map(\.kind))
        #expect(kinds.isSuperset(of: [.followUpOverdue, .followUpDue, .draftAwaitingReview, .deliverableOverdue, .deliverableDue,
                                      .paymentOverdue, .paymentDue, .rightsExpiring]))
        let endOfDay = Self.now.addingTimeInterval(14.5 * 3_600)  // 09:30 + 14.5 h = midnight UTC
        #expect(Self.demo.deals.contains { ($0.nextAction?.due).map { $0 > endOfDay } ?? false }, "upcoming follow-ups")
        #expect(items.filter { $0.kind == .followUpDue }.count >= 5)
    }

    @Test func templatesRenderWithoutGaps() throws {
        let templates = Self.demo.templates
        #expect((4...6).contains(templates.count))
        #expect(templates.contains { $0.language == "ja" })
        #expect(Set(templates.map(\.kind)).isSuperset(of: [.firstOutreach, .followUp, .brief]))
        let deal = try #require(Self.demo.deals.first { $0.tracking.discountCode != nil && $0.tracking.referralLink != nil })
        let influencer = Self.demo.influencers.first { $0.id == deal.influencerID }
        let campaign = Self.demo.campaigns.first { $0.id == deal.campaignID }
        let context = TemplateContext(recentPost: "your night-routine reel", deadline: Self.now.addingTimeInterval(10 * 86_400))
        for template in templates {
            let message = TemplateRenderer.render(template, influencer: influencer, campaign: campaign, deal: deal, context: context)
            #expect(message.isComplete, "\(template.name): missing \(message.missing), unknown \(message.unknown)")
        }
    }

    @Test func scaleTenThousandIsValidAndRealistic() {
        let demo = DemoData.make(now: Self.now, seed: 3, scale: 10_000)
        #expect(demo.influencers.count == 10_000)
        #expect((17_000...23_000).contains(demo.deals.count), "\(demo.deals.count) deals")
        #expect(demo.campaigns.count == 20)
        #expect(Set(demo.campaigns.map(\.status)) == Set(CampaignStatus.allCases))
        let issues = demo.validationIssues()
        #expect(issues.isEmpty, "\(issues.count) records with issues, e.g. \(issues.sorted { $0.key < $1.key }.prefix(5))")
        let tiers = demo.influencers.compactMap { $0.tier() }
        let small = tiers.filter { $0 == .nano || $0 == .micro }.count
        #expect(Double(small) / Double(tiers.count) > 0.75)
        #expect(Set(tiers) == Set(Tier.allCases))
        #expect(Set(demo.deals.map(\.stage)) == Set(StagePipeline.default.allStages.map(\.key)))
        let names = demo.influencers.map(\.displayName)
        for range: ClosedRange<UInt32> in [0x10D0...0x10FF, 0x0400...0x04FF, 0x4E00...0x9FFF, 0x3040...0x30FF] {
            #expect(names.contains { Self.contains($0, range) })
        }
    }

    @Test func scaledDataIsReproducible() {
        let a = DemoData.make(now: Self.now, seed: 9, scale: 400)
        let b = DemoData.make(now: Self.now, seed: 9, scale: 400)
        #expect(a == b)
        #expect(a.campaigns.count == 7)
        #expect(a.validationIssues().isEmpty)
    }
}
