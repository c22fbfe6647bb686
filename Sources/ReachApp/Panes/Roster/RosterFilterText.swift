import ReachCore

/// A roster filter in words, for the line above the table ("Instagram · micro · LV").
enum RosterFilterText {
    static func describe(_ filter: RosterFilter) -> String {
        var parts: [String] = []
        parts += filter.platforms.sorted().map(\.displayName)
        parts += Tier.allCases.filter(filter.tiers.contains).map(\.displayName)
        parts += filter.niches.sorted().map(\.rawValue)
        parts += filter.countries.sorted()
        parts += filter.tags.sorted().map { "#" + $0 }
        parts += VettingVerdict.allCases.filter(filter.verdicts.contains).map { "vetting \($0.rawValue)" }
        parts += RelationshipStatus.allCases.filter(filter.relationships.contains).map(\.displayName)
        switch filter.doNotContact {
        case true?: parts.append("do-not-contact only")
        case false?: parts.append("hide do-not-contact")
        case nil: break
        }
        if filter.includeArchived { parts.append("incl. archived") }
        return parts.isEmpty ? "none" : parts.joined(separator: " · ")
    }
}
