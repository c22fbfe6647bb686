import Foundation

/// What a commission deal owes the creator: its rate on the sales recorded so far, less the commission lines
/// already in the payment ledger (paid or planned; cancelled ones do not count).
public struct CommissionOwed: Hashable, Sendable {
    public var percent: Double
    /// Revenue of the deal's result lines (`resultLines`: dropped deliverables left out, imported sales in), in the ledger's currency.
    public var sales: Money
    public var earned: Money
    public var inLedger: Money
    /// earned − in ledger, never below zero: a commission paid ahead shows as nothing owed.
    public var owed: Money
}

extension Deal {
    /// The currency of the deal's money (its ledger and the commission owed): the agreed fee's, else the last
    /// offer's, else its campaign's, else `fallback` (the workspace's reporting currency).
    public func ledgerCurrency(campaign: Campaign?, fallback: CurrencyCode) -> CurrencyCode {
        agreedFee?.currency ?? latestOffer?.amount.currency ?? campaign?.reportingCurrency ?? fallback
    }

    /// Nil when the deal has no commission rate. Throws when a sale or a commission line has no stored rate
    /// to `currency`.
    public func commissionOwed(in currency: CurrencyCode, rates: CurrencyRates) throws(ConversionError) -> CommissionOwed? {
        guard let percent = pricing.commissionPercent, percent > 0 else { return nil }
        var sales: Int64 = 0
        for line in resultLines {
            if let revenue = line.revenue { sales = sales.clampedAdding(try rates.convert(revenue, to: currency).converted.minorUnits) }
        }
        var inLedger: Int64 = 0
        for payment in payments where payment.kind == .commission && payment.status != .cancelled {
            inLedger = inLedger.clampedAdding(try rates.convert(payment.amount, to: currency).converted.minorUnits)
        }
        var exact = Decimal(sales) * Decimal(percent) / 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .bankers)
        let earned = NSDecimalNumber(decimal: rounded).int64Value
        return CommissionOwed(percent: percent, sales: Money(minorUnits: sales, currency: currency),
                              earned: Money(minorUnits: earned, currency: currency),
                              inLedger: Money(minorUnits: inLedger, currency: currency),
                              owed: Money(minorUnits: max(0, earned.clampedAdding(inLedger == .min ? .max : -inLedger)), currency: currency))
    }
}
