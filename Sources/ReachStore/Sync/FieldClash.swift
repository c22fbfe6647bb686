/// One of the two versions a merge reconciles: ours is the replica running the merge, theirs the one merged in.
public enum MergeSide: String, Hashable, Sendable, CaseIterable {
    case ours, theirs
}

/// A value both sides changed, to different values: the merged record holds `kept`'s, and a person chooses.
public struct FieldClash: Hashable, Sendable {
    public var path: [MergePathComponent]
    /// nil: the member or item was deleted on that side, which is not the same as a JSON `null`.
    public var ours: JSONValue?
    public var theirs: JSONValue?
    /// Ours, except for a list item deleted on our side and edited on theirs: the edited item is kept.
    public var kept: MergeSide

    public init(path: [MergePathComponent], ours: JSONValue?, theirs: JSONValue?, kept: MergeSide = .ours) {
        self.path = path
        self.ours = ours
        self.theirs = theirs
        self.kept = kept
    }

    /// The path for people: `offers[<id>].amount.amount`.
    public var field: String { MergePath.describe(path) }

    public func value(of side: MergeSide) -> JSONValue? { side == .ours ? ours : theirs }
}
