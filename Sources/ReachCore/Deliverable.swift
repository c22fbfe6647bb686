import Foundation

/// The approval flow of one piece of content.
///
/// `draft` means the creator is working on it; `inReview` means a draft was submitted and waits for our review
/// (these show on Today); `changesRequested` keeps the reason in `Deliverable.changesReason`.
public enum DeliverableStatus: String, Codable, Sendable, CaseIterable {
    case notStarted, draft, inReview, changesRequested, approved, live

    public var displayName: String {
        switch self {
        case .notStarted: return "Not started"
        case .draft: return "Draft"
        case .inReview: return "In review"
        case .changesRequested: return "Changes requested"
        case .approved: return "Approved"
        case .live: return "Live"
        }
    }
}

/// Measured results of a deliverable; entered by hand or imported. Engagements = likes + comments + shares + saves.
public struct DeliverableResults: Hashable, Codable, Sendable {
    public var reach: Int?
    public var impressions: Int?
    public var views: Int?
    public var likes: Int?
    public var comments: Int?
    public var shares: Int?
    public var saves: Int?
    public var clicks: Int?
    public var codeUses: Int?
    public var conversions: Int?
    public var revenue: Money?
    public var asOf: Date?
    public var source: MetricSource?

    public init(reach: Int? = nil, impressions: Int? = nil, views: Int? = nil, likes: Int? = nil, comments: Int? = nil,
                shares: Int? = nil, saves: Int? = nil, clicks: Int? = nil, codeUses: Int? = nil, conversions: Int? = nil,
                revenue: Money? = nil, asOf: Date? = nil, source: MetricSource? = nil) {
        self.reach = reach
        self.impressions = impressions
        self.views = views
        self.likes = likes
        self.comments = comments
        self.shares = shares
        self.saves = saves
        self.clicks = clicks
        self.codeUses = codeUses
        self.conversions = conversions
        self.revenue = revenue
        self.asOf = asOf
        self.source = source
    }

    /// likes + comments + shares + saves (missing counts as 0); nil when none is known.
    public var engagements: Int? {
        let parts = [likes, comments, shares, saves].compactMap { $0 }
        return parts.isEmpty ? nil : parts.reduce(0, +)
    }
}

/// One promised piece of content: platform × content type × count, with due date, approval state and results.
public struct Deliverable: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var platform: Platform
    public var contentType: ContentType
    public var count: Int
    public var dueDate: Date?
    public var status: DeliverableStatus
    /// Why changes were requested or a draft was rejected; kept after approval.
    public var changesReason: String?
    /// Number of review rounds so far.
    public var reviewRounds: Int
    public var liveURL: String?
    public var postedAt: Date?
    public var results: DeliverableResults?
    public var note: String?
    /// Where the creator's draft can be reviewed (a shared drive or a private post link).
    public var draftURL: String?
    /// Set when the deliverable was dropped: it stays on the deal as history but leaves every count and total.
    public var dropped: Dropping?

    public init(id: UUID = UUID(), platform: Platform, contentType: ContentType, count: Int = 1, dueDate: Date? = nil,
                status: DeliverableStatus = .notStarted, changesReason: String? = nil, reviewRounds: Int = 0,
                liveURL: String? = nil, postedAt: Date? = nil, results: DeliverableResults? = nil, note: String? = nil,
                draftURL: String? = nil, dropped: Dropping? = nil) {
        self.id = id
        self.platform = platform
        self.contentType = contentType
        self.count = count
        self.dueDate = dueDate
        self.status = status
        self.changesReason = changesReason
        self.reviewRounds = reviewRounds
        self.liveURL = liveURL
        self.postedAt = postedAt
        self.results = results
        self.note = note
        self.draftURL = draftURL
        self.dropped = dropped
    }

    public var isLive: Bool { status == .live }
    public var isDropped: Bool { dropped != nil }

    /// Not live, not dropped and past its due date.
    public func isOverdue(now: Date) -> Bool {
        guard let due = dueDate, status != .live, dropped == nil else { return false }
        return due < now
    }
}

/// Why and when an item (a deliverable, a payment) was taken out of the deal, and by whom; kept so the deal's
/// history stays true.
public struct Dropping: Hashable, Codable, Sendable {
    public var at: Date
    public var reason: String
    public var by: String?

    public init(at: Date, reason: String, by: String? = nil) {
        self.at = at
        self.reason = reason
        self.by = by
    }
}
