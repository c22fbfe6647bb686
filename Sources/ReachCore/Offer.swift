import Foundation

/// Which side of a deal: our team or the creator (and their manager).
public enum Party: String, Codable, Sendable, CaseIterable {
    case us, them
}

/// How long and in what shape the collaboration runs.
public enum PartnershipType: String, Codable, Sendable, CaseIterable {
    case oneOff, series, ambassador
}

/// What the creator gets for the work.
public enum Compensation: String, Codable, Sendable, CaseIterable {
    case paid
    /// Product only.
    case gifted
    case affiliate
    /// Fee plus commission.
    case paidAndAffiliate
}

/// How the price is computed.
public enum PricingModel: String, Codable, Sendable, CaseIterable {
    case flatFee, package, commission, cpc, cpm, perEngagement, barter, hybrid
}

/// The pricing terms of a deal: model plus the figures it needs.
public struct Pricing: Hashable, Codable, Sendable {
    public var model: PricingModel
    /// Affiliate commission in percent of attributed sales (commission, hybrid).
    public var commissionPercent: Double?
    /// Price per click / per 1,000 impressions / per engagement (cpc, cpm, perEngagement).
    public var unitRate: Money?
    /// What a barter gives ("serum set, retail EUR 120").
    public var barterDescription: String?

    public init(model: PricingModel = .flatFee, commissionPercent: Double? = nil, unitRate: Money? = nil,
                barterDescription: String? = nil) {
        self.model = model
        self.commissionPercent = commissionPercent
        self.unitRate = unitRate
        self.barterDescription = barterDescription
    }
}

/// One offer or counter-offer in a negotiation.
public struct Offer: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var by: Party
    public var amount: Money
    public var note: String?
    public var at: Date

    public init(id: UUID = UUID(), by: Party, amount: Money, note: String? = nil, at: Date) {
        self.id = id
        self.by = by
        self.amount = amount
        self.note = note
        self.at = at
    }
}
