import Foundation

/// Where and how long the brand may reuse the content.
public struct UsageRights: Hashable, Codable, Sendable {
    public var organic: Bool
    /// Use in paid ads.
    public var paidAds: Bool
    public var durationDays: Int?
    /// Countries or regions; empty means worldwide or unspecified.
    public var territories: [String]
    public var endsAt: Date?

    public init(organic: Bool = true, paidAds: Bool = false, durationDays: Int? = nil, territories: [String] = [],
                endsAt: Date? = nil) {
        self.organic = organic
        self.paidAds = paidAds
        self.durationDays = durationDays
        self.territories = territories
        self.endsAt = endsAt
    }
}

/// A promise not to work with competitors for a period.
public struct Exclusivity: Hashable, Codable, Sendable {
    public var endsAt: Date?
    /// e.g. "skincare serums, EU".
    public var scope: String?
    public var competitors: [String]

    public init(endsAt: Date? = nil, scope: String? = nil, competitors: [String] = []) {
        self.endsAt = endsAt
        self.scope = scope
        self.competitors = competitors
    }
}

/// One line of the contract checklist, for showing what is agreed and what is still missing.
public enum ContractItem: String, Codable, Sendable, CaseIterable {
    case paymentSchedule, paymentMethod, expenses, usageRights, exclusivity, whitelisting, approvalRounds,
         disclosure, cancellation, confidentiality, governingLaw, signed

    public var displayName: String {
        switch self {
        case .paymentSchedule: return "Payment schedule"
        case .paymentMethod: return "Payment method"
        case .expenses: return "Expenses"
        case .usageRights: return "Usage rights"
        case .exclusivity: return "Exclusivity"
        case .whitelisting: return "Whitelisting"
        case .approvalRounds: return "Approval rounds"
        case .disclosure: return "Disclosure"
        case .cancellation: return "Cancellation"
        case .confidentiality: return "Confidentiality"
        case .governingLaw: return "Governing law"
        case .signed: return "Signed"
        }
    }
}

/// The agreed contract terms; every field optional so a half-negotiated contract can be stored and its gaps listed.
public struct ContractTerms: Hashable, Codable, Sendable {
    /// e.g. "50% upfront, 50% on publish".
    public var paymentSchedule: String?
    /// e.g. "bank transfer", "PayPal", "Alipay", "UPI".
    public var paymentMethod: String?
    public var expensesCovered: String?
    public var usageRights: UsageRights?
    public var exclusivity: Exclusivity?
    /// End of the brand's access to run paid ads from the creator's account.
    public var whitelistingEndsAt: Date?
    /// Whitelisting (the brand runs ads from the creator's account) is agreed, with or without an end date.
    public var whitelisting: Bool?
    public var approvalRounds: Int?
    public var disclosure: String?
    public var cancellation: String?
    public var confidentiality: String?
    public var governingLaw: String?
    public var signedAt: Date?

    public init(paymentSchedule: String? = nil, paymentMethod: String? = nil, expensesCovered: String? = nil,
                usageRights: UsageRights? = nil, exclusivity: Exclusivity? = nil, whitelistingEndsAt: Date? = nil,
                whitelisting: Bool? = nil,
                approvalRounds: Int? = nil, disclosure: String? = nil, cancellation: String? = nil,
                confidentiality: String? = nil, governingLaw: String? = nil, signedAt: Date? = nil) {
        self.paymentSchedule = paymentSchedule
        self.paymentMethod = paymentMethod
        self.expensesCovered = expensesCovered
        self.usageRights = usageRights
        self.exclusivity = exclusivity
        self.whitelistingEndsAt = whitelistingEndsAt
        self.approvalRounds = approvalRounds
        self.disclosure = disclosure
        self.cancellation = cancellation
        self.confidentiality = confidentiality
        self.governingLaw = governingLaw
        self.signedAt = signedAt
        self.whitelisting = whitelisting
    }

    private static func filled(_ s: String?) -> Bool { !(s?.trimmingCharacters(in: .whitespaces).isEmpty ?? true) }

    /// Whether each checklist item is filled in.
    public func isFilled(_ item: ContractItem) -> Bool {
        switch item {
        case .paymentSchedule: return Self.filled(paymentSchedule)
        case .paymentMethod: return Self.filled(paymentMethod)
        case .expenses: return Self.filled(expensesCovered)
        case .usageRights: return usageRights != nil
        case .exclusivity: return exclusivity != nil
        case .whitelisting: return whitelisting == true || whitelistingEndsAt != nil
        case .approvalRounds: return approvalRounds != nil
        case .disclosure: return Self.filled(disclosure)
        case .cancellation: return Self.filled(cancellation)
        case .confidentiality: return Self.filled(confidentiality)
        case .governingLaw: return Self.filled(governingLaw)
        case .signed: return signedAt != nil
        }
    }

    /// The checklist in display order with filled/missing state.
    public var checklist: [(item: ContractItem, filled: Bool)] { ContractItem.allCases.map { ($0, isFilled($0)) } }

    public var missingItems: [ContractItem] { ContractItem.allCases.filter { !isFilled($0) } }
}
