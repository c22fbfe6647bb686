import ReachCore

/// The Today list: items from `Today.items`, grouped, with a cursor over the items (headers are not selectable).
public struct TodayState: Sendable {
    /// Items in display order (group by group, most urgent first inside a group).
    public var items: [TodayItem] = []
    /// Display rows: group headers and items.
    public var rows: [TodayRow] = []
    public var cursor = ListCursor()
    /// First visible display row (headers included).
    public var rowOffset = 0

    public init() {}

    /// The selected item's deal.
    public var selectedDealID: RecordID? { items.indices.contains(cursor.selected) ? items[cursor.selected].dealID : nil }
}

/// One line of the Today list.
public enum TodayRow: Sendable, Hashable {
    case header(TodayGroup, count: Int)
    /// Index into `TodayState.items`.
    case item(Int)
}

/// The groups of the Today screen, in the order they are shown.
public enum TodayGroup: Int, CaseIterable, Sendable {
    case followUps, drafts, goingLive, payments, rights, stalled

    public var title: String {
        switch self {
        case .followUps: "Follow-ups"
        case .drafts: "Drafts awaiting review"
        case .goingLive: "Posts due to go live"
        case .payments: "Payments due"
        case .rights: "Rights expiring"
        case .stalled: "Stalled deals"
        }
    }

    init(_ kind: TodayKind) {
        switch kind {
        case .followUpOverdue, .followUpDue: self = .followUps
        case .draftAwaitingReview: self = .drafts
        case .deliverableOverdue, .deliverableDue: self = .goingLive
        case .paymentOverdue, .paymentDue: self = .payments
        case .rightsExpiring: self = .rights
        case .stalled: self = .stalled
        }
    }
}
