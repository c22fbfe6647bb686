import Foundation

/// Roster filters; empty sets mean "any". Pure, so the app can combine them with search.
public struct RosterFilter: Hashable, Sendable {
    public var platforms: Set<Platform>
    public var tiers: Set<Tier>
    public var niches: Set<Niche>
    /// ISO country codes (upper-case).
    public var countries: Set<String>
    public var tags: Set<String>
    public var verdicts: Set<VettingVerdict>
    public var relationships: Set<RelationshipStatus>
    /// nil: any; true: only do-not-contact; false: hide do-not-contact.
    public var doNotContact: Bool?
    public var includeArchived: Bool

    public init(platforms: Set<Platform> = [], tiers: Set<Tier> = [], niches: Set<Niche> = [], countries: Set<String> = [],
                tags: Set<String> = [], verdicts: Set<VettingVerdict> = [], relationships: Set<RelationshipStatus> = [],
                doNotContact: Bool? = nil, includeArchived: Bool = false) {
        self.platforms = platforms
        self.tiers = tiers
        self.niches = niches
        self.countries = countries
        self.tags = tags
        self.verdicts = verdicts
        self.relationships = relationships
        self.doNotContact = doNotContact
        self.includeArchived = includeArchived
    }

    public var isEmpty: Bool { self == RosterFilter() }

    /// Whether `inf` passes every active filter.
    public func matches(_ inf: Influencer, thresholds: TierThresholds = .standard) -> Bool {
        compiled(thresholds: thresholds).matches(RosterFacts(inf))
    }

    /// This filter prepared for testing many creators' `RosterFacts`.
    public func compiled(thresholds: TierThresholds = .standard) -> CompiledRosterFilter {
        CompiledRosterFilter(self, thresholds: thresholds)
    }

    public func apply(to roster: [Influencer], thresholds: TierThresholds = .standard) -> [Influencer] {
        indices(in: roster, thresholds: thresholds).map { roster[$0] }
    }

    /// Positions in `roster` of the influencers that pass, in order. A table can show the filtered view through
    /// these without copying records, which on a 100k roster costs more than the filtering itself.
    public func indices(in roster: [Influencer], thresholds: TierThresholds = .standard) -> [Int] {
        let compiled = compiled(thresholds: thresholds)
        // Through a buffer so each record is borrowed, not copied (a copy retains some thirty references).
        return roster.withUnsafeBufferPointer { records in records.indices.filter { compiled.matches(RosterFacts(records[$0])) } }
    }
}
