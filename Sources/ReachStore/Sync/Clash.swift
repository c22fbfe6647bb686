import Foundation

/// Who made each side of a merge, as the caller of the merge knows them (git's commit authors, for `reach sync`).
public struct MergeAuthors: Hashable, Sendable {
    public var ours: String
    public var theirs: String

    public init(ours: String, theirs: String) {
        self.ours = ours
        self.theirs = theirs
    }
}

/// One open conflict: two replicas' edits the merge could not both keep, waiting in a conflict file until a
/// person chooses. The record meanwhile holds one side (`kept`), so the app works on as usual.
public struct Clash: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// A value both sides changed differently.
        case field(FieldClash)
        /// The record was edited on our side and deleted on theirs; the edited record is kept, so choosing theirs
        /// deletes it.
        case recordDeleted
        /// That side's file did not parse, so the other side's was kept; these are its bytes, so nothing is lost.
        case unreadable(side: MergeSide, bytes: [UInt8])
    }

    /// A hash of what clashed (`ClashID`), not of who met it when: replicas that meet one clash write one id.
    public let id: String
    public let subject: Subject
    public let authors: MergeAuthors
    /// Each side's `updatedAt`, when it has a readable one.
    public let oursAt: Date?
    public let theirsAt: Date?
    public let detectedAt: Date

    init(id: String? = nil, subject: Subject, authors: MergeAuthors, oursAt: Date? = nil, theirsAt: Date? = nil, detectedAt: Date) {
        self.id = id ?? ClashID.of(subject)
        self.subject = subject
        self.authors = authors
        self.oursAt = oursAt
        self.theirsAt = theirsAt
        self.detectedAt = detectedAt
    }

    /// Where, for people: `offers[<id>].amount.amount`, or `(record)` for a clash about the whole record.
    public var field: String {
        if case .field(let clash) = subject { return clash.field }
        return MergePath.describe([])
    }

    /// The side the record (or file) holds now.
    public var kept: MergeSide {
        switch subject {
        case .field(let clash): return clash.kept
        case .recordDeleted: return .ours
        case .unreadable(let side, _): return side == .ours ? .theirs : .ours
        }
    }
}
