import ReachCore

/// Words for the deal enums ReachCore stores as raw keys ("oneOff" → "one-off"), for pages, pickers and forms.
protocol Labelled: CaseIterable {
    var label: String { get }
}

extension Labelled {
    /// Every case's label, in declaration order (the options of a `.choice` field).
    static var labels: [String] { allCases.map(\.label) }

    /// The case with this label, if any.
    static func from(label: String?) -> Self? { allCases.first { $0.label == label } }
}

extension PartnershipType: Labelled {
    var label: String {
        switch self {
        case .oneOff: "one-off"
        case .series: "series"
        case .ambassador: "ambassador"
        }
    }
}

extension Compensation: Labelled {
    var label: String {
        switch self {
        case .paid: "paid"
        case .gifted: "gifted"
        case .affiliate: "affiliate"
        case .paidAndAffiliate: "paid + affiliate"
        }
    }
}

extension PricingModel: Labelled {
    var label: String {
        switch self {
        case .flatFee: "flat fee"
        case .package: "package"
        case .commission: "commission"
        case .cpc: "CPC"
        case .cpm: "CPM"
        case .perEngagement: "per engagement"
        case .barter: "barter"
        case .hybrid: "hybrid (fee + commission)"
        }
    }
}

extension Party: Labelled {
    var label: String { self == .us ? "us" : "them" }
}

extension PaymentKind: Labelled {
    var label: String { rawValue }
}

extension PaymentStatus: Labelled {
    var label: String { rawValue }
}

extension DealSource: Labelled {
    var label: String { self == .agencyList ? "agency list" : rawValue }
}

extension CampaignStatus: Labelled {
    var label: String { displayName }
}

extension CampaignGoal: Labelled {
    var label: String {
        switch self {
        case .productLaunch: "product launch"
        case .followerGrowth: "follower growth"
        case .ugc: "UGC"
        default: rawValue
        }
    }
}

extension FunnelStage: Labelled {
    var label: String { rawValue }
}

extension Party {
    /// "our move" / "their move", for whose turn a next action is.
    public var moveLabel: String { self == .us ? "our move" : "their move" }
}
