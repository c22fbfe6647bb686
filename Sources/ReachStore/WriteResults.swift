import ReachCore

/// Someone else changed (or deleted) the record since it was loaded; nothing was written.
///
/// Offer "take theirs" (use `theirs`) or "keep mine" (save again with
/// `expectedRevision: theirsRevision`). `theirs` is nil when the other session deleted the record.
public struct Conflict<R: Record>: Sendable, Equatable {
    public var theirs: R?
    /// The revision now on disk (0 when the record no longer exists).
    public var theirsRevision: Int

    public init(theirs: R?, theirsRevision: Int) {
        self.theirs = theirs
        self.theirsRevision = theirsRevision
    }
}

/// The result of `RecordStore.save`: the record as written, or a conflict to show the user.
public enum SaveResult<R: Record>: Sendable, Equatable {
    case saved(R)
    case conflict(Conflict<R>)

    /// The saved record, or nil on conflict.
    public var saved: R? {
        if case .saved(let record) = self { return record }
        return nil
    }

    /// The conflict, or nil when saved.
    public var conflict: Conflict<R>? {
        if case .conflict(let conflict) = self { return conflict }
        return nil
    }
}

/// The result of `RecordStore.delete`: moved to the trash, or a conflict to show the user.
public enum DeleteResult<R: Record>: Sendable, Equatable {
    case deleted
    case conflict(Conflict<R>)
}

/// What changed in one kind's folder since the last `loadAll` or `scanChanges` of this store.
public struct ChangeSet<R: Record>: Sendable {
    public var added: [R] = []
    public var changed: [R] = []
    /// Deleted, moved to the trash or quarantined by another session.
    public var removed: [RecordID] = []
    public var problems: [LoadProblem] = []

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty && problems.isEmpty }
}
