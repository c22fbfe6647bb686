import Foundation

/// A labelled share in percent (0–100), e.g. country "DE" 34.5 or age band "18-24" 41.
public struct AudienceShare: Hashable, Codable, Sendable {
    public var key: String
    public var percent: Double

    public init(_ key: String, _ percent: Double) {
        self.key = key
        self.percent = percent
    }
}

/// Gender split of an audience in percent.
public struct GenderSplit: Hashable, Codable, Sendable {
    public var female: Double?
    public var male: Double?
    public var other: Double?

    public init(female: Double? = nil, male: Double? = nil, other: Double? = nil) {
        self.female = female
        self.male = male
        self.other = other
    }
}

/// Who follows a creator: needed to judge fit with a campaign's target market.
public struct Audience: Hashable, Codable, Sendable {
    /// Top countries (ISO 3166 alpha-2) with percent shares.
    public var topCountries: [AudienceShare]
    public var ageBands: [AudienceShare]
    public var gender: GenderSplit?
    public var interests: [String]
    /// Percent of the audience in the campaign's target market, if known.
    public var targetMarketShare: Double?
    public var asOf: Date?
    public var source: MetricSource?

    public init(topCountries: [AudienceShare] = [], ageBands: [AudienceShare] = [], gender: GenderSplit? = nil,
                interests: [String] = [], targetMarketShare: Double? = nil, asOf: Date? = nil, source: MetricSource? = nil) {
        self.topCountries = topCountries
        self.ageBands = ageBands
        self.gender = gender
        self.interests = interests
        self.targetMarketShare = targetMarketShare
        self.asOf = asOf
        self.source = source
    }

    /// Share of the audience in `country` (ISO code), if listed.
    public func share(in country: String) -> Double? {
        topCountries.first { $0.key.uppercased() == country.uppercased() }?.percent
    }
}
