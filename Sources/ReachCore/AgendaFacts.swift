import Foundation

/// What decides whether a deal can be on Today, in a form that holds neither the pipeline's stage roles nor the
/// clock: the folder index keeps it per deal, so `reach today` reads only the deal files that can show something
/// (a stage made closed in Settings, or another day, needs no re-reading of every deal).
public struct AgendaFacts: Hashable, Sendable {
    public var archived: Bool
    public var stage: StageKey
    public var stageSince: Date
    /// An open deal always shows something: a draft in review, or no next step.
    public var alwaysWhileOpen: Bool
    /// The earliest date an open deal shows: its next step, a deliverable due to go live.
    public var earliestWhileOpen: Date?
    /// The earliest due date of an open payment (shown whether the deal is open or closed).
    public var earliestPayment: Date?
    /// End dates of the usage rights, exclusivity and whitelisting (shown near their end, open or closed).
    public var rightsEnds: [Date]

    public init(archived: Bool, stage: StageKey, stageSince: Date, alwaysWhileOpen: Bool, earliestWhileOpen: Date?,
                earliestPayment: Date?, rightsEnds: [Date]) {
        self.archived = archived
        self.stage = stage
        self.stageSince = stageSince
        self.alwaysWhileOpen = alwaysWhileOpen
        self.earliestWhileOpen = earliestWhileOpen
        self.earliestPayment = earliestPayment
        self.rightsEnds = rightsEnds
    }

    public init(_ deal: Deal) {
        let live = deal.deliverables.filter { !$0.isDropped }
        let contract = deal.contract
        self.init(
            archived: deal.archived, stage: deal.stage, stageSince: deal.stageEnteredAt,
            alwaysWhileOpen: deal.nextAction == nil || live.contains { $0.status == .inReview },
            earliestWhileOpen: ([deal.nextAction?.due] + live.map { $0.status == .live ? nil : $0.dueDate }).compactMap { $0 }.min(),
            earliestPayment: deal.payments.filter(\.isOpen).compactMap(\.dueDate).min(),
            rightsEnds: [contract.usageRights?.endsAt, contract.exclusivity?.endsAt, contract.whitelistingEndsAt].compactMap { $0 })
    }

    /// False only when `Today.items` has nothing for this deal at `now`, in any time zone; true is the cue to read
    /// the deal and ask `Today.items` itself.
    public func mayBeDue(now: Date, rightsWarningDays: Int, pipeline: StagePipeline) -> Bool {
        guard !archived else { return false }
        // "Due" is before the end of `now`'s day in the user's time zone: never more than a day and a bit ahead.
        let horizon = now.addingTimeInterval(2 * 86_400)
        if let due = earliestPayment, due < horizon { return true }
        let rightsHorizon = now.addingTimeInterval(Double(rightsWarningDays) * 86_400)
        if rightsEnds.contains(where: { $0 >= now && $0 <= rightsHorizon }) { return true }
        guard !pipeline.isClosed(stage) else { return false }
        if alwaysWhileOpen { return true }
        if let due = earliestWhileOpen, due < horizon { return true }
        guard let limit = pipeline.definition(for: stage)?.stallAfterDays else { return false }
        return Int(now.timeIntervalSince(stageSince) / 86_400) > limit
    }
}
