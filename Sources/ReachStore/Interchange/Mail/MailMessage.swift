import Foundation

/// One mailbox from an address header: `"Līga Bērziņa" <liga@studio.lv>` is name "Līga Bērziņa", address "liga@studio.lv".
/// The address is kept as written (trimmed, case preserved); callers lowercase it when they compare.
public struct MailAddress: Sendable, Hashable {
    /// The decoded display name, or nil when the header gave none.
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }
}

/// The parts of one email message that Reach logs as an activity: who, when, what about, and the readable text.
/// Produced by `MailParser.parse`; everything is already decoded (MIME, RFC 2047, charsets) into Swift strings.
public struct MailMessage: Sendable, Equatable {
    /// The Message-ID without the angle brackets; nil when the header is absent.
    public var messageID: String?
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// Decoded, unfolded and trimmed; "" when absent.
    public var subject: String
    /// From the Date header; nil when it is absent or unparseable.
    public var date: Date?
    /// The whole readable body with LF line ends: the text/plain part if there is one, else the HTML part as text.
    public var body: String

    /// The original of a forwarded message (a message/rfc822 part or an inline forward block), if any.
    /// Stored through a box because a struct cannot contain itself directly.
    public var forwarded: MailMessage? {
        get { forwardedStorage?.message }
        set { forwardedStorage = newValue.map { MailForwardedBox.message($0) } }
    }

    private var forwardedStorage: MailForwardedBox?

    public init(messageID: String? = nil, from: [MailAddress] = [], to: [MailAddress] = [], cc: [MailAddress] = [],
                subject: String = "", date: Date? = nil, body: String = "", forwarded: MailMessage? = nil) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.date = date
        self.body = body
        self.forwarded = forwarded
    }

    /// What the sender wrote in this message: the body without quoted lines and their attribution
    /// ("On … wrote:"), without an Outlook "Original Message" block and what follows, without the
    /// signature (after "-- ") and without an inline forwarded block; leading/trailing blank lines trimmed.
    public var newText: String { MailReplyText.newText(of: body) }
}

/// An indirect enum gives `MailMessage.forwarded` value semantics (and synthesised Equatable/Sendable) without a class.
private indirect enum MailForwardedBox: Sendable, Equatable {
    case message(MailMessage)

    var message: MailMessage {
        switch self {
        case let .message(message): return message
        }
    }
}

/// Why some input could not be read as an email message at all. Anything that is a message, however broken
/// its MIME structure or encodings, parses (with raw text kept where decoding fails), so these are few.
public enum MailParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No bytes, or only whitespace.
    case empty
    /// No header lines before the first blank line, or none of the headers an email has (From, To, Subject, Date…).
    case noHeaders

    public var description: String {
        switch self {
        case .empty:
            return "standard input is empty, so there is no email message to log; pipe a whole message (headers and body), "
                + "e.g. from mutt's pipe-message (|) or aerc's :pipe -m"
        case .noHeaders:
            return "standard input is not an email message: no header lines (From:, Subject:, Date: …) before the first blank line; "
                + "pipe a whole message (headers and body), e.g. from mutt's pipe-message (|) or aerc's :pipe -m, "
                + "not just its text"
        }
    }
}
