import Foundation

/// What a message template is for; string-backed so teams can add their own kinds.
public struct TemplateKind: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: TemplateKind, rhs: TemplateKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let firstOutreach: TemplateKind = "firstOutreach"
    public static let followUp: TemplateKind = "followUp"
    public static let negotiation: TemplateKind = "negotiation"
    public static let brief: TemplateKind = "brief"
    public static let contract: TemplateKind = "contract"
    public static let draftFeedback: TemplateKind = "draftFeedback"
    public static let reportRequest: TemplateKind = "reportRequest"
    public static let thankYou: TemplateKind = "thankYou"

    public static let known: [TemplateKind] = [.firstOutreach, .followUp, .negotiation, .brief, .contract, .draftFeedback, .reportRequest, .thankYou]

    public init(from decoder: Decoder) throws { self.init(rawValue: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(rawValue) }
}

/// A reusable outreach message with `{placeholders}` (see `TemplateRenderer`).
public struct Template: Record, Hashable, Identifiable {
    public static let kind: RecordKind = .template
    public static let currentSchemaVersion = 1

    public var id: RecordID
    public var schemaVersion: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var revision: Int

    public var name: String
    public var kind: TemplateKind
    /// BCP 47 language code ("en", "ja", "lv").
    public var language: String
    public var subject: String?
    public var body: String
    public var archived: Bool

    public init(id: RecordID, createdAt: Date, updatedAt: Date? = nil, revision: Int = 1,
                schemaVersion: Int = Template.currentSchemaVersion,
                name: String, kind: TemplateKind = .firstOutreach, language: String = "en", subject: String? = nil,
                body: String, archived: Bool = false) {
        self.id = id
        self.schemaVersion = schemaVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.revision = revision
        self.name = name
        self.kind = kind
        self.language = language
        self.subject = subject
        self.body = body
        self.archived = archived
    }
}
