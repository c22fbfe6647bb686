import Foundation

/// Why a stage move was refused.
public enum StageMoveError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownStage(StageKey)
    case reasonRequired(StageKey)
    case alreadyInStage(StageKey)
    case noNextStage(StageKey)
    case noPreviousStage(StageKey)

    public var description: String {
        switch self {
        case let .unknownStage(k): return "Stage \"\(k)\" is not in the pipeline: pick one of the configured stages."
        case let .reasonRequired(k): return "Moving to \(k) needs a reason: say why the deal ended (e.g. \"budget too low\")."
        case let .alreadyInStage(k): return "The deal is already in \(k)."
        case let .noNextStage(k): return "\(k) is the last stage: there is no next stage."
        case let .noPreviousStage(k): return "\(k) has no previous stage."
        }
    }
}

extension Deal {
    /// Moves the deal to `stage`, appending to the stage history and logging a system activity.
    /// Side exits need a non-empty `reason`; leaving a side exit clears `exitReason`.
    public mutating func move(to stage: StageKey, at date: Date, reason: String? = nil,
                              pipeline: StagePipeline = .default, author: String? = nil) throws(StageMoveError) {
        guard pipeline.contains(stage) else { throw .unknownStage(stage) }
        guard stage != self.stage else { throw .alreadyInStage(stage) }
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let cleanReason = (trimmed?.hasVisibleCharacter ?? false) ? trimmed : nil
        if pipeline.isSideExit(stage) && cleanReason == nil { throw .reasonRequired(stage) }
        let from = self.stage
        stageHistory.append(StageChange(from: from, to: stage, at: date, reason: cleanReason))
        self.stage = stage
        exitReason = pipeline.isSideExit(stage) ? cleanReason : nil
        var summary = "Stage: \(pipeline.name(of: from)) → \(pipeline.name(of: stage))"
        if let cleanReason { summary += " (\(cleanReason))" }
        activities.append(Activity(at: date, channel: .system, summary: summary, author: author))
    }

    /// Moves to the next main stage (`>` in the pipeline).
    public mutating func advance(at date: Date, pipeline: StagePipeline = .default, author: String? = nil) throws(StageMoveError) {
        guard let next = pipeline.next(after: stage) else { throw .noNextStage(stage) }
        try move(to: next, at: date, pipeline: pipeline, author: author)
    }

    /// Moves to the previous main stage (`<`); from a side exit, returns to the stage before the exit.
    public mutating func moveBack(at date: Date, pipeline: StagePipeline = .default, author: String? = nil) throws(StageMoveError) {
        if pipeline.isSideExit(stage), let before = stageHistory.last(where: { $0.to == stage })?.from, before != stage {
            try move(to: before, at: date, pipeline: pipeline, author: author)
            return
        }
        guard let prev = pipeline.previous(before: stage) else { throw .noPreviousStage(stage) }
        try move(to: prev, at: date, pipeline: pipeline, author: author)
    }

    /// When the deal entered its current stage.
    public var stageEnteredAt: Date { stageHistory.last(where: { $0.to == stage })?.at ?? createdAt }

    public func isClosed(pipeline: StagePipeline = .default) -> Bool { pipeline.isClosed(stage) }
    public func isSideExited(pipeline: StagePipeline = .default) -> Bool { pipeline.isSideExit(stage) }

    /// Records an offer or counter-offer and logs it; `agreed: true` also sets `agreedFee`.
    public mutating func recordOffer(by party: Party, amount: Money, at date: Date, note: String? = nil, agreed: Bool = false) {
        offers.append(Offer(by: party, amount: amount, note: note, at: date))
        var summary = "\(party == .us ? "We offered" : "They asked for") \(amount.formatted)"
        if agreed {
            agreedFee = amount
            summary += " — agreed"
        }
        if let note, !note.isEmpty { summary += ": \(note)" }
        activities.append(Activity(at: date, channel: .note, direction: party == .us ? .outbound : .inbound, summary: summary))
    }

    /// The newest offer, if any.
    public var latestOffer: Offer? { offers.max { $0.at < $1.at } }

    /// Appends a timeline entry. An inbound contact resets the follow-up count (they replied).
    public mutating func logActivity(_ activity: Activity) {
        activities.append(activity)
        if activity.direction == .inbound { followUpCount = 0 }
    }

    /// Convenience for `logActivity(Activity(...))`.
    public mutating func logActivity(at date: Date, channel: ActivityChannel, direction: ActivityDirection? = nil,
                                     summary: String, author: String? = nil) {
        logActivity(Activity(at: date, channel: channel, direction: direction, summary: summary, author: author))
    }

    /// Logs an outbound follow-up and counts it.
    public mutating func recordFollowUpSent(at date: Date, channel: ActivityChannel = .email, summary: String = "Follow-up sent") {
        followUpCount += 1
        activities.append(Activity(at: date, channel: channel, direction: .outbound, summary: "\(summary) (#\(followUpCount))"))
    }

    /// Sets the next action, its due date and whose move it is.
    public mutating func setFollowUp(_ summary: String, due: Date, whoseMove: Party = .us) {
        nextAction = NextAction(summary: summary, due: due, whoseMove: whoseMove)
    }

    public mutating func clearNextAction() { nextAction = nil }

    /// Timeline newest first.
    public var timeline: [Activity] { activities.sorted { $0.at > $1.at } }


    // MARK: Payments

    /// Sum of payments with status `paid`, per currency (only paid counts as spend).
    public var paidByCurrency: [CurrencyCode: Money] { Self.sumByCurrency(payments.filter { $0.status == .paid }.map(\.amount)) }

    /// Paid total in `currency` (ignores payments in other currencies; use `Budget` for mixed ledgers).
    public func paidTotal(in currency: CurrencyCode) -> Money { paidByCurrency[currency] ?? .zero(currency) }

    /// agreed − paid; nil when no fee is agreed. Throws if the ledger mixes currencies with the agreed fee.
    public func balance() throws(MoneyError) -> Money? {
        guard let agreed = agreedFee else { return nil }
        var remaining = agreed
        for p in payments where p.status == .paid { remaining = try remaining.subtracting(p.amount) }
        return remaining
    }

    /// Adds a payment to the ledger.
    public mutating func addPayment(_ payment: Payment) { payments.append(payment) }

    /// Marks a payment paid on `date` and logs it.
    public mutating func markPaid(_ paymentID: UUID, at date: Date) {
        guard let i = payments.firstIndex(where: { $0.id == paymentID }) else { return }
        payments[i].status = .paid
        payments[i].paidAt = date
        activities.append(Activity(at: date, channel: .system, summary: "Paid \(payments[i].amount.formatted) (\(payments[i].kind.rawValue))"))
    }

    public func overduePayments(now: Date) -> [Payment] { payments.filter { $0.isOverdue(now: now) } }
    public func overdueDeliverables(now: Date) -> [Deliverable] { deliverables.filter { $0.isOverdue(now: now) } }

    // MARK: Deliverables

    /// Changes a deliverable's status; `changesRequested` needs a reason (kept), `live` sets URL and posted date.
    public mutating func setDeliverableStatus(_ id: UUID, to status: DeliverableStatus, at date: Date,
                                              reason: String? = nil, liveURL: String? = nil) {
        guard let i = deliverables.firstIndex(where: { $0.id == id }) else { return }
        let old = deliverables[i].status
        deliverables[i].status = status
        if status == .changesRequested {
            deliverables[i].changesReason = reason
            deliverables[i].reviewRounds += 1
        }
        if status == .approved && old == .inReview { deliverables[i].reviewRounds += 1 }
        if status == .live {
            deliverables[i].postedAt = deliverables[i].postedAt ?? date
            if let liveURL { deliverables[i].liveURL = liveURL }
        }
        var summary = "\(deliverables[i].platform.displayName) \(deliverables[i].contentType.displayName): \(old.displayName) → \(status.displayName)"
        if let reason, !reason.isEmpty { summary += " (\(reason))" }
        activities.append(Activity(at: date, channel: .system, summary: summary))
    }

    static func sumByCurrency(_ amounts: [Money]) -> [CurrencyCode: Money] {
        var out: [CurrencyCode: Money] = [:]
        for a in amounts {
            let current = out[a.currency] ?? .zero(a.currency)
            out[a.currency] = Money(minorUnits: current.minorUnits.clampedAdding(a.minorUnits), currency: a.currency)
        }
        return out
    }
}
