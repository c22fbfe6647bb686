import Foundation

/// Size class of a creator by followers on the main account.
public enum Tier: String, Codable, Sendable, CaseIterable, Comparable {
    case nano, micro, macro, mega

    public var displayName: String { rawValue.capitalized }

    public static func < (lhs: Tier, rhs: Tier) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// Follower thresholds between tiers; each is the first follower count of the next tier (micro starts at 1,000).
public struct TierThresholds: Hashable, Codable, Sendable {
    public var micro: Int
    public var macro: Int
    public var mega: Int

    public init(micro: Int = 1_000, macro: Int = 100_000, mega: Int = 1_000_000) {
        self.micro = micro
        self.macro = macro
        self.mega = mega
    }

    /// nano < 1k, micro 1k–<100k, macro 100k–<1M, mega ≥ 1M.
    public static let standard = TierThresholds()

    /// The tier for a follower count.
    public func tier(forFollowers followers: Int) -> Tier {
        if followers >= mega { return .mega }
        if followers >= macro { return .macro }
        if followers >= micro { return .micro }
        return .nano
    }
}
