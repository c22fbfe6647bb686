import Foundation

/// Corrections to a deal after the fact (a post slips, an invoice is re-issued, an offer had a typo).
/// Each is logged on the timeline, so the deal's history stays true, and totals follow: a dropped deliverable
/// and a cancelled payment stay on the deal but leave every count and sum.
extension Deal {
    // MARK: Deliverables

    /// Applies `change` to one deliverable and logs what changed ("Instagram Reel: due moved 2024-11-12 → 2024-11-19").
    public mutating func editDeliverable(_ id: UUID, at date: Date, author: String?, timeZone: TimeZone,
                                         _ change: (inout Deliverable) -> Void) {
        guard let i = deliverables.firstIndex(where: { $0.id == id }) else { return }
        let old = deliverables[i]
        change(&deliverables[i])
        let new = deliverables[i]
        var changes: [String] = []
        if old.platform != new.platform || old.contentType != new.contentType || old.count != new.count {
            changes.append("now \(new.title)")
        }
        if let moved = Self.moved("due", old.dueDate, new.dueDate, timeZone) { changes.append(moved) }
        if old.draftURL != new.draftURL { changes.append(new.draftURL == nil ? "draft link removed" : "draft link \(new.draftURL ?? "")") }
        if old.liveURL != new.liveURL { changes.append(new.liveURL == nil ? "live link removed" : "live link \(new.liveURL ?? "")") }
        if old.note != new.note { changes.append("note edited") }
        guard !changes.isEmpty else { return }
        activities.append(Activity(at: date, channel: .system, summary: "\(old.title): " + changes.joined(separator: " · "), author: author))
    }

    /// Takes a deliverable out of the deal's counts, keeping it (and why) in its history.
    public mutating func dropDeliverable(_ id: UUID, reason: String, at date: Date, author: String?) {
        guard let i = deliverables.firstIndex(where: { $0.id == id }), deliverables[i].dropped == nil else { return }
        deliverables[i].dropped = Dropping(at: date, reason: reason, by: author)
        activities.append(Activity(at: date, channel: .system, summary: "Dropped \(deliverables[i].title): \(reason)", author: author))
    }

    /// Brings a dropped deliverable back into the deal.
    public mutating func restoreDeliverable(_ id: UUID, at date: Date, author: String?) {
        guard let i = deliverables.firstIndex(where: { $0.id == id }), deliverables[i].dropped != nil else { return }
        deliverables[i].dropped = nil
        activities.append(Activity(at: date, channel: .system, summary: "Restored \(deliverables[i].title)", author: author))
    }

    // MARK: Payments

    /// Applies `change` to one payment line and logs what changed. A line set to paid gets a paid date (today
    /// unless one was given), a line moved off paid loses it, and only a cancelled line keeps its cancellation.
    public mutating func editPayment(_ id: UUID, at date: Date, author: String?, timeZone: TimeZone,
                                     _ change: (inout Payment) -> Void) {
        guard let i = payments.firstIndex(where: { $0.id == id }) else { return }
        let old = payments[i]
        change(&payments[i])
        if payments[i].status == .paid { payments[i].paidAt = payments[i].paidAt ?? date } else { payments[i].paidAt = nil }
        if payments[i].status != .cancelled { payments[i].cancellation = nil }
        let new = payments[i]
        var changes: [String] = []
        if old.kind != new.kind { changes.append("now \(new.kind.rawValue)") }
        if old.amount != new.amount { changes.append("\(old.amount.formatted) → \(new.amount.formatted)") }
        if let moved = Self.moved("due", old.dueDate, new.dueDate, timeZone) { changes.append(moved) }
        if old.status != new.status { changes.append("\(old.status.rawValue) → \(new.status.rawValue)") }
        if let moved = Self.moved("paid", old.paidAt, new.paidAt, timeZone), old.status == .paid, new.status == .paid {
            changes.append(moved)
        }
        if old.invoiceRef != new.invoiceRef { changes.append("invoice \(new.invoiceRef ?? "removed")") }
        if old.method != new.method { changes.append("method \(new.method ?? "removed")") }
        if old.note != new.note { changes.append("note edited") }
        guard !changes.isEmpty else { return }
        let summary = "Payment (\(old.kind.rawValue) \(old.amount.formatted)): " + changes.joined(separator: " · ")
        activities.append(Activity(at: date, channel: .system, summary: summary, author: author))
    }

    /// Cancels a payment line: it stays in the ledger with its reason and leaves every total.
    public mutating func cancelPayment(_ id: UUID, reason: String, at date: Date, author: String?) {
        guard let i = payments.firstIndex(where: { $0.id == id }), payments[i].status != .cancelled else { return }
        payments[i].status = .cancelled
        payments[i].cancellation = Dropping(at: date, reason: reason, by: author)
        let summary = "Cancelled payment (\(payments[i].kind.rawValue) \(payments[i].amount.formatted)): \(reason)"
        activities.append(Activity(at: date, channel: .system, summary: summary, author: author))
    }

    // MARK: Offers

    /// The offer the agreed fee came from: the newest one of that amount.
    public var agreedOfferID: UUID? {
        guard let fee = agreedFee else { return nil }
        return offers.filter { $0.amount == fee }.max { $0.at < $1.at }?.id
    }

    /// Corrects an offer line; the agreed fee follows it (set when `agreed`, cleared when it was this offer's).
    public mutating func correctOffer(_ id: UUID, by party: Party, amount: Money, note: String?, agreed: Bool,
                                      at date: Date, author: String?, timeZone: TimeZone) {
        guard let i = offers.firstIndex(where: { $0.id == id }) else { return }
        let wasAgreed = agreedOfferID == id
        let old = offers[i]
        offers[i].by = party
        offers[i].amount = amount
        offers[i].note = note
        var changes: [String] = []
        if old.by != party { changes.append(party == .us ? "now ours" : "now theirs") }
        if old.amount != amount { changes.append("\(old.amount.formatted) → \(amount.formatted)") }
        if old.note != note { changes.append("note edited") }
        if agreed, agreedFee != amount {
            agreedFee = amount
            changes.append("agreed fee \(amount.formatted)")
        } else if !agreed, wasAgreed {
            agreedFee = nil
            changes.append("no fee agreed now")
        }
        guard !changes.isEmpty else { return }
        let summary = "Offer of \(CalendarDay.text(old.at, timeZone: timeZone)) corrected: " + changes.joined(separator: " · ")
        activities.append(Activity(at: date, channel: .system, summary: summary, author: author))
    }

    /// Deletes an offer line entered by mistake; deleting the agreed one leaves no fee agreed.
    public mutating func deleteOffer(_ id: UUID, at date: Date, author: String?, timeZone: TimeZone) {
        guard let i = offers.firstIndex(where: { $0.id == id }) else { return }
        let wasAgreed = agreedOfferID == id
        let offer = offers.remove(at: i)
        if wasAgreed { agreedFee = nil }
        let whose = offer.by == .us ? "our" : "their"
        let summary = "Deleted \(whose) offer of \(offer.amount.formatted) (\(CalendarDay.text(offer.at, timeZone: timeZone)))"
            + (wasAgreed ? "; no fee agreed now" : "")
        activities.append(Activity(at: date, channel: .system, summary: summary, author: author))
    }

    // MARK: Activities

    /// Corrects a timeline entry; it is marked edited (with the time) when anything changed.
    public mutating func editActivity(_ id: UUID, at date: Date, _ change: (inout Activity) -> Void) {
        guard let i = activities.firstIndex(where: { $0.id == id }) else { return }
        let old = activities[i]
        change(&activities[i])
        if activities[i] != old { activities[i].editedAt = date }
    }

    /// Removes a timeline entry logged by mistake.
    public mutating func deleteActivity(_ id: UUID) {
        activities.removeAll { $0.id == id }
    }

    /// "due moved 2024-11-12 → 2024-11-19", "due set to …", "due removed (was …)"; nil when the day is the same.
    static func moved(_ what: String, _ old: Date?, _ new: Date?, _ timeZone: TimeZone) -> String? {
        let before = old.map { CalendarDay.text($0, timeZone: timeZone) }
        let after = new.map { CalendarDay.text($0, timeZone: timeZone) }
        switch (before, after) {
        case let (b?, a?) where b != a: return "\(what) moved \(b) → \(a)"
        case let (nil, a?): return "\(what) set to \(a)"
        case let (b?, nil): return "\(what) removed (was \(b))"
        default: return nil
        }
    }
}

extension Deliverable {
    /// "Instagram Reel ×2".
    public var title: String {
        "\(platform.displayName) \(contentType.displayName)" + (count > 1 ? " ×\(count)" : "")
    }
}

extension Activity {
    /// Whether `user` may correct or delete it: their own entries (or unsigned ones), never the system's record
    /// of what happened or a teammate's.
    public func isEditable(by user: UserIdentity?) -> Bool {
        guard channel != .system else { return false }
        guard let author else { return true }
        return user?.owns(author) == true
    }
}
