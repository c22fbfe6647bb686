import Foundation

/// What a deal can put on Today, before the clock and the pipeline decide: the compact row Today is built from.
/// The folder index keeps one per deal, so `reach today` builds the list without reading 40,000 deal files.
public struct AgendaDeal: Hashable, Sendable {
    public var id: RecordID
    public var influencerID: RecordID
    public var campaignID: RecordID
    public var owner: String?
    public var archived: Bool
    public var stage: StageKey
    /// When the deal entered its stage (`Deal.stageEnteredAt`): stalled deals are counted from it.
    public var stageSince: Date
    public var nextAction: NextAction?
    /// Drafts in review, posts due to go live, open payments and rights' ends, in the order Today lists them.
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
        for d in deal.deliverables where !d.isDropped {
            // Only for the deliverables listed: Today runs over every deal at start-up.
            var label: String { "\(d.platform.displayName) \(d.contentType.displayName)" }
            if d.status == .inReview {
                entries.append(AgendaEntry(kind: .draft, date: d.dueDate, summary: "Review draft: \(label)"))
            } else if d.status != .live, let due = d.dueDate {
                entries.append(AgendaEntry(kind: .goingLive, date: due, summary: "Goes live: \(label)"))
            }
        }
        for p in deal.payments where p.isOpen {
            guard let due = p.dueDate else { continue }
            entries.append(AgendaEntry(kind: .payment, date: due, summary: "Pay \(p.amount.formatted) (\(p.kind.rawValue))"))
        }
        let c = deal.contract
        for (name, end) in [("Usage rights", c.usageRights?.endsAt), ("Exclusivity", c.exclusivity?.endsAt),
                            ("Whitelisting", c.whitelistingEndsAt)] {
            guard let end else { continue }
            entries.append(AgendaEntry(kind: .rights, date: end, summary: "\(name) ends"))
        }
        self.init(id: deal.id, influencerID: deal.influencerID, campaignID: deal.campaignID, owner: deal.owner,
                  archived: deal.archived, stage: deal.stage, stageSince: deal.stageEnteredAt, nextAction: deal.nextAction,
                  entries: entries)
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
