import Foundation
import ReachCore
@testable import ReachApp

/// Where the fuzzer's effects land: a data folder (in memory or on disk) with other sessions working on it.
protocol FuzzBackend: AnyObject {
    /// While true every write fails, as if the disk were full.
    var isFull: Bool { get set }
    /// Performs an effect and returns the resulting actions; nil for effects it leaves to `EffectPerformer`.
    func perform(_ effect: Effect) -> [Action]?
    /// Another session changes, deletes or creates a record; the app hears of it at the next `poll`.
    func otherSession(_ rng: inout SeededRandom, now: Date)
    /// What a poll of the folder reports: everything other sessions changed since the last poll.
    func poll() -> ExternalChanges
    /// Records whose in-memory copy differs from the folder although nothing explains it (no unsaved edit, no
    /// unreported change by another session): the app lost or invented data.
    func divergences(from state: AppState) -> [String]
}

/// A record's identity across kinds.
struct RecordKey: Hashable {
    var kind: RecordKind
    var id: RecordID
    init(_ kind: RecordKind, _ id: RecordID) { self.kind = kind; self.id = id }
    init(_ record: AnyRecord) { self.init(record.kind, record.id) }
}

/// An in-memory data folder with the store's rules (revision checks, trash, restore), so the fuzzer can save
/// thousands of times per second. It also plays the other sessions on the folder (edits, deletes, creates that
/// the app learns about only when it polls) and a disk that fills up.
final class FakeDisk: FuzzBackend {
    typealias Key = RecordKey

    private(set) var live: [Key: AnyRecord] = [:]
    private(set) var trash: [Key: AnyRecord] = [:]
    /// Records other sessions changed that no poll has reported yet.
    private(set) var unreported: Set<Key> = []
    var isFull = false
    private var created = 0
    /// Records the app wrote lately: other sessions favour them, so their edits meet unsaved ones and conflicts.
    private var recent: [Key] = []

    init(_ workspace: Workspace) {
        for record in workspace.allRecords { live[Key(record)] = record }
    }

    /// Performs the record effects the way `EffectPerformer` does against a `RecordStore`; nil for other effects.
    func perform(_ effect: Effect) -> [Action]? {
        if case .save(let record, let expected) = effect { touched(Key(record)); return [save(record, expected)] }
        if case .delete(let record) = effect { touched(Key(record)); return delete(record) }
        if case .restore(let kind, let id) = effect { return [restore(Key(kind, id))] }
        return nil
    }

    private func touched(_ key: Key) {
        recent.append(key)
        if recent.count > 8 { recent.removeFirst() }
    }

    private func save(_ record: AnyRecord, _ expected: Int) -> Action {
        if isFull { return .saveFailed(PendingSave(record: record, expectedRevision: expected), message: "No space left on device (fake).") }
        let key = Key(record)
        let diskRevision = live[key]?.revision ?? 0
        guard diskRevision == expected else { return .conflict(mine: record, theirs: live[key], theirsRevision: diskRevision) }
        let saved = record.withRevision(diskRevision + 1)
        live[key] = saved
        return .saved(saved)
    }

    private func delete(_ record: AnyRecord) -> [Action] {
        if isFull { return [.deleteFailed(record, message: "No space left on device (fake).")] }
        let key = Key(record)
        guard let disk = live[key], disk.revision == record.revision else {
            var changes = ExternalChanges()
            if let theirs = live[key] { changes.upserted = [theirs] } else { changes.removed = [(key.kind, key.id)] }
            return [.deleteFailed(record, message: "someone else changed it meanwhile."), .externalChanges(changes)]
        }
        live[key] = nil
        trash[key] = disk
        return [.deleted(record)]
    }

    private func restore(_ key: Key) -> Action {
        if isFull { return .restoreFailed("No space left on device (fake).") }
        guard let record = trash[key] else { return .restoreFailed("\(key.id) is not in the trash.") }
        guard live[key] == nil else { return .restoreFailed("\(key.id) exists again; restoring would overwrite it.") }
        trash[key] = nil
        live[key] = record
        return .restored(record)
    }

    func otherSession(_ rng: inout SeededRandom, now: Date) {
        let all = live.keys.sorted { $0.id < $1.id }, lately = recent.filter { live[$0] != nil }
        let keys = !lately.isEmpty && rng.chance(0.5) ? lately : all
        switch Int.random(in: 0..<10, using: &rng) {
        case 0 where !keys.isEmpty:
            let key = rng.pick(keys)
            if let record = live.removeValue(forKey: key) { trash[key] = record }
            unreported.insert(key)
        case 1:
            created += 1
            let id = RecordID(rawValue: String(format: "01J9500000000000000000%04d", created % 10_000))
            let key = Key(.influencer, id)
            guard live[key] == nil else { return }
            live[key] = .influencer(OtherSession.created(id, &rng, now: now))
            unreported.insert(key)
        default:
            guard !keys.isEmpty else { return }
            let key = rng.pick(keys)
            guard let record = live[key] else { return }
            live[key] = OtherSession.edited(record, &rng, now: now).withRevision(record.revision + 1)
            unreported.insert(key)
        }
    }

    func poll() -> ExternalChanges {
        var changes = ExternalChanges()
        for key in unreported.sorted(by: { $0.id < $1.id }) {
            if let record = live[key] { changes.upserted.append(record) } else { changes.removed.append((key.kind, key.id)) }
        }
        unreported = []
        return changes
    }

    func divergences(from state: AppState) -> [String] { OtherSession.divergences(state, folder: live, unreported: unreported) }
}

/// What other Reach sessions do to the folder, shared by the in-memory and the on-disk backend.
enum OtherSession {
    /// A change another session might make: rename, annotate, log, move a stage (by the core's rules), or write
    /// numbers at the limits (follower counts, far due dates).
    static func edited(_ record: AnyRecord, _ rng: inout SeededRandom, now: Date) -> AnyRecord {
        switch record {
        case .influencer(var r):
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: r.displayName = HostileText.random(&rng, maxPieces: 3)
            case 1: r.notes = HostileText.random(&rng)
            default:
                if !r.accounts.isEmpty {
                    let followers = rng.pick([Int.min, Int.max, -1, 0, 1_000_000_000_000])
                    r.accounts[0].snapshots.append(MetricSnapshot(asOf: now, source: .imported, followers: followers))
                }
            }
            return .influencer(r)
        case .campaign(var r):
            r.name = HostileText.random(&rng, maxPieces: 2)
            return .campaign(r)
        case .deal(var r):
            let stages = StagePipeline.default.allStages.map(\.key)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: try? r.move(to: rng.pick(stages), at: now, reason: HostileText.random(&rng, maxPieces: 2) + " reason")
            case 1: r.logActivity(at: now, channel: .note, summary: HostileText.random(&rng))
            default:
                r.setFollowUp(HostileText.random(&rng, maxPieces: 2), due: now.addingTimeInterval(rng.pick([-1, 1]) * 86_400 * 9_000))
            }
            return .deal(r)
        case .template(var r):
            r.body = HostileText.random(&rng)
            return .template(r)
        }
    }

    static func created(_ id: RecordID, _ rng: inout SeededRandom, now: Date) -> Influencer {
        Influencer(id: id, createdAt: now, displayName: "Other " + HostileText.random(&rng, maxPieces: 3))
    }

    /// Memory against the folder's `records`, skipping unsaved edits and changes no poll has reported yet.
    static func divergences(_ state: AppState, folder records: [RecordKey: AnyRecord], unreported: Set<RecordKey>) -> [String] {
        var memory: [RecordKey: AnyRecord] = [:]
        for record in state.workspace.allRecords { memory[RecordKey(record)] = record }
        var out: [String] = []
        for key in Set(memory.keys).union(records.keys) where !unreported.contains(key) && state.pendingSaves[key.id] == nil {
            let mine = memory[key], disk = records[key]
            guard mine != disk else { continue }
            let describe = { (r: AnyRecord?) in r.map { "revision \($0.revision)" } ?? "absent" }
            out.append("\(key.kind) \(key.id): memory \(describe(mine)), folder \(describe(disk))")
        }
        return out.sorted()
    }
}

extension Workspace {
    /// Every record as `AnyRecord`.
    var allRecords: [AnyRecord] {
        allInfluencers.map(AnyRecord.influencer) + campaigns.values.map(AnyRecord.campaign)
            + allDeals.map(AnyRecord.deal) + templates.values.map(AnyRecord.template)
    }
}
