import ReachCore

/// Rows marked for a bulk action: creators on the Roster, deals on the Pipeline table and Today (one set, so
/// deals marked on Today are still marked on the Pipeline table).
public struct Marks: Sendable, Hashable {
    public var creators: Set<RecordID> = []
    public var deals: Set<RecordID> = []
    /// The row Space last marked, where `V` starts its range.
    var anchor: RecordID?

    public init() {}
}
