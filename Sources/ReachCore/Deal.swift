import Foundation

/// One influencer in one campaign: the unit of the pipeline, carrying negotiation, contract, deliverables, payments and timeline.
public struct Deal: Record, Hashable, Identifiable {
    public static let kind: RecordKind = .deal
    public static let currentSchemaVersion = 1

    public var id: RecordID
    public var schemaVersion: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var revision: Int

    public var influencerID: RecordID
    public var campaignID: RecordID
    /// Account manager handling the deal.
    public var owner: String?
    public var stage: StageKey
    /// When the deal entered each stage, oldest first; the last entry matches `stage`.
    public var stageHistory: [StageChange]
    /// Reason for the current side exit (Declined / Rejected / Lost).
    public var exitReason: String?
    public var source: DealSource?
    public var partnershipType: PartnershipType
    public var compensation: Compensation
    public var pricing: Pricing
    public var offers: [Offer]
    /// The agreed fee; nil until agreed (gifted deals may never have one).
    public var agreedFee: Money?
    public var contract: ContractTerms
    public var deliverables: [Deliverable]
    public var tracking: Tracking
    public var payments: [Payment]
    public var activities: [Activity]
    public var nextAction: NextAction?
    /// Follow-ups sent without a reply (reset by logging an inbound contact).
    public var followUpCount: Int
    public var notes: String?
    public var archived: Bool
    /// Dated results read by `reach import results` (nil when none: older files stay as they were).
    /// How they combine with hand-entered results: `Deal.resultLines`.
    public var importedResults: [ImportedResult]?

    /// A new deal; when `stageHistory` is empty it starts with an entry for `stage` at `createdAt`.
    public init(id: RecordID, createdAt: Date, updatedAt: Date? = nil, revision: Int = 1,
                schemaVersion: Int = Deal.currentSchemaVersion,
                influencerID: RecordID, campaignID: RecordID, owner: String? = nil,
                stage: StageKey = .prospect, stageHistory: [StageChange] = [], exitReason: String? = nil,
                source: DealSource? = nil, partnershipType: PartnershipType = .oneOff, compensation: Compensation = .paid,
                pricing: Pricing = Pricing(), offers: [Offer] = [], agreedFee: Money? = nil,
                contract: ContractTerms = ContractTerms(), deliverables: [Deliverable] = [], tracking: Tracking = Tracking(),
                payments: [Payment] = [], activities: [Activity] = [], nextAction: NextAction? = nil,
                followUpCount: Int = 0, notes: String? = nil, archived: Bool = false,
                importedResults: [ImportedResult]? = nil) {
        self.id = id
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
        self.influencerID = influencerID
        self.campaignID = campaignID
        self.owner = owner
        self.stage = stage
        self.stageHistory = stageHistory.isEmpty ? [StageChange(from: nil, to: stage, at: createdAt)] : stageHistory
        self.exitReason = exitReason
        self.source = source
        self.partnershipType = partnershipType
        self.compensation = compensation
        self.pricing = pricing
        self.offers = offers
        self.agreedFee = agreedFee
        self.contract = contract
        self.deliverables = deliverables
        self.tracking = tracking
        self.payments = payments
        self.activities = activities
        self.nextAction = nextAction
        self.followUpCount = followUpCount
        self.notes = notes
        self.archived = archived
        self.importedResults = importedResults
    }
}
