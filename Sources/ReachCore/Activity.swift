import Foundation

/// How a contact happened.
public enum ActivityChannel: String, Codable, Sendable, CaseIterable {
    case email, dm, call, meeting, note, system
}

/// Direction of a contact; nil for notes and system entries.
public enum ActivityDirection: String, Codable, Sendable, CaseIterable {
    case inbound = "in"
    case outbound = "out"
}

/// One entry in a deal's timeline: every contact, note and (automatically) every stage change.
public struct Activity: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var at: Date
    public var channel: ActivityChannel
    public var direction: ActivityDirection?
    public var summary: String
    /// Who logged it (account manager), if known.
    public var author: String?
    /// More than the one-line summary: e.g. the new text of a logged email (without the quoted part).
    /// Optional so files written before it existed still load.
    public var note: String?
    /// The email's Message-ID (without angle brackets) when the entry came from `reach log --mail`, so the same
    /// message piped twice is recorded once.
    public var messageID: String?
    /// When its author last corrected it; shown as "edited" so the timeline never passes a correction off as the original.
    public var editedAt: Date?

    public init(id: UUID = UUID(), at: Date, channel: ActivityChannel, direction: ActivityDirection? = nil,
                summary: String, author: String? = nil, note: String? = nil, messageID: String? = nil, editedAt: Date? = nil) {
        self.id = id
        self.at = at
        self.channel = channel
        self.direction = direction
        self.summary = summary
        self.author = author
        self.note = note
        self.messageID = messageID
        self.editedAt = editedAt
    }
}

/// The next thing to do on a deal, when, and whose move it is.
public struct NextAction: Hashable, Codable, Sendable {
    public var summary: String
    public var due: Date
    /// `.us`: waiting on us; `.them`: waiting on the creator.
    public var whoseMove: Party

    public init(summary: String, due: Date, whoseMove: Party = .us) {
        self.summary = summary
        self.due = due
        self.whoseMove = whoseMove
    }
}

/// One entry in a deal's stage history: when it entered a stage (and why, for side exits).
public struct StageChange: Hashable, Codable, Sendable {
    public var from: StageKey?
    public var to: StageKey
    public var at: Date
    public var reason: String?

    public init(from: StageKey?, to: StageKey, at: Date, reason: String? = nil) {
        self.from = from
        self.to = to
        self.at = at
        self.reason = reason
    }
}

/// How a deal's creator was found.
public enum DealSource: String, Codable, Sendable, CaseIterable {
    case search, referral, inbound, agencyList, other
}

/// Attribution for a deal: unique discount code and/or referral link.
public struct Tracking: Hashable, Codable, Sendable {
    public var discountCode: String?
    public var referralLink: String?

    public init(discountCode: String? = nil, referralLink: String? = nil) {
        self.discountCode = discountCode
        self.referralLink = referralLink
    }

    /// The discount code as codes are compared (two deals may not share one): trimmed, upper case; nil when blank.
    public var discountCodeKey: String? { discountCode.flatMap(Self.key) }

    /// `code` as `discountCodeKey` compares it.
    public static func key(_ code: String) -> String? {
        let key = code.trimmedUpperCased()
        return key.isEmpty ? nil : key
    }
}
