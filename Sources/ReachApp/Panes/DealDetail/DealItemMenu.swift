import Foundation
import ReachCore
import TerminalUI

/// One line of a deal that can be corrected after the fact, as a picker row's id ("deliverable:<uuid>").
enum DealItem: Hashable, Sendable {
    case offer(UUID), deliverable(UUID), payment(UUID), activity(UUID)

    var pickerID: String {
        switch self {
        case .offer(let id): "offer:\(id.uuidString)"
        case .deliverable(let id): "deliverable:\(id.uuidString)"
        case .payment(let id): "payment:\(id.uuidString)"
        case .activity(let id): "activity:\(id.uuidString)"
        }
    }

    init?(pickerID: String) {
        let parts = pickerID.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "offer": self = .offer(id)
        case "deliverable": self = .deliverable(id)
        case "payment": self = .payment(id)
        case "activity": self = .activity(id)
        default: return nil
        }
    }
}

/// `E` and `d` on the deal page: one picker over the deal's deliverables, payments, offers and the user's own
/// timeline entries, filtered as you type ("pay", "reel"), then the chosen line's form or removal.
enum DealItemMenu {
    /// `E`: edit a deliverable, a payment, an offer or one of your timeline entries.
    static func edit(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        open(dealID, title: "Edit which line?", removing: false, &state) { item, state in
            switch item {
            case .deliverable(let id): DealItemForms.editDeliverable(dealID, id, &state)
            case .payment(let id): DealItemForms.editPayment(dealID, id, &state)
            case .offer(let id): DealItemForms.correctOffer(dealID, id, &state)
            case .activity(let id): DealItemForms.editActivity(dealID, id, &state)
            }
            return []
        }
    }

    /// `d`: drop a deliverable (or restore a dropped one), cancel a payment, delete an offer or your own entry.
    static func remove(_ dealID: RecordID, _ state: inout AppState) -> [Effect] {
        open(dealID, title: "Drop, cancel or delete which line?", removing: true, &state) { item, state in
            switch item {
            case .deliverable(let id): DealItemRemoval.dropOrRestoreDeliverable(dealID, id, &state)
            case .payment(let id): DealItemRemoval.cancelPayment(dealID, id, &state)
            case .offer(let id): DealItemRemoval.deleteOffer(dealID, id, &state)
            case .activity(let id): DealItemRemoval.deleteActivity(dealID, id, &state)
            }
        }
    }

    private static func open(_ dealID: RecordID, title: String, removing: Bool, _ state: inout AppState,
                             then: @escaping @Sendable (DealItem, inout AppState) -> [Effect]) -> [Effect] {
        guard let deal = state.workspace.deal(dealID) else { return [] }
        let rows = rows(deal, removing: removing, state)
        guard !rows.isEmpty else {
            state.show("Nothing to change yet: o records an offer, D adds a deliverable, p a payment, a logs an activity.", .warning)
            return []
        }
        state.overlays.append(.custom(Picker(title: title, items: rows, state: state) { row, state in
            DealItem(pickerID: row.id).map { then($0, &state) } ?? []
        }))
        return []
    }

    /// The picker's rows: deliverables in page order, then payments, offers, and the user's own entries newest
    /// first. Removing leaves out what is already cancelled; a dropped deliverable is offered for restoring.
    static func rows(_ deal: Deal, removing: Bool, _ state: AppState) -> [PickerItem] {
        let day = { Humanize.day($0, timeZone: state.timeZone) }
        var rows: [PickerItem] = []
        for (index, item) in deal.deliverables.enumerated() {
            let verb = removing ? (item.isDropped ? "Restore deliverable" : "Drop deliverable") : "Deliverable"
            let detail = item.dropped.map { "dropped \(day($0.at))" }
                ?? ([item.dueDate.map { "due \(day($0))" }, item.status.displayName].compactMap { $0 }.joined(separator: " · "))
            rows.append(PickerItem(id: DealItem.deliverable(item.id).pickerID, title: "\(verb) \(index + 1). \(item.title)", detail: detail))
        }
        for payment in deal.payments where !(removing && payment.status == .cancelled) {
            let detail = payment.paidAt.map { "paid \(day($0))" } ?? payment.dueDate.map { "due \(day($0)) · \(payment.status.label)" }
                ?? payment.status.label
            rows.append(PickerItem(id: DealItem.payment(payment.id).pickerID,
                                   title: "\(removing ? "Cancel payment" : "Payment") \(payment.kind.label) \(payment.amount.formatted)",
                                   detail: detail))
        }
        let agreed = deal.agreedOfferID
        for offer in deal.offers.sorted(by: { $0.at < $1.at }) {
            rows.append(PickerItem(id: DealItem.offer(offer.id).pickerID,
                                   title: "\(removing ? "Delete offer" : "Offer") \(offer.by.label) \(offer.amount.formatted)",
                                   detail: day(offer.at) + (offer.id == agreed ? " · agreed" : "")))
        }
        for activity in deal.timeline where activity.isEditable(by: state.user) {
            rows.append(PickerItem(id: DealItem.activity(activity.id).pickerID,
                                   title: "\(removing ? "Delete entry" : "Entry") \(day(activity.at)) \(activity.summary)",
                                   detail: activity.channel.rawValue))
        }
        return rows
    }
}
