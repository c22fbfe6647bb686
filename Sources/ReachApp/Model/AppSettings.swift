import ReachCore

/// A roster filter the user named so it can be recalled from the command palette.
public struct SavedRosterFilter: Codable, Sendable, Hashable {
    public var name: String
    public var platforms: [Platform]
    public var tiers: [Tier]
    public var niches: [Niche]
    public var countries: [String]
    public var tags: [String]
    public var verdicts: [VettingVerdict]
    public var relationships: [RelationshipStatus]
    public var doNotContact: Bool?

    public init(name: String, filter: RosterFilter) {
        self.name = name
        platforms = filter.platforms.sorted()
        tiers = filter.tiers.sorted()
        niches = filter.niches.sorted()
        countries = filter.countries.sorted()
        tags = filter.tags.sorted()
        verdicts = VettingVerdict.allCases.filter(filter.verdicts.contains)
        relationships = RelationshipStatus.allCases.filter(filter.relationships.contains)
        doNotContact = filter.doNotContact
    }

    public var filter: RosterFilter {
        RosterFilter(platforms: Set(platforms), tiers: Set(tiers), niches: Set(niches), countries: Set(countries),
                     tags: Set(tags), verdicts: Set(verdicts), relationships: Set(relationships), doNotContact: doNotContact)
    }
}

/// The `settings` object of `reach.json` as the app sees it: the domain's `WorkspaceSettings` plus app-only
/// entries (saved roster filters) in the same object, since `WorkspaceSettings` has no field for them.
public struct AppSettings: Codable, Sendable, Hashable {
    public var workspace: WorkspaceSettings
    public var savedRosterFilters: [SavedRosterFilter]

    public init(workspace: WorkspaceSettings = WorkspaceSettings(), savedRosterFilters: [SavedRosterFilter] = []) {
        self.workspace = workspace
        self.savedRosterFilters = savedRosterFilters
    }

    private enum CodingKeys: String, CodingKey { case savedRosterFilters }

    public init(from decoder: any Decoder) throws {
        workspace = try WorkspaceSettings(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        savedRosterFilters = try container.decodeIfPresent([SavedRosterFilter].self, forKey: .savedRosterFilters) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        try workspace.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(savedRosterFilters, forKey: .savedRosterFilters)
    }
}
