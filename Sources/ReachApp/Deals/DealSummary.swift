import Foundation
import ReachCore

/// Short texts about a deal shared by the board cards, the table and the deal page, so they always agree.
enum DealSummary {
    /// The agreed fee, else the newest offer marked as such, else "no fee yet".
    static func fee(_ deal: Deal) -> String {
        if let fee = deal.agreedFee { return fee.formatted }
        if let offer = deal.latestOffer { return "offer \(offer.amount.formatted)" }
        return deal.compensation == .gifted ? "gifted" : "no fee yet"
    }

    /// The next action is due before now on a deal that is still open.
    static func isOverdue(_ deal: some ListedDeal, _ state: AppState) -> Bool {
        !state.workspace.pipeline.isClosed(deal.stage) && deal.isFollowUpOverdue(now: state.now)
    }

    /// "3d overdue", "today", "in 4d"; "—" without a next action.
    static func due(_ deal: some ListedDeal, _ state: AppState) -> String {
        deal.nextAction.map { Humanize.due($0.due, now: state.now, timeZone: state.timeZone) } ?? "—"
    }

    /// "12d" in the stage, "12d stalled" past the stage's limit.
    static func age(_ deal: some ListedDeal, _ state: AppState) -> String {
        let days = "\(deal.daysInStage(now: state.now))d"
        return deal.isStalled(now: state.now, pipeline: state.workspace.pipeline) ? days + " stalled" : days
    }

    /// "3d overdue · Send counter-offer" (the due first, so a narrow card keeps it), or a prompt to set one.
    static func nextAction(_ deal: some ListedDeal, _ state: AppState) -> String {
        guard let next = deal.nextAction else { return state.workspace.pipeline.isClosed(deal.stage) ? "closed" : noNextStep }
        return "\(due(deal, state)) · \(next.summary)"
    }

    /// The flag on an open deal nobody has planned a next step for, with the key that sets one.
    static let noNextStep = "⚑ no next step (N)"


    /// Where a side-exited deal went and why: "Declined: budget too low".
    static func exit(_ deal: Deal, _ state: AppState) -> String {
        let name = state.workspace.pipeline.name(of: deal.stage)
        return deal.exitReason.map { "\(name): \($0)" } ?? name
    }
}
