import Foundation
import ReachCore

/// Generates a roster of any size with campaigns spread over the last year and the next two months, for load tests and benchmarks.
enum DemoScaled {
    private static let day: Double = 86_400

    static func make(count: Int, now: Date, rng: DemoRandom) -> ([Influencer], [Campaign], [Deal]) {
        let campaigns = makeCampaigns(count: max(7, count / 500), now: now, rng: rng.fork(-2))
        // Specs in order (handles must be unique), then the expensive parts on every core.
        var usedHandles = Set<String>()
        var specRNG = rng.fork(-3)
        let specs = (0..<count).map { DemoNames.spec(index: $0, rng: &specRNG, usedHandles: &usedHandles) }
        let influencers = ParallelSlots.map(count) { index in
            var creatorRNG = rng.fork(index)
            return DemoCreatorFactory.make(specs[index], now: now, rng: &creatorRNG)
        }
        var planned: [(influencer: Int, campaign: Int, plan: DemoDealPlan)] = []
        planned.reserveCapacity(count * 2)
        var dealRNG = rng.fork(-4)
        for (index, influencer) in influencers.enumerated() where !influencer.isDoNotContact {
            let wanted = dealRNG.pick([0, 1, 2, 3, 4], weights: [10, 25, 30, 20, 15])
            var chosen = Set<Int>()
            // One deal per creator and campaign; a few extra draws make up for picking a campaign twice.
            for _ in 0..<(wanted * 3) where chosen.count < wanted {
                let campaign = pickCampaign(for: influencer, campaigns: campaigns, rng: &dealRNG)
                guard chosen.insert(campaign).inserted else { continue }
                planned.append((index, campaign, plan(for: campaigns[campaign].0, influencer: influencer, now: now, rng: &dealRNG)))
            }
        }
        let plans = planned
        let deals = ParallelSlots.map(plans.count) { index in
            let (influencer, campaign, plan) = plans[index]
            var builder = DemoDealBuilder(now: now, archetype: campaigns[campaign].1, campaign: campaigns[campaign].0,
                                          influencer: influencers[influencer], plan: plan, rng: rng.fork(count + index),
                                          codeTag: String(index, radix: 36).uppercased())
            var codes = Set<String>()
            return builder.build(codes: &codes)
        }
        return (influencers, campaigns.map(\.0), deals)
    }

    /// Statuses repeat in this pattern, so any count from 7 up has every status; dates follow from the status.
    private static let statusPattern: [CampaignStatus] = [.done, .active, .planning, .wrappingUp, .cancelled, .active, .done, .active, .done, .planning]

    /// Campaigns cycle through the seven archetypes and the status pattern, spread over the last year and the next two months.
    private static func makeCampaigns(count: Int, now: Date, rng: DemoRandom) -> [(Campaign, DemoCampaignArchetype)] {
        (0..<count).map { index in
            var r = rng.fork(index)
            let archetype = DemoCampaignArchetype.all[index % DemoCampaignArchetype.all.count]
            let status = statusPattern[index % statusPattern.count]
            let start: Double, end: Double
            switch status {
            case .done, .cancelled: end = -r.double(20...360); start = end - r.double(30...120)
            case .wrappingUp: end = -r.double(1...13); start = end - r.double(40...120)
            case .active: start = -r.double(5...60); end = r.double(10...90)
            case .planning: start = r.double(5...60); end = start + r.double(30...120)
            }
            let wave = index / DemoCampaignArchetype.all.count
            let startDate = now.addingTimeInterval(start * day)
            let created = min(now, startDate).addingTimeInterval(-r.double(10...40) * day)
            let budget = DemoMoney.roundNicely(Double(archetype.budgetMajor) * r.double(0.4...1.6))
            let campaign = archetype.campaign(
                id: r.recordID(at: created), createdAt: created, name: wave == 0 ? archetype.name : "\(archetype.name) — wave \(wave + 1)",
                status: status, start: startDate, end: now.addingTimeInterval(end * day), owner: r.pick(DemoCreatorFactory.owners),
                budgetMajor: budget, notes: status == .cancelled ? "Cancelled by the client after a budget freeze." : nil)
            return (campaign, archetype)
        }
    }

    /// A few random tries for a campaign whose market or niche fits the creator, else any.
    private static func pickCampaign(for influencer: Influencer, campaigns: [(Campaign, DemoCampaignArchetype)], rng: inout DemoRandom) -> Int {
        var index = rng.int(0...campaigns.count - 1)
        for _ in 0..<6 {
            let archetype = campaigns[index].1
            let countryFits = influencer.country.map(archetype.countries.contains) ?? false
            let nicheFits = influencer.niches.contains { archetype.niches.contains($0) }
            if countryFits && nicheFits || (countryFits || nicheFits) && rng.chance(0.3) { return index }
            index = rng.int(0...campaigns.count - 1)
        }
        return index
    }

    private static let exitReasons: [StageKey: [String]] = [
        .declined: ["Fully booked this quarter", "Fee too low for the usage rights asked", "Does not work with this category",
                    "Exclusive with a competitor", "Not comfortable with the product"],
        .rejected: ["Audience mostly outside the target market", "Vetting: suspicious follower growth", "Rate far above budget",
                    "Brand-safety concern in older posts", "Engagement too low for the fee"],
        .lost: ["No reply after follow-ups", "Stopped replying during negotiation", "Campaign timing moved; creator dropped out",
                "Went quiet after receiving the product"],
    ]

    /// Stage and timing that fit the campaign's status: planning campaigns are early in the pipeline, finished ones closed.
    private static func plan(for campaign: Campaign, influencer: Influencer, now: Date, rng: inout DemoRandom) -> DemoDealPlan {
        let stages: [StageKey]
        let weights: [Double]
        switch campaign.status {
        case .planning:
            stages = [.prospect, .vetting, .shortlisted, .contacted, .negotiating, .contracted, .declined, .lost]
            weights = [20, 14, 14, 20, 12, 8, 6, 6]
        case .active:
            stages = [.prospect, .vetting, .shortlisted, .contacted, .negotiating, .contracted, .inProduction, .contentReview,
                      .published, .reporting, .complete, .declined, .rejected, .lost]
            weights = [8, 6, 6, 12, 8, 6, 10, 6, 10, 5, 5, 6, 4, 8]
        case .wrappingUp:
            stages = [.published, .reporting, .complete, .declined, .rejected, .lost]
            weights = [20, 25, 35, 6, 4, 10]
        case .done, .cancelled:
            stages = [.complete, .declined, .rejected, .lost]
            weights = campaign.status == .done ? [60, 12, 8, 20] : [10, 30, 10, 50]
        }
        var stage = rng.pick(stages, weights: weights)
        if influencer.vetting.verdict == .rejected && !StagePipeline.default.isSideExit(stage) { stage = .rejected }
        let pipeline = StagePipeline.default
        var days: Double
        if let end = campaign.endDate, end < now, pipeline.isClosed(stage) {
            days = now.timeIntervalSince(end) / day + rng.double(-5...15)
        } else {
            let stall = Double(pipeline.definition(for: stage)?.stallAfterDays ?? 14)
            days = rng.double(0...(stall * 1.3))
        }
        days = max(0.1, days)
        let reached: StageKey
        switch stage {
        case .rejected: reached = rng.pick([.vetting, .shortlisted, .negotiating])
        case .declined: reached = rng.pick([.contacted, .negotiating])
        case .lost: reached = rng.pick([.contacted, .contacted, .negotiating, .contracted])
        default: reached = .contacted
        }
        let local = DemoMoney.currency(forCountry: influencer.country ?? "")
        return DemoDealPlan(
            stage, days: days, reached: reached, exit: exitReasons[stage].map { rng.pick($0) },
            currency: local != campaign.reportingCurrency && rng.chance(0.15) ? local : nil,
            followUps: stage == .contacted || stage == .lost ? rng.int(0...3) : 0)
    }
}
