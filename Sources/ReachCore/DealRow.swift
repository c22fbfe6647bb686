import Foundation

/// What the deal lists (Today, the Pipeline) read of a deal: a full `Deal`, or its compact `DealRow`, which the
/// app's workspace keeps for every deal and the folder index keeps for `reach today`.
public protocol ListedDeal {
    var id: RecordID { get }
    var influencerID: RecordID { get }
    var campaignID: RecordID { get }
    var owner: String? { get }
    var archived: Bool { get }
    var stage: StageKey { get }
    var nextAction: NextAction? { get }
    /// When the deal entered its stage: stalled deals are counted from it.
    var stageSince: Date { get }
    var agreedFee: Money? { get }
    /// Calls `body` with each dated entry (drafts in review, posts due to go live, open payments, rights' ends) in the
    /// order Today lists them.
    func forEachAgendaEntry(_ body: (AgendaEntry) -> Void)
    /// Calls `body` with the amount of each paid payment, in ledger order: what a campaign's budget counts as spent.
    func forEachPaidAmount(_ body: (Money) -> Void)
    /// `forEachAgendaEntry`'s kinds and dates alone, which is all Today's pass over every deal reads.
    func forEachAgendaDate(_ body: (AgendaEntry.Kind, Date?) -> Void)
}

extension ListedDeal {
    public func forEachAgendaDate(_ body: (AgendaEntry.Kind, Date?) -> Void) {
        forEachAgendaEntry { body($0.kind, $0.date) }
    }

    /// Still being worked: not archived, and in no closed stage (complete or a side exit).
    public func isOpen(pipeline: StagePipeline) -> Bool { !archived && !pipeline.isClosed(stage) }

    /// An open deal (not archived, not closed) that nobody has planned a next step for: Today lists these,
    /// the pipeline and the deal page flag them, since a deal without one is a deal nobody is working.
    public func lacksNextStep(pipeline: StagePipeline) -> Bool { nextAction == nil && isOpen(pipeline: pipeline) }

    /// The next action was due before `now`.
    public func isFollowUpOverdue(now: Date) -> Bool { (nextAction?.due).map { $0 < now } ?? false }

    /// Whole days in the current stage.
    public func daysInStage(now: Date) -> Int { StagePipeline.daysInStage(since: stageSince, now: now) }

    /// Open and longer in the stage than the stage's `stallAfterDays`.
    public func isStalled(now: Date, pipeline: StagePipeline = .default) -> Bool {
        pipeline.isStalled(stage, since: stageSince, now: now)
    }
}

extension Deal: ListedDeal {
    /// The newest timeline entry that is not the system's.
    public var lastContact: Date? { activities.lazy.filter { $0.channel != .system }.map(\.at).max() }

    public var stageSince: Date { stageEnteredAt }

    public func forEachPaidAmount(_ body: (Money) -> Void) {
        for p in payments where p.status == .paid { body(p.amount) }
    }

    public func forEachAgendaEntry(_ body: (AgendaEntry) -> Void) {
        for d in deliverables where !d.isDropped {
            if d.status == .inReview {
                body(AgendaEntry(kind: .draft, date: d.dueDate, subject: .deliverable(d.platform, d.contentType)))
            } else if d.status != .live, let due = d.dueDate {
                body(AgendaEntry(kind: .goingLive, date: due, subject: .deliverable(d.platform, d.contentType)))
            }
        }
        for p in payments where p.isOpen {
            guard let due = p.dueDate else { continue }
            body(AgendaEntry(kind: .payment, date: due, subject: .payment(p.amount, p.kind)))
        }
        if let end = contract.usageRights?.endsAt { body(AgendaEntry(kind: .rights, date: end, subject: .usageRights)) }
        if let end = contract.exclusivity?.endsAt { body(AgendaEntry(kind: .rights, date: end, subject: .exclusivity)) }
        if let end = contract.whitelistingEndsAt { body(AgendaEntry(kind: .rights, date: end, subject: .whitelisting)) }
    }
}

/// A deal as the lists see it, a tenth of a `Deal`'s size: the app keeps one per deal so Today and the Pipeline go
/// over 200,000 of them without copying full deals (their arrays and strings), and the folder index keeps one per
/// deal so `reach today` builds its list without reading 40,000 deal files.
public struct DealRow: ListedDeal, Hashable, Sendable {
    // 120 bytes for each of 200,000 rows (176 with every field a plain value): the owner, stage and fee's currency
    // are numbers of values kept once (`DealRowValues`), a missing last contact is NaN (`CompactDate`), and the flags
    // and numbers fill the padding after `nextAction`.
    public var id: RecordID
    public var influencerID: RecordID
    public var campaignID: RecordID
    public var stageSince: Date
    private var feeMinorUnits: Int64
    private var lastContactTime: CompactDate
    /// The entries and paid amounts, packed (`DealRowAgenda`): no bytes, and no heap block, when there are none.
    private var agenda: [UInt8]
    public var nextAction: NextAction?
    public var archived: Bool
    private var ownerNumber: UInt32
    /// Internal for `DealRowOpenness`, which judges each stage once by it.
    var stageNumber: UInt32
    /// 0: no agreed fee.
    private var feeCurrencyNumber: UInt32

    public init(id: RecordID, influencerID: RecordID, campaignID: RecordID, owner: String?, archived: Bool, stage: StageKey,
                stageSince: Date, nextAction: NextAction?, agreedFee: Money?, lastContact: Date?, entries: [AgendaEntry],
                paid: [Money]) {
        self.init(id: id, influencerID: influencerID, campaignID: campaignID, owner: owner, archived: archived, stage: stage,
                  stageSince: stageSince, nextAction: nextAction, agreedFee: agreedFee, lastContact: lastContact,
                  agenda: DealRowAgenda.bytes(entries: entries, paid: paid))
    }

    /// The row with its entries and paid amounts as `packedAgenda` holds them (the folder index keeps them so, and a
    /// start takes them as they are instead of making each entry and packing it again); nil when the bytes are not
    /// such an agenda.
    public init?(id: RecordID, influencerID: RecordID, campaignID: RecordID, owner: String?, archived: Bool, stage: StageKey,
                 stageSince: Date, nextAction: NextAction?, agreedFee: Money?, lastContact: Date?, packedAgenda: [UInt8]) {
        guard DealRowAgenda.isWellFormed(packedAgenda) else { return nil }
        self.init(id: id, influencerID: influencerID, campaignID: campaignID, owner: owner, archived: archived, stage: stage,
                  stageSince: stageSince, nextAction: nextAction, agreedFee: agreedFee, lastContact: lastContact, agenda: packedAgenda)
    }

    private init(id: RecordID, influencerID: RecordID, campaignID: RecordID, owner: String?, archived: Bool, stage: StageKey,
                 stageSince: Date, nextAction: NextAction?, agreedFee: Money?, lastContact: Date?, agenda: [UInt8]) {
        self.id = id
        self.influencerID = influencerID
        self.campaignID = campaignID
        self.archived = archived
        self.stageSince = stageSince
        self.nextAction = nextAction
        feeMinorUnits = agreedFee?.minorUnits ?? 0
        feeCurrencyNumber = DealRowValues.currencies.number(agreedFee?.currency)
        lastContactTime = CompactDate(lastContact)
        ownerNumber = DealRowValues.owners.number(owner)
        stageNumber = DealRowValues.stages.number(stage)
        self.agenda = agenda
    }

    /// The entries and paid amounts, packed (`DealRowAgenda`): what `init?(…packedAgenda:)` takes back.
    public var packedAgenda: [UInt8] { agenda }

    public var owner: String? {
        get { DealRowValues.owners.value(ownerNumber) }
        set { ownerNumber = DealRowValues.owners.number(newValue) }
    }

    public var stage: StageKey {
        get { DealRowValues.stages.value(stageNumber)! } // a stage always has its number
        set { stageNumber = DealRowValues.stages.number(newValue) }
    }

    public var agreedFee: Money? {
        get { DealRowValues.currencies.value(feeCurrencyNumber).map { Money(minorUnits: feeMinorUnits, currency: $0) } }
        set {
            feeMinorUnits = newValue?.minorUnits ?? 0
            feeCurrencyNumber = DealRowValues.currencies.number(newValue?.currency)
        }
    }

    /// The newest contact with the creator on this deal (any timeline entry but the system's): the Roster's "Contact".
    public var lastContact: Date? {
        get { lastContactTime.date }
        set { lastContactTime = CompactDate(newValue) }
    }

    public init(_ deal: Deal) {
        self.init(id: deal.id, influencerID: deal.influencerID, campaignID: deal.campaignID, owner: deal.owner,
                  archived: deal.archived, stage: deal.stage, stageSince: deal.stageSince, nextAction: deal.nextAction,
                  agreedFee: deal.agreedFee, lastContact: deal.lastContact, entries: Self.collected(deal.forEachAgendaEntry),
                  paid: Self.collected(deal.forEachPaidAmount))
    }

    /// What a `forEach…` method calls its body with, in an array.
    private static func collected<Element>(_ forEach: ((Element) -> Void) -> Void) -> [Element] {
        var elements: [Element] = []
        forEach { elements.append($0) }
        return elements
    }

    /// The deal's `forEachAgendaEntry`, with their summaries.
    public var entries: [AgendaEntry] {
        get { Self.collected(forEachAgendaEntry) }
        set { agenda = DealRowAgenda.bytes(entries: newValue, paid: paid) }
    }

    /// The amounts of the paid payments (usually none or one), so the Campaigns list's "Spent" reads no full deal.
    public var paid: [Money] {
        get { Self.collected(forEachPaidAmount) }
        set { agenda = DealRowAgenda.bytes(entries: entries, paid: newValue) }
    }

    public func forEachAgendaEntry(_ body: (AgendaEntry) -> Void) { DealRowAgenda.forEachEntry(agenda, body) }

    public func forEachAgendaDate(_ body: (AgendaEntry.Kind, Date?) -> Void) { DealRowAgenda.forEachDate(agenda, body) }

    public func forEachPaidAmount(_ body: (Money) -> Void) { DealRowAgenda.forEachPaid(agenda, body) }

    /// The same deal as a list sees it: entries compare as `AgendaEntry` does (by their words), so a row read back
    /// from the index, its entries worded, equals the one made from the deal.
    public static func == (a: DealRow, b: DealRow) -> Bool {
        a.id == b.id && a.influencerID == b.influencerID && a.campaignID == b.campaignID && a.ownerNumber == b.ownerNumber
            && a.stageNumber == b.stageNumber && a.stageSince == b.stageSince && a.agreedFee == b.agreedFee
            && a.nextAction == b.nextAction && a.archived == b.archived && a.lastContact == b.lastContact
            && (a.agenda == b.agenda || (a.entries == b.entries && a.paid == b.paid))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(stageNumber)
        hasher.combine(nextAction)
        hasher.combine(entries)
        hasher.combine(paid)
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

    /// What the entry is about, in parts: a row then holds no text of its own (200,000 rows' worded summaries were
    /// a heap string each), and the words are made for the few entries Today shows.
    public enum Subject: Hashable, Sendable {
        case deliverable(Platform, ContentType)
        case payment(Money, PaymentKind)
        case usageRights, exclusivity, whitelisting
        /// Already worded: an entry read back from the folder index.
        case worded(String)
    }

    public var kind: Kind
    public var date: Date?
    public var subject: Subject

    public init(kind: Kind, date: Date?, subject: Subject) {
        self.kind = kind
        self.date = date
        self.subject = subject
    }

    /// Entries are the same when they say the same: one read back from the index equals the one it was made from.
    public static func == (a: AgendaEntry, b: AgendaEntry) -> Bool {
        a.kind == b.kind && a.date == b.date && a.summary == b.summary
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(date)
        hasher.combine(summary)
    }

    /// "Review draft: Instagram Reel", "Goes live: …", "Pay EUR 500.00 (deposit)", "Usage rights ends".
    public var summary: String {
        switch subject {
        case .deliverable(let platform, let contentType):
            let label = "\(platform.displayName) \(contentType.displayName)"
            return kind == .draft ? "Review draft: \(label)" : "Goes live: \(label)"
        case .payment(let amount, let paymentKind): return "Pay \(amount.formatted) (\(paymentKind.rawValue))"
        case .usageRights: return "Usage rights ends"
        case .exclusivity: return "Exclusivity ends"
        case .whitelisting: return "Whitelisting ends"
        case .worded(let text): return text
        }
    }
}
