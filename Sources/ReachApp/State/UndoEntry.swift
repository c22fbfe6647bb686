import ReachCore

/// What `u` does to take back one edit: the inverse operation, recorded when the edit was made.
public struct UndoEntry: Sendable, Equatable {
    /// The operation that takes the edit back.
    public enum Inverse: Sendable, Equatable {
        /// Put this earlier version back (saved over whatever revision is current).
        case revert(to: AnyRecord)
        /// Take a created record away again (moves it to the trash).
        case remove(AnyRecord)
        /// Bring a deleted record back from the trash.
        case restore(RecordKind, RecordID)
        /// Take back a bulk action: every record it touched, in one `u`.
        case batch([Inverse])
        /// Put these settings back (saved over whatever `reach.json` revision is current).
        case settings(AppSettings)
    }

    /// Shown after undoing: "Undid: edit Līga Bērziņa".
    public var label: String
    public var inverse: Inverse

    public init(_ label: String, _ inverse: Inverse) {
        self.label = label
        self.inverse = inverse
    }
}
