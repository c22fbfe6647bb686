import Foundation
import ReachCore
import TerminalUI

/// Taking a line out of a deal, from `d`: a deliverable is dropped and a payment cancelled with a reason (both stay
/// on the deal, out of every count); an offer or one's own timeline entry entered by mistake is deleted. Each is
/// saved through `Edits.commit`, so `u` brings the line back.
enum DealItemRemoval {
    static func dropOrRestoreDeliverable(_ dealID: RecordID, _ itemID: UUID, _ state: inout AppState) -> [Effect] {
        guard let item = state.workspace.deal(dealID)?.deliverables.first(where: { $0.id == itemID }) else { return [] }
        if item.isDropped {
            return change(dealID, label: "restore deliverable", &state) { deal, state in
                deal.restoreDeliverable(itemID, at: state.now, author: state.author)
            }
        }
        askReason(title: "Drop \(item.title)", hint: "Kept on the deal as history, out of every count; u undoes.",
                  &state) { reason, state in
            change(dealID, label: "drop deliverable", &state) { deal, state in
                deal.dropDeliverable(itemID, reason: reason, at: state.now, author: state.author)
            }
        }
        return []
    }

    static func cancelPayment(_ dealID: RecordID, _ paymentID: UUID, _ state: inout AppState) -> [Effect] {
        guard let payment = state.workspace.deal(dealID)?.payments.first(where: { $0.id == paymentID }) else { return [] }
        askReason(title: "Cancel \(payment.kind.label) \(payment.amount.formatted)",
                  hint: "Kept in the ledger, marked ✗, out of every total; u undoes.", &state) { reason, state in
            change(dealID, label: "cancel payment", &state) { deal, state in
                deal.cancelPayment(paymentID, reason: reason, at: state.now, author: state.author)
            }
        }
        return []
    }

    static func deleteOffer(_ dealID: RecordID, _ offerID: UUID, _ state: inout AppState) -> [Effect] {
        change(dealID, label: "delete offer", &state) { deal, state in
            deal.deleteOffer(offerID, at: state.now, author: state.author, timeZone: state.timeZone)
        }
    }

    static func deleteActivity(_ dealID: RecordID, _ activityID: UUID, _ state: inout AppState) -> [Effect] {
        guard let activity = state.workspace.deal(dealID)?.activities.first(where: { $0.id == activityID }) else { return [] }
        guard activity.isEditable(by: state.user) else {
            state.show("Only \(activity.author ?? "its author") can delete this entry.", .warning)
            return []
        }
        return change(dealID, label: "delete entry", &state) { deal, _ in deal.deleteActivity(activityID) }
    }

    /// Applies `apply` to the deal as it is now and saves it.
    private static func change(_ dealID: RecordID, label: String, _ state: inout AppState,
                               _ apply: (inout Deal, AppState) -> Void) -> [Effect] {
        guard var deal = state.workspace.deal(dealID) else { return [] }
        apply(&deal, state)
        deal.updatedAt = state.now
        return Edits.commit(.deal(deal), label: label, &state)
    }

    /// A prompt for a reason that must not be empty.
    private static func askReason(title: String, hint: String, _ state: inout AppState,
                                  then: @escaping @Sendable (String, inout AppState) -> [Effect]) {
        state.overlays.append(.prompt(PromptOverlay(title: title, label: "Reason", hint: hint) { text, state in
            let reason = text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return .invalid("Say why, so the deal's history explains it.") }
            return .close(then(reason, &state))
        }))
    }
}
