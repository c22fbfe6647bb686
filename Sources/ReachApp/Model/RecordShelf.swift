import Foundation
import ReachCore
import ReachStore

/// Full records (deals, creators) read from their files when a screen asks for one, for a workspace that started
/// from the folder index's rows: at 100k creators the 200,000 full deals held 1.17 GB and the creators 0.3 GB, and
/// a deal page, an editor or the rows on screen need a few of them at a time. The most recently used are kept, up
/// to `capacity`.
///
/// A reference, so copies of a workspace share it (the app keeps one workspace). Thread-safe: background work and
/// commands may read while the loop does.
final class RecordShelf<R: Record>: @unchecked Sendable {
    private let store: RecordStore
    private let capacity: Int
    private let lock = NSLock()
    // Guarded by `lock`: each kept record with the tick of its last use.
    private var kept: [RecordID: (record: R, used: UInt64)] = [:]
    private var tick: UInt64 = 0
    // Guarded by `lock`: records never evicted (see `hold`).
    private var held: Set<RecordID> = []

    /// 4,096 deals is more than the largest campaign's (1,365 in the 100k demo) plus a screen of cards: a dashboard
    /// opened twice reads its files once. For creators, more than a campaign's creators plus a screen of rows.
    init(store: RecordStore, capacity: Int = 4_096) {
        self.store = store
        self.capacity = max(1, capacity)
    }

    /// The record as its file holds it (or as this session last saved or saw it); nil when the file is gone or
    /// damaged (the folder scan reports that with the file's name).
    func record(_ id: RecordID) -> R? {
        if let record = lock.withLock({ use(id) }) { return record }
        let read: R?
        do {
            read = try store.load(R.self, id: id)
        } catch {
            store.logger.warning("could not read \(R.kind.noun) \(id): \(error)")
            return nil
        }
        if let read { remember(read) }
        return read
    }

    /// The records with these ids, kept ones as they are and the rest read from their files in parallel (a
    /// campaign's thousand deals for its dashboard); one whose file is gone or damaged is left out.
    func records(_ ids: some Collection<RecordID>) -> [R] {
        var found: [R] = []
        var missing: [RecordID] = []
        lock.withLock {
            for id in ids {
                if let record = use(id) { found.append(record) } else { missing.append(id) }
            }
        }
        guard !missing.isEmpty else { return found }
        let read = store.loadMany(R.self, ids: missing)
        for record in read { remember(record) }
        return found + read
    }

    /// Keeps the record as saved here or changed by another session, so the next read needs no file.
    func remember(_ record: R) {
        lock.withLock {
            tick += 1
            kept[record.id] = (record, tick)
            // Held records do not count: a bulk edit of 10,000 of them must not sort the shelf on every one.
            if kept.count - held.count > capacity { evictOldest() }
        }
    }

    /// Whether every one of these records is kept (reading them needs no file).
    func holdsAll(_ ids: some Collection<RecordID>) -> Bool {
        lock.withLock { ids.allSatisfy { kept[$0] != nil } }
    }

    /// Drops a deleted record.
    func forget(_ id: RecordID) {
        lock.withLock {
            kept[id] = nil
            held.remove(id)
        }
    }

    /// Keeps the record whatever else is read (`true`) until released (`false`): one edited here whose save is on
    /// its way, or failed, must not be read again from its file, which still holds the version before the edit.
    func hold(_ id: RecordID, _ holding: Bool) {
        lock.withLock {
            if holding { held.insert(id) } else { held.remove(id) }
        }
    }

    /// How many records are kept (for tests).
    var count: Int { lock.withLock { kept.count } }

    /// The record if it is kept, without reading its file or marking it used.
    func peek(_ id: RecordID) -> R? { lock.withLock { kept[id]?.record } }

    /// A kept record, marked as just used. Caller holds `lock`.
    private func use(_ id: RecordID) -> R? {
        guard let entry = kept[id] else { return nil }
        tick += 1
        kept[id] = (entry.record, tick)
        return entry.record
    }

    /// Drops the least recently used quarter of the records not held, so eviction costs one sort per `capacity / 4`
    /// new deals. Caller holds `lock`.
    private func evictOldest() {
        let oldest = kept.lazy.filter { !self.held.contains($0.key) }.map { ($0.key, $0.value.used) }.sorted { $0.1 < $1.1 }
            .prefix(max(1, kept.count - held.count - capacity * 3 / 4))
        for (id, _) in oldest { kept[id] = nil }
    }
}
