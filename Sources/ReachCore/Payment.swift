import Foundation

/// What a payment is for.
public enum PaymentKind: String, Codable, Sendable, CaseIterable {
    case deposit, balance, bonus, commission, expense
}

/// Where a payment is; only `paid` counts as spend.
public enum PaymentStatus: String, Codable, Sendable, CaseIterable {
    case planned, due, paid, cancelled
}

/// One line in a deal's payment ledger.
public struct Payment: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var kind: PaymentKind
    public var amount: Money
    public var dueDate: Date?
    public var status: PaymentStatus
    public var paidAt: Date?
    public var invoiceRef: String?
    public var method: String?
    public var note: String?
    /// Why and when it was cancelled (status `cancelled`); it stays in the ledger, struck through, out of every total.
    public var cancellation: Dropping?

    public init(id: UUID = UUID(), kind: PaymentKind = .balance, amount: Money, dueDate: Date? = nil,
                status: PaymentStatus = .planned, paidAt: Date? = nil, invoiceRef: String? = nil, method: String? = nil,
                note: String? = nil, cancellation: Dropping? = nil) {
        self.id = id
        self.kind = kind
        self.amount = amount
        self.dueDate = dueDate
        self.status = status
        self.paidAt = paidAt
        self.invoiceRef = invoiceRef
        self.method = method
        self.note = note
        self.cancellation = cancellation
    }

    /// Planned or due, and its due date has passed.
    public func isOverdue(now: Date) -> Bool {
        guard let due = dueDate, status == .planned || status == .due else { return false }
        return due < now
    }

    public var isOpen: Bool { status == .planned || status == .due }
}
