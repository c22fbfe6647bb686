import Foundation

/// A quoted price for one content type on one platform.
public struct RateCardEntry: Hashable, Codable, Sendable {
    public var platform: Platform
    public var contentType: ContentType
    public var price: Money
    public var note: String?

    public init(platform: Platform, contentType: ContentType, price: Money, note: String? = nil) {
        self.platform = platform
        self.contentType = contentType
        self.price = price
        self.note = note
    }
}

/// A creator's price list and when it was quoted (prices age like follower counts).
public struct RateCard: Hashable, Codable, Sendable {
    public var entries: [RateCardEntry]
    public var quotedAt: Date?

    public init(entries: [RateCardEntry] = [], quotedAt: Date? = nil) {
        self.entries = entries
        self.quotedAt = quotedAt
    }

    public func price(platform: Platform, contentType: ContentType) -> Money? {
        entries.first { $0.platform == platform && $0.contentType == contentType }?.price
    }
}

/// Our team's verdict on working with a creator again.
public struct CreatorRating: Hashable, Codable, Sendable {
    /// 1–5.
    public var stars: Int?
    public var wouldWorkAgain: Bool?
    public var note: String?

    public init(stars: Int? = nil, wouldWorkAgain: Bool? = nil, note: String? = nil) {
        self.stars = stars
        self.wouldWorkAgain = wouldWorkAgain
        self.note = note
    }
}
