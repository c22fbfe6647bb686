import Foundation

/// A stable key identifying a pipeline stage ("negotiating"); string-backed so teams can configure their own stages.
public struct StageKey: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: StageKey, rhs: StageKey) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let prospect: StageKey = "prospect"
    public static let vetting: StageKey = "vetting"
    public static let shortlisted: StageKey = "shortlisted"
    public static let contacted: StageKey = "contacted"
    public static let negotiating: StageKey = "negotiating"
    public static let contracted: StageKey = "contracted"
    public static let inProduction: StageKey = "inProduction"
    public static let contentReview: StageKey = "contentReview"
    public static let published: StageKey = "published"
    public static let reporting: StageKey = "reporting"
    public static let complete: StageKey = "complete"
    public static let declined: StageKey = "declined"
    public static let rejected: StageKey = "rejected"
    public static let lost: StageKey = "lost"

    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// What kind of stage it is: part of the main flow, the final successful one, or a side exit.
public enum StageRole: String, Codable, Sendable, CaseIterable {
    /// An open stage in the main flow.
    case open
    /// The last stage of the main flow (Paid / Complete): the deal is closed successfully.
    case complete
    /// A side exit (Declined, Rejected, Lost/Ghosted): closed, and entering it needs a reason.
    case sideExit
}

/// One configured stage: key, display name and role.
public struct StageDefinition: Hashable, Codable, Sendable, Identifiable {
    public var key: StageKey
    public var name: String
    public var role: StageRole
    /// Days after which a deal in this stage counts as stalled (nil: never).
    public var stallAfterDays: Int?

    public var id: StageKey { key }

    public init(key: StageKey, name: String, role: StageRole = .open, stallAfterDays: Int? = nil) {
        self.key = key
        self.name = name
        self.role = role
        self.stallAfterDays = stallAfterDays
    }
}

/// The ordered pipeline of stages plus side exits; the default is the 11 stages of the domain brief.
public struct StagePipeline: Hashable, Codable, Sendable {
    /// Main-flow stages in order (the last normally has role `.complete`).
    public var stages: [StageDefinition]
    /// Side exits, which need a reason.
    public var sideExits: [StageDefinition]

    public init(stages: [StageDefinition], sideExits: [StageDefinition]) {
        self.stages = stages
        self.sideExits = sideExits
    }

    /// Prospect → … → Paid/Complete, with Declined, Rejected, Lost/Ghosted as side exits.
    public static let `default` = StagePipeline(
        stages: [
            StageDefinition(key: .prospect, name: "Prospect", stallAfterDays: 30),
            StageDefinition(key: .vetting, name: "Vetting", stallAfterDays: 14),
            StageDefinition(key: .shortlisted, name: "Shortlisted", stallAfterDays: 14),
            StageDefinition(key: .contacted, name: "Contacted", stallAfterDays: 7),
            StageDefinition(key: .negotiating, name: "Negotiating", stallAfterDays: 10),
            StageDefinition(key: .contracted, name: "Contracted", stallAfterDays: 10),
            StageDefinition(key: .inProduction, name: "Briefed / In production", stallAfterDays: 21),
            StageDefinition(key: .contentReview, name: "Content review", stallAfterDays: 7),
            StageDefinition(key: .published, name: "Published", stallAfterDays: 14),
            StageDefinition(key: .reporting, name: "Reporting", stallAfterDays: 14),
            StageDefinition(key: .complete, name: "Paid / Complete", role: .complete),
        ],
        sideExits: [
            StageDefinition(key: .declined, name: "Declined", role: .sideExit),
            StageDefinition(key: .rejected, name: "Rejected", role: .sideExit),
            StageDefinition(key: .lost, name: "Lost / Ghosted", role: .sideExit),
        ]
    )

    /// Whole days since a deal entered its stage.
    public static func daysInStage(since: Date, now: Date) -> Int { max(0, Int(now.timeIntervalSince(since) / 86_400)) }

    /// Open and longer in `stage` (entered at `since`) than the stage's `stallAfterDays`.
    public func isStalled(_ stage: StageKey, since: @autoclosure () -> Date, now: Date) -> Bool {
        guard !isClosed(stage), let limit = definition(for: stage)?.stallAfterDays else { return false }
        return Self.daysInStage(since: since(), now: now) > limit
    }

    /// Main stages followed by side exits.
    public var allStages: [StageDefinition] { stages + sideExits }

    /// Looks in the main stages, then the side exits, without joining them: Today, the pipeline and every report
    /// ask this for each of 200k deals, and building `allStages` per call was most of their time.
    public func definition(for key: StageKey) -> StageDefinition? {
        stages.first { $0.key == key } ?? sideExits.first { $0.key == key }
    }

    /// The role of `key` without copying its definition.
    private func role(of key: StageKey) -> StageRole? {
        if let i = stages.firstIndex(where: { $0.key == key }) { return stages[i].role }
        return sideExits.firstIndex { $0.key == key }.map { sideExits[$0].role }
    }

    /// Display name, or the raw key for a stage no longer configured.
    public func name(of key: StageKey) -> String { definition(for: key)?.name ?? key.rawValue }

    /// Position in the main flow; nil for side exits and unknown keys.
    public func index(of key: StageKey) -> Int? { stages.firstIndex { $0.key == key } }

    /// The next main stage; nil at the end, for side exits and unknown keys.
    public func next(after key: StageKey) -> StageKey? {
        guard let i = index(of: key), i + 1 < stages.count else { return nil }
        return stages[i + 1].key
    }

    /// The previous main stage; nil at the start, for side exits and unknown keys.
    public func previous(before key: StageKey) -> StageKey? {
        guard let i = index(of: key), i > 0 else { return nil }
        return stages[i - 1].key
    }

    public func isSideExit(_ key: StageKey) -> Bool { role(of: key) == .sideExit }

    /// Closed = complete or a side exit; closed deals leave Today and committed budget (complete ones still count as spend).
    public func isClosed(_ key: StageKey) -> Bool {
        guard let role = role(of: key) else { return false }
        return role != .open
    }

    public func contains(_ key: StageKey) -> Bool { definition(for: key) != nil }
}
