import Foundation
import ReachCore

/// One deliverable's wanted state in a demo deal: its status and due date relative to `now`.
struct DemoDeliverablePlan: Sendable {
    var status: DeliverableStatus
    var dueInDays: Double
}

/// What a demo deal should look like; everything left nil is derived from the stage by `DemoDealBuilder`.
struct DemoDealPlan: Sendable {
    var stage: StageKey
    /// For side exits: the last main stage reached before the deal ended.
    var reached: StageKey = .contacted
    var exitReason: String?
    /// Days since the deal entered its current stage.
    var daysInStage: Double
    /// Fee currency when not the campaign's (a Georgian creator paid in GEL).
    var currency: CurrencyCode?
    /// Next action: summary, due in days from now (negative: overdue), whose move.
    var next: (String, Double, Party)?
    /// Per package item, in order; items beyond the list get the stage's default.
    var deliverables: [DemoDeliverablePlan]?
    var changesReason: String?
    /// Due date of the first open payment, in days from now (negative with status due: overdue).
    var openPaymentDueInDays: Double?
    var rightsEndInDays: Double?
    var exclusivityEndInDays: Double?
    var followUps: Int = 0
    var source: DealSource?
    var notes: String?
    /// Adds a cancelled expense line to the ledger.
    var cancelledExpense = false
    /// Adds a paid performance bonus.
    var bonus = false

    init(_ stage: StageKey, days: Double, reached: StageKey = .contacted, exit: String? = nil, currency: CurrencyCode? = nil,
         next: (String, Double, Party)? = nil, deliverables: [DemoDeliverablePlan]? = nil, changes: String? = nil,
         paymentDue: Double? = nil, rightsEnd: Double? = nil, exclusivityEnd: Double? = nil, followUps: Int = 0,
         source: DealSource? = nil, notes: String? = nil, cancelledExpense: Bool = false, bonus: Bool = false) {
        self.stage = stage
        self.reached = reached
        self.exitReason = exit
        self.daysInStage = days
        self.currency = currency
        self.next = next
        self.deliverables = deliverables
        self.changesReason = changes
        self.openPaymentDueInDays = paymentDue
        self.rightsEndInDays = rightsEnd
        self.exclusivityEndInDays = exclusivityEnd
        self.followUps = followUps
        self.source = source
        self.notes = notes
        self.cancelledExpense = cancelledExpense
        self.bonus = bonus
    }
}
