import Foundation

/// A next step as the user (or `reach log`) gave it: what is left open is filled in by the contact's direction.
public struct NextStepDraft: Hashable, Sendable {
    public var summary: String
    /// nil: not set, so a reply is due today and anything else on the usual follow-up day.
    public var due: Date?
    /// nil: not set, so it follows the contact (a reply from them makes it ours, our message makes it theirs).
    public var whoseMove: Party?

    public init(summary: String, due: Date? = nil, whoseMove: Party? = nil) {
        self.summary = summary
        self.due = due
        self.whoseMove = whoseMove
    }
}

/// What logging a contact does to the deal's next step: the one-keystroke choices of the log dialog.
public enum NextStepChange: Hashable, Sendable {
    /// Leave it (an inbound contact still makes it our move, due today).
    case keep
    /// It is done and nothing follows yet: the deal shows under "No next step" until one is set.
    case done
    case replace(NextStepDraft)
}

/// The days a contact's next step falls on when the user gave none.
public struct NextStepDays: Hashable, Sendable {
    /// The end of today: when a reply from the creator is due to be answered.
    public var replyBy: Date
    /// The end of the usual follow-up day (`followUpAfterDays` from today).
    public var followUpBy: Date

    public init(replyBy: Date, followUpBy: Date) {
        self.replyBy = replyBy
        self.followUpBy = followUpBy
    }
}

extension Deal {
    /// Logs a contact and applies the next-step choice in one edit. An inbound contact (a reply, a DM, a call
    /// from them) makes the move ours and due today, unless the user chose "done" or gave a date.
    public mutating func logContact(_ activity: Activity, then change: NextStepChange, days: NextStepDays) {
        logActivity(activity)
        let inbound = activity.direction == .inbound
        switch change {
        case .keep:
            guard inbound else { return }
            nextAction = NextAction(summary: nextAction?.summary ?? "Reply: \(activity.summary)", due: days.replyBy, whoseMove: .us)
        case .done:
            nextAction = nil
        case .replace(let draft):
            setNextStep(draft, after: activity.direction, days: days)
        }
    }

    /// Sets the next step, filling an unset due day and whose move from the direction of the contact before it.
    public mutating func setNextStep(_ draft: NextStepDraft, after direction: ActivityDirection? = nil, days: NextStepDays) {
        let inbound = direction == .inbound
        let whose = draft.whoseMove ?? (direction == .outbound ? .them : .us)
        nextAction = NextAction(summary: draft.summary, due: draft.due ?? (inbound ? days.replyBy : days.followUpBy), whoseMove: whose)
    }
}
