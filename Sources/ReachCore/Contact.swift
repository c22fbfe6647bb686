import Foundation

/// How to reach a person directly; kept separate for the creator and for their manager/agency.
public struct ContactInfo: Hashable, Codable, Sendable {
    public var email: String?
    public var phone: String?
    /// Messenger handles or other channels ("Telegram: @x", "WhatsApp").
    public var other: String?

    public init(email: String? = nil, phone: String? = nil, other: String? = nil) {
        self.email = email
        self.phone = phone
        self.other = other
    }

    public var isEmpty: Bool { (email ?? "").isEmpty && (phone ?? "").isEmpty && (other ?? "").isEmpty }
}

/// A manager or agency who represents the creator; stored apart from the creator's own contact so messages go to the right person.
public struct AgentContact: Hashable, Codable, Sendable {
    public var name: String
    public var agency: String?
    public var contact: ContactInfo
    public var note: String?

    public init(name: String, agency: String? = nil, contact: ContactInfo = ContactInfo(), note: String? = nil) {
        self.name = name
        self.agency = agency
        self.contact = contact
        self.note = note
    }
}

/// GDPR bookkeeping: where the contact data came from and when consent was given.
public struct DataConsent: Hashable, Codable, Sendable {
    /// Where the data came from ("inbound form", "agency list", "public profile").
    public var source: String?
    public var consentAt: Date?
    /// Lawful basis noted by the team ("consent", "legitimate interest").
    public var lawfulBasis: String?
    public var note: String?

    public init(source: String? = nil, consentAt: Date? = nil, lawfulBasis: String? = nil, note: String? = nil) {
        self.source = source
        self.consentAt = consentAt
        self.lawfulBasis = lawfulBasis
        self.note = note
    }
}
