import Foundation

/// The roster-level relationship with a creator, separate from any deal's pipeline stage.
public enum RelationshipStatus: String, Codable, Sendable, CaseIterable {
    case prospect
    case gifted
    case activePartner
    case ambassador
    case inactive
    case doNotContact

    public var displayName: String {
        switch self {
        case .prospect: return "Prospect"
        case .gifted: return "Gifted"
        case .activePartner: return "Active partner"
        case .ambassador: return "Ambassador"
        case .inactive: return "Inactive"
        case .doNotContact: return "Do not contact"
        }
    }
}

/// A creator on the roster, with all their platform accounts, audience, vetting and rates.
public struct Influencer: Record, Hashable, Identifiable {
    public static let kind: RecordKind = .influencer
    public static let currentSchemaVersion = 1

    public var id: RecordID
    public var schemaVersion: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var revision: Int

    /// The name shown everywhere; any script (Latvian, Georgian, CJK, emoji).
    public var displayName: String
    public var realName: String?
    /// Preferred first name for greetings; falls back to the first word of `realName`/`displayName`.
    public var firstName: String?
    public var contact: ContactInfo
    public var agent: AgentContact?
    /// ISO 3166 alpha-2 country code ("LV", "GE", "JP").
    public var country: String?
    public var city: String?
    /// BCP 47 language codes, preferred first ("lv", "ru", "en").
    public var languages: [String]
    /// IANA time zone identifier ("Asia/Tbilisi").
    public var timeZone: String?
    public var tags: [String]
    public var niches: [Niche]
    public var notes: String?
    public var relationship: RelationshipStatus
    /// Hard stop for outreach; keep `doNotContactReason` to explain why.
    public var doNotContact: Bool
    public var doNotContactReason: String?
    public var accounts: [PlatformAccount]
    public var audience: Audience?
    public var vetting: Vetting
    public var rateCard: RateCard
    public var rating: CreatorRating?
    public var consent: DataConsent?
    /// Soft delete: archived creators stay in reports.
    public var archived: Bool

    public init(id: RecordID, createdAt: Date, updatedAt: Date? = nil, revision: Int = 1,
                schemaVersion: Int = Influencer.currentSchemaVersion,
                displayName: String, realName: String? = nil, firstName: String? = nil,
                contact: ContactInfo = ContactInfo(), agent: AgentContact? = nil,
                country: String? = nil, city: String? = nil, languages: [String] = [], timeZone: String? = nil,
                tags: [String] = [], niches: [Niche] = [], notes: String? = nil,
                relationship: RelationshipStatus = .prospect, doNotContact: Bool = false, doNotContactReason: String? = nil,
                accounts: [PlatformAccount] = [], audience: Audience? = nil, vetting: Vetting = Vetting(),
                rateCard: RateCard = RateCard(), rating: CreatorRating? = nil, consent: DataConsent? = nil,
                archived: Bool = false) {
        self.id = id
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
        self.displayName = displayName
        self.realName = realName
        self.firstName = firstName
        self.contact = contact
        self.agent = agent
        self.country = country
        self.city = city
        self.languages = languages
        self.timeZone = timeZone
        self.tags = tags
        self.niches = niches
        self.notes = notes
        self.relationship = relationship
        self.doNotContact = doNotContact
        self.doNotContactReason = doNotContactReason
        self.accounts = accounts
        self.audience = audience
        self.vetting = vetting
        self.rateCard = rateCard
        self.rating = rating
        self.consent = consent
        self.archived = archived
    }

    /// The account that decides the tier: the one marked main, else the one with most followers, else the first.
    public var mainAccount: PlatformAccount? { mainAccountIndex.map { accounts[$0] } }

    /// Position of `mainAccount` in `accounts`: filters and sorts read it without copying the account.
    var mainAccountIndex: Int? {
        if let main = accounts.firstIndex(where: { $0.isMain }) { return main }
        return accounts.indices.max { (accounts[$0].latestFollowers?.value ?? -1) < (accounts[$1].latestFollowers?.value ?? -1) }
    }

    /// Marks the account with `accountID` as main (and no other).
    public mutating func setMainAccount(_ accountID: UUID) {
        for i in accounts.indices { accounts[i].isMain = accounts[i].id == accountID }
    }

    /// Name used in greetings (`{first_name}`).
    public var greetingName: String {
        if let f = firstName, !f.isEmpty { return f }
        let source = (realName?.isEmpty == false ? realName : nil) ?? displayName
        return source.split(separator: " ").first.map(String.init) ?? source
    }

    /// True when outreach must not happen (flag set or relationship says so).
    public var isDoNotContact: Bool { doNotContact || relationship == .doNotContact }

    /// The account on `platform`, if any.
    public func account(on platform: Platform) -> PlatformAccount? { accounts.first { $0.platform == platform } }
}
