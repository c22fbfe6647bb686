import Foundation
import ReachDemo
import Testing
@testable import ReachCore

/// `CompiledRosterFilter` over `RosterFacts` against the filter's meaning spelled out on the full record.
@Suite struct RosterFactsTests {
    static let roster = DemoData.make(now: Date(timeIntervalSince1970: 1_741_944_600), seed: 42, scale: 800).influencers

    /// The filter's rules, written directly against `Influencer` as the filter form describes them.
    static func oracle(_ filter: RosterFilter, _ inf: Influencer, _ thresholds: TierThresholds) -> Bool {
        if !filter.includeArchived && inf.archived { return false }
        if !filter.platforms.isEmpty && Set(inf.accounts.map(\.platform)).isDisjoint(with: filter.platforms) { return false }
        if !filter.tiers.isEmpty {
            guard let followers = inf.followers, filter.tiers.contains(thresholds.tier(forFollowers: followers)) else { return false }
        }
        if !filter.niches.isEmpty && Set(inf.niches).isDisjoint(with: filter.niches) { return false }
        if !filter.countries.isEmpty && !filter.countries.contains(inf.country?.uppercased() ?? "") { return false }
        if !filter.tags.isEmpty && Set(inf.tags.map { $0.lowercased() }).isDisjoint(with: filter.tags.map { $0.lowercased() }) { return false }
        if !filter.verdicts.isEmpty && !filter.verdicts.contains(inf.vetting.verdict) { return false }
        if !filter.relationships.isEmpty && !filter.relationships.contains(inf.relationship) { return false }
        if let dnc = filter.doNotContact, inf.isDoNotContact != dnc { return false }
        return true
    }

    static func randomFilter(_ rng: inout SeededRNG) -> RosterFilter {
        func some<T>(_ all: [T]) -> [T] { all.filter { _ in rng.next() % 4 == 0 } }
        let tags = Set(roster.flatMap(\.tags)).sorted()
        let countries = Set(roster.compactMap(\.country)).sorted()
        return RosterFilter(
            platforms: Set(some(Platform.known + ["mastodon"])), tiers: Set(some(Tier.allCases)),
            niches: Set(some(Niche.suggested)), countries: Set(some(countries).map { $0.uppercased() }),
            tags: Set(some(tags).map { rng.next() % 2 == 0 ? $0.uppercased() : $0 }),
            verdicts: Set(some(VettingVerdict.allCases)), relationships: Set(some(RelationshipStatus.allCases)),
            doNotContact: [nil, true, false][Int(rng.next() % 3)], includeArchived: rng.next() % 2 == 0)
    }

    @Test func compiledFilterAgreesWithTheRulesOnEveryCreator() {
        var rng = SeededRNG(seed: 4)
        var roster = Self.roster
        roster[0].accounts[0].platform = "mastodon" // a platform outside the known list
        let facts = roster.map(RosterFacts.init)
        let thresholds = TierThresholds(micro: 5_000, macro: 50_000, mega: 500_000)
        var everKept = 0
        for _ in 0..<300 {
            let filter = Self.randomFilter(&rng)
            let expected = roster.indices.filter { Self.oracle(filter, roster[$0], thresholds) }
            #expect(filter.compiled(thresholds: thresholds).positions(in: facts) == expected, "\(filter)")
            #expect(filter.indices(in: roster, thresholds: thresholds) == expected)
            everKept += expected.count
        }
        #expect(everKept > 0, "the random filters should keep someone sometimes")
    }

    @Test func singleFiltersKeepWhatTheySay() {
        let facts = Self.roster.map(RosterFacts.init)
        let instagram = RosterFilter(platforms: [.instagram]).compiled().positions(in: facts)
        #expect(!instagram.isEmpty && instagram.count < Self.roster.count)
        #expect(instagram.allSatisfy { Self.roster[$0].accounts.contains { $0.platform == .instagram } })
        let lower = RosterFilter(countries: ["LV"]).compiled().positions(in: facts)
        #expect(lower.allSatisfy { Self.roster[$0].country?.uppercased() == "LV" })
    }

    /// The facts are stored compactly (sentinels for missing numbers, shared numbers for country and language): each
    /// value reads back as it was given, nil included, and equal facts hash alike.
    @Test func everyFactReadsBackAsGivenNilIncluded() {
        for creator in Self.roster.prefix(200) {
            let facts = RosterFacts(creator)
            #expect(facts.followers == creator.followers)
            #expect(facts.engagementRate == creator.engagementRate)
            #expect(facts.country == creator.country?.uppercased())
            #expect(facts.language == creator.languages.first?.lowercased())
            #expect(facts.handle == creator.mainAccount?.handle)
            #expect(facts.lastContact == nil && facts.openDeals == 0)
            var changed = facts
            changed.lastContact = Date(timeIntervalSinceReferenceDate: 12_345.5)
            changed.openDeals = 7
            #expect(changed.lastContact == Date(timeIntervalSinceReferenceDate: 12_345.5) && changed.openDeals == 7)
            #expect(changed != facts)
            changed.lastContact = nil
            changed.openDeals = 0
            #expect(changed == facts && changed.hashValue == facts.hashValue)
        }
        let bare = RosterFacts(platforms: [], followers: nil, niches: [], country: nil, handle: nil, engagementRate: nil,
                               language: nil, tags: [], verdict: .pending, relationship: .prospect, doNotContact: false, archived: false)
        #expect(bare.followers == nil && bare.engagementRate == nil && bare.country == nil && bare.language == nil)
        let full = RosterFacts(platforms: [.instagram], followers: 0, niches: [], country: "LV", handle: "a", engagementRate: 0,
                               language: "lv", tags: [], verdict: .pending, relationship: .prospect, doNotContact: false, archived: false)
        #expect(full.followers == 0 && full.engagementRate == 0 && full.country == "LV" && full.language == "lv")
        #expect(bare != full)
    }
}
