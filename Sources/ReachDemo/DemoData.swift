import Foundation
import ReachCore

/// The demo data set behind `reach demo`: a hand-written one for trying Reach, or a generated one of any size for load tests.
///
/// Pure and reproducible: the same `now`, `seed` and `scale` always give the same records (ids included).
public enum DemoData {
    /// Without `scale`: about 70 hand-written creators and the seven typical campaigns of the domain brief.
    /// With `scale: N`: N generated creators, max(7, N/500) campaigns and about 2 deals per creator.
    public static func make(now: Date, seed: UInt64, scale: Int? = nil) -> DemoWorkspace {
        let rng = DemoRandom(seed: seed)
        var templateRNG = rng.fork(-1)
        let templates = DemoTemplates.make(now: now, rng: &templateRNG)
        let settings = DemoSettings.make(now: now)
        if let scale {
            let (influencers, campaigns, deals) = DemoScaled.make(count: max(0, scale), now: now, rng: rng)
            return DemoWorkspace(influencers: influencers, campaigns: campaigns, deals: deals, templates: templates, settings: settings)
        }
        let (influencers, campaigns, deals) = curated(now: now, rng: rng)
        return DemoWorkspace(influencers: influencers, campaigns: campaigns, deals: deals, templates: templates, settings: settings)
    }

    private static func curated(now: Date, rng: DemoRandom) -> ([Influencer], [Campaign], [Deal]) {
        var byHandle: [String: Influencer] = [:]
        let influencers = DemoRoster.creators.enumerated().map { index, spec in
            var creatorRNG = rng.fork(index)
            let influencer = DemoCreatorFactory.make(spec, now: now, rng: &creatorRNG)
            byHandle[spec.mainHandle] = influencer
            return influencer
        }
        var campaigns: [Campaign] = []
        var deals: [Deal] = []
        var codes = Set<String>()
        for (index, plan) in DemoCuratedPlan.campaigns.enumerated() {
            var campaignRNG = rng.fork(1_000_000 + index)
            let start = now.addingTimeInterval(plan.startInDays * 86_400)
            let created = min(now, start).addingTimeInterval(-Double(campaignRNG.int(14...40)) * 86_400)
            let campaign = plan.archetype.campaign(
                id: campaignRNG.recordID(at: created), createdAt: created, name: plan.archetype.name, status: plan.status,
                start: start, end: now.addingTimeInterval(plan.endInDays * 86_400), owner: plan.owner,
                budgetMajor: plan.archetype.budgetMajor, notes: plan.notes)
            campaigns.append(campaign)
            for (dealIndex, (handle, dealPlan)) in plan.deals.enumerated() {
                // A plan naming a creator not on the roster is a bug in the plan; the tests count every planned deal.
                guard let influencer = byHandle[handle] else { continue }
                var builder = DemoDealBuilder(now: now, archetype: plan.archetype, campaign: campaign, influencer: influencer,
                                              plan: dealPlan, rng: campaignRNG.fork(dealIndex))
                deals.append(builder.build(codes: &codes))
            }
        }
        return (influencers, campaigns, deals)
    }
}
