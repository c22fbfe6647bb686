import Foundation
import ReachCore
import TerminalUI

/// The forms that correct one line of a deal (a deliverable, a payment, an offer, a timeline entry), opened from
/// `E`. Each is a `RecordForm`: the deal is read fresh on submit, the change is logged by the domain, and `u`
/// undoes it.
enum DealItemForms {
    /// The same field keys as the forms that add these lines.
    private typealias DeliverableKey = DealEditors.DeliverableKey
    private typealias PaymentKey = DealEditors.PaymentKey
    private typealias OfferKey = DealEditors.OfferKey

    /// Platform, content type, count, due date, draft link, live URL and note; a new due date is logged as moved.
    static func editDeliverable(_ dealID: RecordID, _ itemID: UUID, _ state: inout AppState) {
        guard let item = state.workspace.deal(dealID)?.deliverables.first(where: { $0.id == itemID }) else { return }
        let platforms = Platform.known.contains(item.platform) ? Platform.known : Platform.known + [item.platform]
        let types = ContentType.known.contains(item.contentType) ? ContentType.known : ContentType.known + [item.contentType]
        DealEditors.form("Edit \(item.title)", dealID, fields: [
            FormField("Platform", key: DeliverableKey.platform, kind: .choice(platforms.map(\.displayName)), value: item.platform.displayName),
            FormField("Content type", key: DeliverableKey.contentType, kind: .choice(types.map(\.displayName)),
                      value: item.contentType.displayName),
            FormField("Count", key: DeliverableKey.count, kind: .number, value: String(item.count), isRequired: true) {
                Int($0).map { $0 >= 1 } == false ? "Count: at least 1." : nil
            },
            .day("Due", key: DeliverableKey.due, value: item.dueDate, now: state.now, timeZone: state.timeZone),
            FormField("Draft link", key: DeliverableKey.draftURL, value: item.draftURL ?? ""),
            FormField("Live URL", key: DeliverableKey.liveURL, value: item.liveURL ?? ""),
            FormField("Note", key: DeliverableKey.note, value: item.note ?? ""),
        ], editorFields: [DeliverableKey.note], label: "edit deliverable", &state) { _, values, deal, state in
            deal.editDeliverable(itemID, at: state.now, author: state.author, timeZone: state.timeZone) { item in
                item.platform = values.choice(DeliverableKey.platform, platforms, name: \.displayName) ?? item.platform
                item.contentType = values.choice(DeliverableKey.contentType, types, name: \.displayName) ?? item.contentType
                item.count = values.int(DeliverableKey.count) ?? item.count
                item.dueDate = values.day(DeliverableKey.due)
                item.draftURL = values.text(DeliverableKey.draftURL)
                item.liveURL = values.text(DeliverableKey.liveURL)
                item.note = values.text(DeliverableKey.note)
            }
            return nil
        }
    }

    /// Kind, amount and currency, due date, status (with the paid date), invoice number, method and note.
    /// Cancelling goes through `d` (it needs a reason); a cancelled line set back to planned is reinstated.
    static func editPayment(_ dealID: RecordID, _ paymentID: UUID, _ state: inout AppState) {
        guard let payment = state.workspace.deal(dealID)?.payments.first(where: { $0.id == paymentID }) else { return }
        let statuses = PaymentStatus.allCases.filter { $0 != .cancelled || payment.status == .cancelled }
        let currency = payment.amount.currency
        DealEditors.form("Edit payment", dealID, fields: [
            FormField("Kind", key: PaymentKey.kind, kind: .choice(PaymentKind.labels), value: payment.kind.label),
            .money("Amount", key: PaymentKey.amount, value: payment.amount, defaultCurrency: currency, required: true),
            .day("Due", key: PaymentKey.due, value: payment.dueDate, now: state.now, timeZone: state.timeZone),
            FormField("Status", key: PaymentKey.status, kind: .choice(statuses.map(\.label)), value: payment.status.label),
            .day("Paid on", key: PaymentKey.paidOn, value: payment.paidAt, now: state.now, timeZone: state.timeZone),
            FormField("Invoice", key: PaymentKey.invoice, value: payment.invoiceRef ?? ""),
            FormField("Method", key: PaymentKey.method, value: payment.method ?? ""),
            FormField("Note", key: PaymentKey.note, value: payment.note ?? ""),
        ], focus: 1, label: "edit payment", &state) { _, values, deal, state in
            guard let amount = values.money(PaymentKey.amount, defaultCurrency: currency) else { return nil }
            deal.editPayment(paymentID, at: state.now, author: state.author, timeZone: state.timeZone) { payment in
                payment.kind = PaymentKind.from(label: values.values[PaymentKey.kind]) ?? payment.kind
                payment.amount = amount
                payment.dueDate = values.day(PaymentKey.due)
                payment.status = PaymentStatus.from(label: values.values[PaymentKey.status]) ?? payment.status
                payment.paidAt = values.day(PaymentKey.paidOn)
                payment.invoiceRef = values.text(PaymentKey.invoice)
                payment.method = values.text(PaymentKey.method)
                payment.note = values.text(PaymentKey.note)
            }
            return nil
        }
    }

    /// Who, amount and note of an offer; "Agreed" on makes it the agreed fee, off clears a fee that came from it.
    static func correctOffer(_ dealID: RecordID, _ offerID: UUID, _ state: inout AppState) {
        guard let deal = state.workspace.deal(dealID), let offer = deal.offers.first(where: { $0.id == offerID }) else { return }
        let currency = offer.amount.currency
        DealEditors.form("Correct offer of \(Humanize.day(offer.at, timeZone: state.timeZone))", dealID, fields: [
            FormField("By", key: OfferKey.by, kind: .choice(Party.labels), value: offer.by.label),
            .money("Amount", key: OfferKey.amount, value: offer.amount, defaultCurrency: currency, required: true),
            FormField("Note", key: OfferKey.note, value: offer.note ?? ""),
            FormField("Agreed", key: OfferKey.agreed, kind: .toggle, value: deal.agreedOfferID == offerID ? "true" : "false"),
        ], focus: 1, label: "correct offer", &state) { _, values, deal, state in
            guard let amount = values.money(OfferKey.amount, defaultCurrency: currency) else { return nil }
            deal.correctOffer(offerID, by: Party.from(label: values.values[OfferKey.by]) ?? offer.by, amount: amount,
                              note: values.text(OfferKey.note), agreed: values.isOn(OfferKey.agreed),
                              at: state.now, author: state.author, timeZone: state.timeZone)
            return nil
        }
    }

    enum ActivityKey {
        static let channel = "activity.channel"
        static let direction = "activity.direction"
        static let summary = "activity.summary"
        static let note = "activity.note"
    }

    /// Channel, direction, summary and note of one of the user's own entries; it is marked edited.
    static func editActivity(_ dealID: RecordID, _ activityID: UUID, _ state: inout AppState) {
        guard let activity = state.workspace.deal(dealID)?.activities.first(where: { $0.id == activityID }) else { return }
        guard activity.isEditable(by: state.user) else {
            state.show("Only \(activity.author ?? "its author") can change this entry.", .warning)
            return
        }
        let channels = ActivityChannel.allCases.filter { $0 != .system }
        let directions = ["out", "in", "—"]
        DealEditors.form("Edit entry", dealID, fields: [
            FormField("Channel", key: ActivityKey.channel, kind: .choice(channels.map(\.rawValue)), value: activity.channel.rawValue),
            FormField("Direction", key: ActivityKey.direction, kind: .choice(directions), value: activity.direction?.rawValue ?? "—"),
            FormField("Summary", key: ActivityKey.summary, value: activity.summary, isRequired: true),
            FormField("Note", key: ActivityKey.note, value: activity.note ?? ""),
        ], focus: 2, editorFields: [ActivityKey.note], label: "edit entry", &state) { _, values, deal, state in
            deal.editActivity(activityID, at: state.now) { activity in
                activity.channel = ActivityChannel(rawValue: values.values[ActivityKey.channel] ?? "") ?? activity.channel
                activity.direction = ActivityDirection(rawValue: values.values[ActivityKey.direction] ?? "")
                activity.summary = values.text(ActivityKey.summary) ?? activity.summary
                activity.note = values.text(ActivityKey.note)
            }
            return nil
        }
    }
}
