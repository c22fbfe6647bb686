import Foundation

extension Deal {
    /// The one due commission line an import keeps equal to what is owed: a commission payment still due whose
    /// note starts with "Computed" (as `C` on the deal page writes it). Paid or cancelled lines are history.
    public var computedCommissionIndex: Int? {
        payments.firstIndex { $0.kind == .commission && $0.status == .due && ($0.note ?? "").hasPrefix("Computed") }
    }

    /// Recomputes the commission owed on the deal's current results and makes the computed due line say so:
    /// created when something is owed, its amount and note updated, removed when nothing is owed any more.
    /// The line's own amount is left out of "already in the ledger", so running it again changes nothing.
    /// Returns the owed amount (nil for a deal without a commission rate).
    @discardableResult
    public mutating func refreshComputedCommission(in currency: CurrencyCode, rates: CurrencyRates,
                                                   day: String) throws(ConversionError) -> Money? {
        var others = self
        let existing = computedCommissionIndex
        if let existing { others.payments.remove(at: existing) }
        guard let owed = try others.commissionOwed(in: currency, rates: rates) else { return nil }
        let line = computedCommissionLine(owed, day: day)
        switch (existing, owed.owed.isZero) {
        case (nil, true): break
        case (nil, false): payments.append(line)
        case let (index?, true): payments.remove(at: index)
        case let (index?, false):
            if payments[index].amount != owed.owed {
                payments[index].amount = line.amount
                payments[index].note = line.note
            }
        }
        return owed.owed
    }

    /// A due commission line for what is owed, saying in its note how it was computed. The note's "Computed"
    /// start is how `computedCommissionIndex` finds the line again, for `C` on the deal page and for imports alike.
    public func computedCommissionLine(_ owed: CommissionOwed, day: String) -> Payment {
        let note = "Computed \(day): \(String(format: "%g", owed.percent))% of \(owed.sales.formatted) sales, "
            + "less \(owed.inLedger.formatted) in the ledger"
        return Payment(kind: .commission, amount: owed.owed, status: .due, method: contract.paymentMethod, note: note)
    }
}
