import Foundation

/// Where a figure came from; the UI must never present an estimate as measured.
public enum MetricSource: String, Codable, Sendable, CaseIterable {
    case manual
    case imported = "import"
    case estimate
}

/// One dated reading of an account's numbers: follower counts go stale, so every figure keeps its date and source.
public struct MetricSnapshot: Hashable, Codable, Sendable {
    public var asOf: Date
    public var source: MetricSource
    public var followers: Int?
    public var avgViews: Int?
    /// Engagement rate in percent (3.2 means 3.2 %).
    public var engagementRate: Double?
    /// Posts per week.
    public var postsPerWeek: Double?
    public var note: String?

    public init(asOf: Date, source: MetricSource = .manual, followers: Int? = nil, avgViews: Int? = nil,
                engagementRate: Double? = nil, postsPerWeek: Double? = nil, note: String? = nil) {
        self.asOf = asOf
        self.source = source
        self.followers = followers
        self.avgViews = avgViews
        self.engagementRate = engagementRate
        self.postsPerWeek = postsPerWeek
        self.note = note
    }
}

/// A figure together with when and how it was obtained, so the UI can show "12.4k · 45 d old · estimate".
public struct DatedValue<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var asOf: Date
    public var source: MetricSource

    public init(value: Value, asOf: Date, source: MetricSource) {
        self.value = value
        self.asOf = asOf
        self.source = source
    }

    /// Whole days between `asOf` and `now` (0 if in the future).
    public func ageInDays(now: Date) -> Int { max(0, Int(now.timeIntervalSince(asOf) / 86_400)) }

    /// True when older than `staleAfterDays` (default 30).
    public func isStale(now: Date, staleAfterDays: Int = 30) -> Bool { ageInDays(now: now) > staleAfterDays }
}

/// One of a creator's accounts on one platform, with its history of metric snapshots.
public struct PlatformAccount: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var platform: Platform
    /// Normalised handle (see `Handle.normalise`): no `@`, lower-case.
    public var handle: String
    public var url: String?
    /// The account that decides the creator's tier.
    public var isMain: Bool
    /// Snapshots in any order; helpers pick the newest.
    public var snapshots: [MetricSnapshot]

    /// The handle is normalised on the way in.
    public init(id: UUID = UUID(), platform: Platform, handle: String, url: String? = nil, isMain: Bool = false,
                snapshots: [MetricSnapshot] = []) {
        self.id = id
        self.platform = platform
        self.handle = Handle.normalise(handle)
        self.url = url
        self.isMain = isMain
        self.snapshots = snapshots
    }

    /// The newest snapshot, whatever it holds.
    public var latestSnapshot: MetricSnapshot? { snapshots.max { $0.asOf < $1.asOf } }

    private func latest<V: Hashable & Sendable>(_ key: (MetricSnapshot) -> V?) -> DatedValue<V>? {
        var best: DatedValue<V>?
        for s in snapshots {
            guard let v = key(s) else { continue }
            if best == nil || s.asOf > (best?.asOf ?? .distantPast) { best = DatedValue(value: v, asOf: s.asOf, source: s.source) }
        }
        return best
    }

    /// Newest follower count with its date and source.
    public var latestFollowers: DatedValue<Int>? { latest { $0.followers } }
    public var latestAvgViews: DatedValue<Int>? { latest { $0.avgViews } }
    public var latestEngagementRate: DatedValue<Double>? { latest { $0.engagementRate } }
    public var latestPostsPerWeek: DatedValue<Double>? { latest { $0.postsPerWeek } }

    /// True when there is no follower figure or it is older than `staleAfterDays`.
    public func isStale(now: Date, staleAfterDays: Int = 30) -> Bool {
        guard let f = latestFollowers else { return true }
        return f.isStale(now: now, staleAfterDays: staleAfterDays)
    }

    /// Adds a snapshot (keeps history).
    public mutating func record(_ snapshot: MetricSnapshot) { snapshots.append(snapshot) }
}
