import Foundation

/// Where a campaign is in its life.
public enum CampaignStatus: String, Codable, Sendable, CaseIterable {
    case planning, active, wrappingUp, done, cancelled

    public var displayName: String {
        switch self {
        case .planning: return "Planning"
        case .active: return "Active"
        case .wrappingUp: return "Wrapping up"
        case .done: return "Done"
        case .cancelled: return "Cancelled"
        }
    }
}

/// What a campaign is for.
public enum CampaignGoal: String, Codable, Sendable, CaseIterable {
    case awareness, reach, traffic, leads, sales, productLaunch, followerGrowth, reputation, ugc

    /// As documents print it: "Product launch", "UGC".
    public var displayName: String {
        switch self {
        case .productLaunch: return "Product launch"
        case .followerGrowth: return "Follower growth"
        case .ugc: return "UGC"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// The marketing-funnel stage a campaign addresses.
public enum FunnelStage: String, Codable, Sendable, CaseIterable {
    case awareness, consideration, conversion, loyalty
}

/// Who a campaign wants to reach.
public struct TargetAudience: Hashable, Codable, Sendable {
    /// ISO country codes or region names.
    public var countries: [String]
    public var languages: [String]
    /// e.g. "18-34".
    public var ageRange: String?
    public var gender: String?
    public var interests: [String]

    public init(countries: [String] = [], languages: [String] = [], ageRange: String? = nil, gender: String? = nil,
                interests: [String] = []) {
        self.countries = countries
        self.languages = languages
        self.ageRange = ageRange
        self.gender = gender
        self.interests = interests
    }

    /// True when nothing is targeted: the brief then has no audience section.
    public var isEmpty: Bool {
        countries.isEmpty && languages.isEmpty && interests.isEmpty && blank(ageRange) && blank(gender)
    }
}

/// The brief sent to every creator in a campaign.
public struct CampaignBrief: Hashable, Codable, Sendable {
    public var keyMessage: String?
    public var dos: [String]
    public var donts: [String]
    public var brandVoice: String?
    public var callToAction: String?
    public var link: String?
    /// How discount codes are issued ("one code per creator, 15% off, valid 30 days").
    public var discountCodePolicy: String?
    public var deliverablesSummary: String?
    public var timeline: String?
    public var approvalProcess: String?
    /// e.g. "#ad in first line; FTC (US) / EU rules".
    public var disclosureRule: String?
    public var paymentTerms: String?
    public var reportingRequired: String?

    public init(keyMessage: String? = nil, dos: [String] = [], donts: [String] = [], brandVoice: String? = nil,
                callToAction: String? = nil, link: String? = nil, discountCodePolicy: String? = nil,
                deliverablesSummary: String? = nil, timeline: String? = nil, approvalProcess: String? = nil,
                disclosureRule: String? = nil, paymentTerms: String? = nil, reportingRequired: String? = nil) {
        self.keyMessage = keyMessage
        self.dos = dos
        self.donts = donts
        self.brandVoice = brandVoice
        self.callToAction = callToAction
        self.link = link
        self.discountCodePolicy = discountCodePolicy
        self.deliverablesSummary = deliverablesSummary
        self.timeline = timeline
        self.approvalProcess = approvalProcess
        self.disclosureRule = disclosureRule
        self.paymentTerms = paymentTerms
        self.reportingRequired = reportingRequired
    }

    /// True when no field holds more than whitespace: there is nothing to send a creator.
    public var isEmpty: Bool {
        dos.allSatisfy { blank($0) } && donts.allSatisfy { blank($0) }
            && [keyMessage, brandVoice, callToAction, link, discountCodePolicy, deliverablesSummary, timeline, approvalProcess,
                disclosureRule, paymentTerms, reportingRequired].allSatisfy(blank)
    }
}

/// Targets for a campaign's KPIs; each optional because few campaigns set all. Money targets are in the campaign currency.
public struct KPITargets: Hashable, Codable, Sendable {
    public var reach: Int?
    public var impressions: Int?
    public var views: Int?
    public var engagements: Int?
    /// Percent.
    public var engagementRate: Double?
    public var clicks: Int?
    public var conversions: Int?
    public var revenue: Money?
    public var cpm: Money?
    public var cpe: Money?
    public var cpc: Money?
    public var cpa: Money?
    /// Percent.
    public var roi: Double?
    public var brandMentions: Int?
    public var newFollowers: Int?

    public init(reach: Int? = nil, impressions: Int? = nil, views: Int? = nil, engagements: Int? = nil,
                engagementRate: Double? = nil, clicks: Int? = nil, conversions: Int? = nil, revenue: Money? = nil,
                cpm: Money? = nil, cpe: Money? = nil, cpc: Money? = nil, cpa: Money? = nil, roi: Double? = nil,
                brandMentions: Int? = nil, newFollowers: Int? = nil) {
        self.reach = reach
        self.impressions = impressions
        self.views = views
        self.engagements = engagements
        self.engagementRate = engagementRate
        self.clicks = clicks
        self.conversions = conversions
        self.revenue = revenue
        self.cpm = cpm
        self.cpe = cpe
        self.cpc = cpc
        self.cpa = cpa
        self.roi = roi
        self.brandMentions = brandMentions
        self.newFollowers = newFollowers
    }
}

/// A brand's campaign: the container for deals, with budget, brief and KPI targets.
public struct Campaign: Record, Hashable, Identifiable {
    public static let kind: RecordKind = .campaign
    public static let currentSchemaVersion = 1

    public var id: RecordID
    public var schemaVersion: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var revision: Int

    public var name: String
    /// Brand or client.
    public var brand: String
    public var product: String?
    /// Account manager responsible.
    public var owner: String?
    public var status: CampaignStatus
    public var startDate: Date?
    public var endDate: Date?
    public var goals: Set<CampaignGoal>
    public var funnelStage: FunnelStage?
    public var targetAudience: TargetAudience
    /// Total budget; its currency is the campaign's reporting currency.
    public var budget: Money
    public var brief: CampaignBrief
    public var kpiTargets: KPITargets
    /// Referral-link template, e.g. `https://brand.com/serum?utm_source={platform}&utm_medium=influencer&utm_campaign={campaign}&utm_content={handle}`.
    public var utmTemplate: String?
    public var notes: String?
    public var archived: Bool

    public init(id: RecordID, createdAt: Date, updatedAt: Date? = nil, revision: Int = 1,
                schemaVersion: Int = Campaign.currentSchemaVersion,
                name: String, brand: String, product: String? = nil, owner: String? = nil,
                status: CampaignStatus = .planning, startDate: Date? = nil, endDate: Date? = nil,
                goals: Set<CampaignGoal> = [], funnelStage: FunnelStage? = nil,
                targetAudience: TargetAudience = TargetAudience(), budget: Money,
                brief: CampaignBrief = CampaignBrief(), kpiTargets: KPITargets = KPITargets(),
                utmTemplate: String? = nil, notes: String? = nil, archived: Bool = false) {
        self.id = id
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
        self.name = name
        self.brand = brand
        self.product = product
        self.owner = owner
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.goals = goals
        self.funnelStage = funnelStage
        self.targetAudience = targetAudience
        self.budget = budget
        self.brief = brief
        self.kpiTargets = kpiTargets
        self.utmTemplate = utmTemplate
        self.notes = notes
        self.archived = archived
    }

    /// The campaign's reporting currency (the budget's currency).
    public var reportingCurrency: CurrencyCode { budget.currency }
}

extension Campaign {
    /// As synthesized, except that `goals` (a set) is written in the goals' declared order: a set's own order
    /// changes from process to process, so the campaign's file, its exports and a git diff would change with
    /// nothing changed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(revision, forKey: .revision)
        try c.encode(name, forKey: .name)
        try c.encode(brand, forKey: .brand)
        try c.encodeIfPresent(product, forKey: .product)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(startDate, forKey: .startDate)
        try c.encodeIfPresent(endDate, forKey: .endDate)
        try c.encode(CampaignGoal.allCases.filter(goals.contains), forKey: .goals)
        try c.encodeIfPresent(funnelStage, forKey: .funnelStage)
        try c.encode(targetAudience, forKey: .targetAudience)
        try c.encode(budget, forKey: .budget)
        try c.encode(brief, forKey: .brief)
        try c.encode(kpiTargets, forKey: .kpiTargets)
        try c.encodeIfPresent(utmTemplate, forKey: .utmTemplate)
        try c.encodeIfPresent(notes, forKey: .notes)
        try c.encode(archived, forKey: .archived)
    }
}
