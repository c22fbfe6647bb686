import Foundation

/// The little a roster filter and sort read of one creator, in one small value.
///
/// A filter over a 100k roster that reads each `Influencer` follows its accounts, their snapshots, tags and
/// niches through scattered heap blocks (and a dictionary look-up copies the 672-byte record first): about
/// 100 ms. The same pass over these facts, kept in an array beside the roster's order, takes a millisecond.
public struct RosterFacts: Hashable, Sendable {
    // 88 bytes, not 128: a missing number is a sentinel (no optional's tag byte and padding), and the country and
    // the language are numbers of values kept once per process. 100,000 creators' facts are read in order by every
    // roster sort and filter.
    private var followersValue: Int64 = .min
    private var engagementRateValue: Double = .nan
    private var lastContactValue = CompactDate(nil)
    /// Accounts on platforms outside `Platform.known` (rare; usually empty, which costs no allocation).
    public internal(set) var otherPlatforms: [Platform]
    public internal(set) var niches: [Niche]
    /// Lower-cased tags.
    public internal(set) var tags: [String]
    /// The main account's handle.
    public internal(set) var handle: String?
    /// Bit `i` set: the creator has an account on `Platform.known[i]`.
    public internal(set) var knownPlatforms: UInt32
    private var openDealsValue: UInt32 = 0
    private var countryNumber: UInt32 = 0
    private var languageNumber: UInt32 = 0
    public internal(set) var verdict: VettingVerdict
    public internal(set) var relationship: RelationshipStatus
    public internal(set) var doNotContact: Bool
    public internal(set) var archived: Bool

    /// Latest followers of the main account; the tier follows from it and the workspace's thresholds.
    public internal(set) var followers: Int? {
        get { followersValue == .min ? nil : Int(followersValue) }
        set { followersValue = newValue.map { Int64($0) } ?? .min }
    }

    /// The main account's latest engagement rate: the roster sorts by it (with the handle and the first language
    /// below), so a sort reads no full record.
    public internal(set) var engagementRate: Double? {
        get { engagementRateValue.isNaN ? nil : engagementRateValue }
        set { engagementRateValue = newValue ?? .nan }
    }

    /// The newest contact on any of the creator's deals, and how many of their deals are open: the Roster shows and
    /// sorts by both. A creator's record does not hold them; the app's workspace keeps them from the deal rows.
    public var lastContact: Date? {
        get { lastContactValue.date }
        set { lastContactValue = CompactDate(newValue) }
    }

    public var openDeals: Int {
        get { Int(openDealsValue) }
        set { openDealsValue = UInt32(clamping: newValue) }
    }

    /// Upper-cased country code.
    public internal(set) var country: String? {
        get { RosterFactValues.countries.value(countryNumber) }
        set { countryNumber = RosterFactValues.countries.number(newValue) }
    }

    /// The first language (lower-cased).
    public internal(set) var language: String? {
        get { RosterFactValues.languages.value(languageNumber) }
        set { languageNumber = RosterFactValues.languages.number(newValue) }
    }

    public init(_ influencer: Influencer) {
        (knownPlatforms, otherPlatforms) = Self.platformSets(influencer.accounts.map(\.platform))
        niches = influencer.niches
        handle = influencer.mainAccount?.handle
        tags = influencer.tags.map { $0.lowercased() }
        verdict = influencer.vetting.verdict
        relationship = influencer.relationship
        doNotContact = influencer.isDoNotContact
        archived = influencer.archived
        followers = influencer.followers
        country = influencer.country?.uppercased()
        engagementRate = influencer.engagementRate
        language = influencer.languages.first?.lowercased()
    }

    /// Facts as the folder index stored them (the deal facts are the workspace's to fill in).
    public init(platforms: [Platform], followers: Int?, niches: [Niche], country: String?, handle: String?,
                engagementRate: Double?, language: String?, tags: [String], verdict: VettingVerdict,
                relationship: RelationshipStatus, doNotContact: Bool, archived: Bool) {
        (knownPlatforms, otherPlatforms) = Self.platformSets(platforms)
        self.niches = niches
        self.handle = handle
        self.tags = tags
        self.verdict = verdict
        self.relationship = relationship
        self.doNotContact = doNotContact
        self.archived = archived
        self.followers = followers
        self.country = country
        self.engagementRate = engagementRate
        self.language = language
    }

    // Written out: the sentinels are compared as the values they stand for (NaN is not equal to itself).
    public static func == (a: RosterFacts, b: RosterFacts) -> Bool {
        a.followersValue == b.followersValue && a.engagementRate == b.engagementRate && a.lastContact == b.lastContact
            && a.otherPlatforms == b.otherPlatforms && a.niches == b.niches && a.tags == b.tags && a.handle == b.handle
            && a.knownPlatforms == b.knownPlatforms && a.openDealsValue == b.openDealsValue
            && a.countryNumber == b.countryNumber && a.languageNumber == b.languageNumber && a.verdict == b.verdict
            && a.relationship == b.relationship && a.doNotContact == b.doNotContact && a.archived == b.archived
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(followersValue)
        hasher.combine(engagementRate)
        hasher.combine(lastContact)
        hasher.combine(otherPlatforms)
        hasher.combine(niches)
        hasher.combine(tags)
        hasher.combine(handle)
        hasher.combine(knownPlatforms)
        hasher.combine(openDealsValue)
        hasher.combine(countryNumber)
        hasher.combine(languageNumber)
        hasher.combine(verdict)
        hasher.combine(relationship)
        hasher.combine(doNotContact)
        hasher.combine(archived)
    }

    /// The platforms the creator has accounts on, each once (known ones in `Platform.known` order): what the
    /// folder index stores, so its rows do not depend on the bit each platform has in this version.
    public var platforms: [Platform] {
        Platform.known.prefix(32).enumerated().compactMap { knownPlatforms & (UInt32(1) << UInt32($0.offset)) != 0 ? $0.element : nil }
            + otherPlatforms
    }

    private static func platformSets(_ platforms: [Platform]) -> (known: UInt32, others: [Platform]) {
        var known: UInt32 = 0
        var others: [Platform] = []
        for platform in platforms {
            if let bit = platformBits[platform] { known |= bit } else if !others.contains(platform) { others.append(platform) }
        }
        return (known, others)
    }

    /// One bit per known platform (there are fewer than 32).
    static let platformBits: [Platform: UInt32] = Dictionary(
        uniqueKeysWithValues: Platform.known.prefix(32).enumerated().map { ($0.element, UInt32(1) << UInt32($0.offset)) })
}

/// A `RosterFilter` prepared for testing many creators: sets turned into bit masks and lower-cased once.
public struct CompiledRosterFilter: Sendable {
    private let filter: RosterFilter
    private let thresholds: TierThresholds
    private let platformMask: UInt32
    private let otherPlatforms: Set<Platform>
    private let tags: Set<String>
    /// Per tier (in `Tier.allCases` order): whether the filter lets it through; a look-up per creator, no hashing.
    private let tierAllowed: [Bool]

    init(_ filter: RosterFilter, thresholds: TierThresholds) {
        self.filter = filter
        self.thresholds = thresholds
        tierAllowed = Tier.allCases.map(filter.tiers.contains)
        var mask: UInt32 = 0
        var others = Set<Platform>()
        for platform in filter.platforms {
            if let bit = RosterFacts.platformBits[platform] { mask |= bit } else { others.insert(platform) }
        }
        platformMask = mask
        otherPlatforms = others
        tags = Set(filter.tags.map { $0.lowercased() })
    }

    /// Whether the creator with these facts passes every active filter.
    public func matches(_ facts: RosterFacts) -> Bool {
        withUnsafePointer(to: facts) { matches($0) }
    }

    /// Positions in `facts` of the creators that pass, in order.
    public func positions(in facts: [RosterFacts]) -> [Int] {
        facts.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return buffer.indices.filter { matches(base + $0) }
        }
    }

    /// Reads each field in place through the pointer: passing the facts by value copied them and retained their
    /// arrays, which was most of a filter pass over 100k creators.
    private func matches(_ facts: UnsafePointer<RosterFacts>) -> Bool {
        if !filter.includeArchived && facts.pointee.archived { return false }
        if !filter.platforms.isEmpty, facts.pointee.knownPlatforms & platformMask == 0,
           otherPlatforms.isEmpty || !facts.pointee.otherPlatforms.contains(where: { otherPlatforms.contains($0) }) { return false }
        if !filter.tiers.isEmpty {
            guard let followers = facts.pointee.followers, tierAllowed[ordinal(thresholds.tier(forFollowers: followers))] else { return false }
        }
        if !filter.niches.isEmpty && !facts.pointee.niches.contains(where: { filter.niches.contains($0) }) { return false }
        if !filter.countries.isEmpty { guard let country = facts.pointee.country, filter.countries.contains(country) else { return false } }
        if !tags.isEmpty && !facts.pointee.tags.contains(where: { tags.contains($0) }) { return false }
        if !filter.verdicts.isEmpty && !filter.verdicts.contains(facts.pointee.verdict) { return false }
        if !filter.relationships.isEmpty && !filter.relationships.contains(facts.pointee.relationship) { return false }
        if let doNotContact = filter.doNotContact, facts.pointee.doNotContact != doNotContact { return false }
        return true
    }

    private func ordinal(_ tier: Tier) -> Int {
        switch tier {
        case .nano: 0
        case .micro: 1
        case .macro: 2
        case .mega: 3
        }
    }
}
