import Foundation
import ReachCore
import ReachStore

/// Any record of the data folder, so effects, undo and conflicts handle every kind through one path.
public enum AnyRecord: Sendable, Equatable {
    case influencer(Influencer)
    case campaign(Campaign)
    case deal(Deal)
    case template(Template)

    public var id: RecordID {
        switch self {
        case .influencer(let r): r.id
        case .campaign(let r): r.id
        case .deal(let r): r.id
        case .template(let r): r.id
        }
    }

    public var kind: RecordKind {
        switch self {
        case .influencer: .influencer
        case .campaign: .campaign
        case .deal: .deal
        case .template: .template
        }
    }

    public var revision: Int {
        switch self {
        case .influencer(let r): r.revision
        case .campaign(let r): r.revision
        case .deal(let r): r.revision
        case .template(let r): r.revision
        }
    }

    /// The same record claiming another revision (used to re-save an older version over a newer one).
    /// Whether `other` is this record but for the store's stamps (revision, times, schema version).
    func hasSameContent(as other: AnyRecord) -> Bool {
        switch (self, other) {
        case (.influencer(let a), .influencer(let b)): RecordStore.sameContent(a, b)
        case (.campaign(let a), .campaign(let b)): RecordStore.sameContent(a, b)
        case (.deal(let a), .deal(let b)): RecordStore.sameContent(a, b)
        case (.template(let a), .template(let b)): RecordStore.sameContent(a, b)
        default: false
        }
    }

    public func withRevision(_ revision: Int) -> AnyRecord {
        switch self {
        case .influencer(var r): r.revision = revision; return .influencer(r)
        case .campaign(var r): r.revision = revision; return .campaign(r)
        case .deal(var r): r.revision = revision; return .deal(r)
        case .template(var r): r.revision = revision; return .template(r)
        }
    }

    /// Archived records stay on disk and in reports but out of the way on screen.
    public var isArchived: Bool {
        switch self {
        case .influencer(let r): r.archived
        case .campaign(let r): r.archived
        case .deal(let r): r.archived
        case .template(let r): r.archived
        }
    }

    /// The same record archived (`true`) or restored, dated `now`.
    func archiving(_ archived: Bool, now: Date) -> AnyRecord {
        switch self {
        case .influencer(var r): r.archived = archived; r.updatedAt = now; return .influencer(r)
        case .campaign(var r): r.archived = archived; r.updatedAt = now; return .campaign(r)
        case .deal(var r): r.archived = archived; r.updatedAt = now; return .deal(r)
        case .template(var r): r.archived = archived; r.updatedAt = now; return .template(r)
        }
    }

    /// The underlying value, for generic encoding (conflict summaries).
    public var record: any Record {
        switch self {
        case .influencer(let r): r
        case .campaign(let r): r
        case .deal(let r): r
        case .template(let r): r
        }
    }
}
