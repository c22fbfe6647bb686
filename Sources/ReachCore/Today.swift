import Foundation

/// What kind of item appears on the Today screen.
public enum TodayKind: String, Codable, Sendable, CaseIterable {
    case followUpOverdue, followUpDue, draftAwaitingReview, deliverableOverdue, deliverableDue,
         paymentOverdue, paymentDue, rightsExpiring, stalled, noNextStep
}

/// One thing to act on today, tied to a deal. It holds no text and none of the deal's other ids: its words, creator,
/// campaign and owner are read from the deal's row when it is shown (`summary(of:now:pipeline:)`). Every owner's items
/// are kept, 233,000 at 100k creators, and with a summary string and three more ids each they took 112 bytes and a
/// heap string apiece, twice over (everyone's and the shown list); now 32 bytes (the fields in this order pack).
public struct TodayItem: Hashable, Sendable {
    public var dealID: RecordID
    public var due: Date?
    public var kind: TodayKind
    public var whoseMove: Party?
    /// Overdue items come first.
    public var isOverdue: Bool
    /// For an item about one of the deal's dated entries (a draft, a post, a payment, the end of rights): its place
    /// in the deal's `forEachAgendaEntry` order.
    public var entry: UInt32

    public init(kind: TodayKind, dealID: RecordID, due: Date?, entry: Int = 0, whoseMove: Party?, isOverdue: Bool) {
        self.kind = kind
        self.dealID = dealID
        self.due = due
        self.entry = UInt32(clamping: entry)
        self.whoseMove = whoseMove
        self.isOverdue = isOverdue
    }

    /// What the item says, worded from `deal` (its deal) as it is now: the next step's summary, the dated entry's, or
    /// the stage the deal lacks a next step in or has stalled in.
    public func summary(of deal: some ListedDeal, now: Date, pipeline: StagePipeline) -> String {
        switch kind {
        case .followUpOverdue, .followUpDue:
            return deal.nextAction?.summary ?? ""
        case .noNextStep:
            return "No next step · \(pipeline.name(of: deal.stage))"
        case .stalled:
            return "\(StagePipeline.daysInStage(since: deal.stageSince, now: now)) days in \(pipeline.name(of: deal.stage))"
        case .draftAwaitingReview, .deliverableOverdue, .deliverableDue, .paymentOverdue, .paymentDue, .rightsExpiring:
            var position: UInt32 = 0, summary = ""
            deal.forEachAgendaEntry { entry in
                if position == self.entry { summary = entry.summary }
                position += 1
            }
            return summary
        }
    }
}

/// Builds the Today list relative to an injected `now`.
public enum Today {
    /// Items from open deals (closed deals still show unpaid payments and expiring rights), overdue first, then by due date.
    /// "Due" means due before the end of `now`'s day in `timeZone`; rights show when ending within `rightsWarningDays`.
    /// `items(deals:…)` of compact rows, specialised here: walked from another module, a generic sequence goes
    /// through witness tables (looking up generic metadata was a tenth of Today's first frame at 200k deals).
    public static func items(rows: [DealRow], now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
                             rightsWarningDays: Int = 14, pipeline: StagePipeline = .default,
                             order: TodayOrder = .urgency) -> [TodayItem] {
        items(deals: rows, now: now, timeZone: timeZone, rightsWarningDays: rightsWarningDays, pipeline: pipeline, order: order)
    }

    public static func items(deals: some Sequence<some ListedDeal>, now: Date,
                             timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
                             rightsWarningDays: Int = 14, pipeline: StagePipeline = .default,
                             order: TodayOrder = .urgency) -> [TodayItem] {
        let window = Window(now: now, timeZone: timeZone, rightsWarningDays: rightsWarningDays)
        let endOfDay = window.endOfDay, rightsHorizon = window.rightsHorizon
        var out: [TodayItem] = []
        for deal in deals where !deal.archived {
            func item(_ kind: TodayKind, _ due: Date?, entry: Int = 0, _ whoseMove: Party?, overdue: Bool = false) -> TodayItem {
                TodayItem(kind: kind, dealID: deal.id, due: due, entry: entry, whoseMove: whoseMove, isOverdue: overdue)
            }
            let closed = pipeline.isClosed(deal.stage)
            if !closed {
                if let next = deal.nextAction, next.due < endOfDay {
                    let overdue = next.due < now
                    out.append(item(overdue ? .followUpOverdue : .followUpDue, next.due, next.whoseMove, overdue: overdue))
                }
                var position = 0
                deal.forEachAgendaDate { kind, date in
                    defer { position += 1 }
                    switch kind {
                    case .draft:
                        out.append(item(.draftAwaitingReview, date, entry: position, .us))
                    case .goingLive:
                        guard let due = date, due < endOfDay else { return }
                        out.append(item(due < now ? .deliverableOverdue : .deliverableDue, due, entry: position, .them, overdue: due < now))
                    case .payment, .rights:
                        return
                    }
                }
                if deal.nextAction == nil {
                    out.append(item(.noNextStep, nil, nil))
                }
                if pipeline.isStalled(deal.stage, since: deal.stageSince, now: now) {
                    out.append(item(.stalled, deal.stageSince, deal.nextAction?.whoseMove))
                }
            }
            var position = 0
            deal.forEachAgendaDate { kind, date in
                defer { position += 1 }
                guard let date else { return }
                switch kind {
                case .payment where date < endOfDay:
                    out.append(item(date < now ? .paymentOverdue : .paymentDue, date, entry: position, .us, overdue: date < now))
                case .rights where date >= now && date <= rightsHorizon:
                    out.append(item(.rightsExpiring, date, entry: position, .us))
                default:
                    return
                }
            }
        }
        sort(&out, order)
        return out
    }

    /// The moments that decide which dated entries `items` shows at `now`. The folder index asks only for the rows
    /// these can show (a closed deal with nothing due is not fetched): its query states the same rules in SQL, and
    /// `FolderIndexTests` checks Today from those rows against Today from the deals.
    public struct Window: Sendable {
        public let now: Date
        /// The end of `now`'s day: follow-ups, posts going live and payments before it are due today.
        public let endOfDay: Date
        /// Usage rights ending from `now` up to here are shown.
        public let rightsHorizon: Date

        public init(now: Date, timeZone: TimeZone, rightsWarningDays: Int) {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = timeZone
            self.now = now
            endOfDay = cal.date(byAdding: .day, value: 1, to: cal.startOfDay(for: now)) ?? now
            rightsHorizon = now.addingTimeInterval(Double(rightsWarningDays) * 86_400)
        }
    }

    /// Two lists each in `order`, merged into one in that order (no deal in both): how Today takes in a few changed
    /// deals without sorting every item again.
    public static func merged(_ a: [TodayItem], _ b: [TodayItem], order: TodayOrder = .urgency) -> [TodayItem] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var out: [TodayItem] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if comesFirst(b[j], before: a[i], order) { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// `merged` in place: each of a few new items goes where it belongs by a binary search, moving the rest along
    /// without copying them (Today keeps every owner's items, 85,000 at 200k deals, and a save changes one deal);
    /// many new items are merged in one pass.
    public static func merge(_ new: [TodayItem], into items: inout [TodayItem], order: TodayOrder = .urgency) {
        guard new.count <= 16 else { return items = merged(items, new, order: order) }
        for item in new {
            var low = 0, high = items.count
            while low < high {
                let middle = (low + high) / 2
                if comesFirst(item, before: items[middle], order) { high = middle } else { low = middle + 1 }
            }
            items.insert(item, at: low)
        }
    }

    /// The urgency order (under headings first, for the screen's order) for items of two different deals.
    static func comesFirst(_ x: TodayItem, before y: TodayItem, _ order: TodayOrder) -> Bool {
        if order == .screen, TodayGroup(x.kind) != TodayGroup(y.kind) { return TodayGroup(x.kind).rawValue < TodayGroup(y.kind).rawValue }
        if x.isOverdue != y.isOverdue { return x.isOverdue }
        let dx = x.due ?? .distantFuture, dy = y.due ?? .distantFuture
        if dx != dy { return dx < dy }
        return x.dealID < y.dealID
    }

    /// Overdue first, then by due date (none last), then by deal, so the list reads the same at every start
    /// (deals come in no fixed order); one deal's items stay in the order given. Sorts one plain key per item,
    /// compared field by field with no closure (a stable sort of positions comparing through the items took half of
    /// building Today's 233,000 items at 200k deals), and moves each item once.
    /// The keys are sorted in place (`sorted()` copied them first: 9 MB more at the start's peak for everyone's
    /// 233,000 items), and so are the items, cycle by cycle (a sorted copy was 7.5 MB more). In the screen's order,
    /// by heading first.
    static func sort(_ items: inout [TodayItem], _ order: TodayOrder) {
        var keys = items.indices.map { UrgencyKey(items[$0], place: $0, order) }
        keys.sort()
        // Place `i` takes the item at `keys[i].place`: each cycle of that permutation is followed once, saving only
        // its first item.
        var placed = [Bool](repeating: false, count: items.count)
        for start in items.indices where !placed[start] {
            let first = items[start]
            var place = start
            while true {
                placed[place] = true
                let from = Int(keys[place].place)
                if from == start { items[place] = first; break }
                items[place] = items[from]
                place = from
            }
        }
    }

    /// `comesFirst`, and then the place in the list (so equal items keep their order), as one value: 32 bytes
    /// (the heading, the flag and the place share a word).
    private struct UrgencyKey: Comparable {
        /// The heading's rank in the screen's order; 0 for every item in the urgency order.
        let heading: UInt8
        let overdue: Bool
        let place: UInt32
        let due: Double
        let deal: RecordID

        init(_ item: TodayItem, place: Int, _ order: TodayOrder) {
            heading = order == .screen ? UInt8(TodayGroup(item.kind).rawValue) : 0
            overdue = item.isOverdue
            self.place = UInt32(place)
            due = (item.due ?? .distantFuture).timeIntervalSinceReferenceDate
            deal = item.dealID
        }

        static func < (x: Self, y: Self) -> Bool {
            if x.heading != y.heading { return x.heading < y.heading }
            if x.overdue != y.overdue { return x.overdue }
            if x.due != y.due { return x.due < y.due }
            return x.deal != y.deal ? x.deal < y.deal : x.place < y.place
        }
    }
}

/// How a list of Today's items is ordered: by urgency (overdue first, then by due date, then by deal), or as the
/// screen shows them, by heading and then by urgency. The app keeps everyone's items in the screen's order, so the
/// list shown for everyone is that list itself, not a regrouped copy (233,000 items at 100k creators, 7.5 MB).
public enum TodayOrder: Sendable {
    case urgency, screen
}

/// The headings of the Today screen and of `reach today`, in the order they are shown.
public enum TodayGroup: Int, CaseIterable, Sendable {
    case followUps, drafts, goingLive, payments, rights, stalled, noNextStep

    public var title: String {
        switch self {
        case .followUps: "Follow-ups"
        case .drafts: "Drafts awaiting review"
        case .goingLive: "Posts due to go live"
        case .payments: "Payments due"
        case .rights: "Rights expiring"
        case .stalled: "Stalled deals"
        case .noNextStep: "No next step"
        }
    }

    public init(_ kind: TodayKind) {
        switch kind {
        case .followUpOverdue, .followUpDue: self = .followUps
        case .draftAwaitingReview: self = .drafts
        case .deliverableOverdue, .deliverableDue: self = .goingLive
        case .paymentOverdue, .paymentDue: self = .payments
        case .rightsExpiring: self = .rights
        case .stalled: self = .stalled
        case .noNextStep: self = .noNextStep
        }
    }
}
