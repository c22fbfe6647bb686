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

/// How often a retainer is paid.
public enum RetainerPeriod: String, Codable, Sendable, CaseIterable {
    case week, month, quarter, year
}

/// The pricing terms of a deal: model plus the figures it needs.
public struct Pricing: Hashable, Codable, Sendable {
    public var model: PricingModel
    /// Affiliate commission in percent of attributed sales (commission, hybrid).
    public var commissionPercent: Double?
    /// Price per click / per 1,000 impressions / per engagement (cpc, cpm, perEngagement).
    public var unitRate: Money?
    /// What a barter gives ("serum set").
    public var barterDescription: String?
    /// The retail value of the barter item, for budgets and tax.
    public var barterValue: Money?
    /// A fixed fee per period (ambassadors, series).
    public var retainerAmount: Money?
    public var retainerPeriod: RetainerPeriod?

    public init(model: PricingModel = .flatFee, commissionPercent: Double? = nil, unitRate: Money? = nil,
                barterDescription: String? = nil, barterValue: Money? = nil, retainerAmount: Money? = nil,
                retainerPeriod: RetainerPeriod? = nil) {
        self.model = model
        self.commissionPercent = commissionPercent
        self.unitRate = unitRate
        self.barterDescription = barterDescription
        self.barterValue = barterValue
        self.retainerAmount = retainerAmount
        self.retainerPeriod = retainerPeriod
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
