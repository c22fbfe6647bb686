import Foundation

/// What Today reads of a deal: a full `Deal` in the app, a compact `AgendaDeal` from the folder index.
public protocol AgendaSource {
    var id: RecordID { get }
    var influencerID: RecordID { get }
    var campaignID: RecordID { get }
    var owner: String? { get }
    var archived: Bool { get }
    var stage: StageKey { get }
    var nextAction: NextAction? { get }
    /// When the deal entered its stage: stalled deals are counted from it.
    var stageSince: Date { get }
    /// Calls `body` with each dated entry (drafts in review, posts due to go live, open payments, rights' ends) in the
    /// order Today lists them; the summary is made only when asked for, since Today runs over every deal and lists few.
    func forEachAgendaEntry(_ body: (AgendaEntry.Kind, Date?, () -> String) -> Void)
}

extension Deal: AgendaSource {
    public var stageSince: Date { stageEnteredAt }

    public func forEachAgendaEntry(_ body: (AgendaEntry.Kind, Date?, () -> String) -> Void) {
        for d in deliverables where !d.isDropped {
            func label() -> String { "\(d.platform.displayName) \(d.contentType.displayName)" }
            if d.status == .inReview {
                body(.draft, d.dueDate) { "Review draft: \(label())" }
            } else if d.status != .live, let due = d.dueDate {
                body(.goingLive, due) { "Goes live: \(label())" }
            }
        }
        for p in payments where p.isOpen {
            guard let due = p.dueDate else { continue }
            body(.payment, due) { "Pay \(p.amount.formatted) (\(p.kind.rawValue))" }
        }
        if let end = contract.usageRights?.endsAt { body(.rights, end) { "Usage rights ends" } }
        if let end = contract.exclusivity?.endsAt { body(.rights, end) { "Exclusivity ends" } }
        if let end = contract.whitelistingEndsAt { body(.rights, end) { "Whitelisting ends" } }
    }
}

/// The compact row Today is built from when the deal itself is not at hand: the folder index keeps one per deal,
/// so `reach today` builds the list without reading 40,000 deal files.
public struct AgendaDeal: AgendaSource, Hashable, Sendable {
    public var id: RecordID
    public var influencerID: RecordID
    public var campaignID: RecordID
    public var owner: String?
    public var archived: Bool
    public var stage: StageKey
    public var stageSince: Date
    public var nextAction: NextAction?
    /// The deal's `forEachAgendaEntry`, with their summaries.
    public var entries: [AgendaEntry]

    public init(id: RecordID, influencerID: RecordID, campaignID: RecordID, owner: String?, archived: Bool, stage: StageKey,
                stageSince: Date, nextAction: NextAction?, entries: [AgendaEntry]) {
        self.id = id
        self.influencerID = influencerID
        self.campaignID = campaignID
        self.owner = owner
        self.archived = archived
        self.stage = stage
        self.stageSince = stageSince
        self.nextAction = nextAction
        self.entries = entries
    }

    public init(_ deal: Deal) {
        var entries: [AgendaEntry] = []
        deal.forEachAgendaEntry { kind, date, summary in entries.append(AgendaEntry(kind: kind, date: date, summary: summary())) }
        self.init(id: deal.id, influencerID: deal.influencerID, campaignID: deal.campaignID, owner: deal.owner,
                  archived: deal.archived, stage: deal.stage, stageSince: deal.stageSince, nextAction: deal.nextAction,
                  entries: entries)
    }

    public func forEachAgendaEntry(_ body: (AgendaEntry.Kind, Date?, () -> String) -> Void) {
        for entry in entries { body(entry.kind, entry.date) { entry.summary } }
    }
}

/// One dated line a deal can put on Today; whether it shows, and as due or overdue, is decided at `now`.
public struct AgendaEntry: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A draft awaiting review: shown while the deal is open, whatever its date.
        case draft
        /// A post due to go live: shown while the deal is open, from the day it is due.
        case goingLive
        /// An open payment: shown from the day it is due, open deal or closed.
        case payment
        /// The end of usage rights, exclusivity or whitelisting: shown in the warning days before it.
        case rights
    }

    public var kind: Kind
    public var date: Date?
    public var summary: String

    public init(kind: Kind, date: Date?, summary: String) {
        self.kind = kind
        self.date = date
        self.summary = summary
    }
}
