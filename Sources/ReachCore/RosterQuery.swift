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

/// The roster columns a list can be sorted by.
public enum RosterSortKey: String, Codable, Sendable, CaseIterable {
    case name, followers, engagementRate, tier, platform, country, city, relationship, verdict, vettingScore,
         metricAge, createdAt, updatedAt
}

/// A sort order for the roster; missing values always sort last, ties break by name then id (stable across runs).
public struct RosterSort: Hashable, Sendable {
    public var key: RosterSortKey
    public var ascending: Bool

    public init(_ key: RosterSortKey = .name, ascending: Bool = true) {
        self.key = key
        self.ascending = ascending
    }

    private enum Value: Comparable {
        case int(Int), double(Double), text(String)
    }

    private func value(_ inf: Influencer, thresholds: TierThresholds) -> Value? {
        switch key {
        case .name: return .text(TextFolding.fold(inf.displayName))
        case .followers: return inf.followers.map(Value.int)
        case .engagementRate: return inf.engagementRate.map(Value.double)
        case .tier: return inf.tier(thresholds: thresholds).flatMap { Tier.allCases.firstIndex(of: $0) }.map(Value.int)
        case .platform: return inf.mainAccount.map { .text($0.platform.displayName.lowercased()) }
        case .country: return inf.country.map { .text($0.uppercased()) }
        case .city: return inf.city.map { .text(TextFolding.fold($0)) }
        case .relationship: return RelationshipStatus.allCases.firstIndex(of: inf.relationship).map(Value.int)
        case .verdict: return VettingVerdict.allCases.firstIndex(of: inf.vetting.verdict).map(Value.int)
        case .vettingScore: return inf.vetting.score.map(Value.int)
        case .metricAge: return inf.mainAccount?.latestFollowers.map { .double(-$0.asOf.timeIntervalSince1970) }
        case .createdAt: return .double(inf.createdAt.timeIntervalSince1970)
        case .updatedAt: return .double(inf.updatedAt.timeIntervalSince1970)
        }
    }

    /// Sorted copy of `roster`.
    public func apply(to roster: [Influencer], thresholds: TierThresholds = .standard) -> [Influencer] {
        order(of: roster, thresholds: thresholds).map { roster[$0] }
    }

    /// Positions in `roster` in sorted order, of every record or only of `subset` (positions, e.g. from
    /// `RosterFilter.indices(in:)`). Sorts positions rather than the large records, and folds a name only
    /// when two values tie, because folding every name costs more than the sort itself on a 100k roster.
    public func order(of roster: [Influencer], subset: [Int]? = nil, thresholds: TierThresholds = .standard) -> [Int] {
        let positions = subset ?? Array(roster.indices)
        let values = roster.withUnsafeBufferPointer { records in positions.map { value(records[$0], thresholds: thresholds) } }
        var names = [String?](repeating: nil, count: positions.count)
        if key == .name {
            for (slot, value) in values.enumerated() { if case .text(let folded) = value { names[slot] = folded } }
        }
        func name(_ slot: Int) -> String {
            if let folded = names[slot] { return folded }
            let folded = TextFolding.fold(roster[positions[slot]].displayName)
            names[slot] = folded
            return folded
        }
        let slots = positions.indices.sorted { a, b in
            switch (values[a], values[b]) {
            case let (x?, y?) where x != y: return ascending ? x < y : x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                let (nameA, nameB) = (name(a), name(b))
                return nameA != nameB ? nameA < nameB : roster[positions[a]].id < roster[positions[b]].id
            }
        }
        return slots.map { positions[$0] }
    }
}
