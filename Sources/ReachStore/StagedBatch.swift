import Foundation
import ReachCore

/// New records written as hidden temp files while their producer is still at work, then put in place
/// together by `commit`: an import writes what it has planned on one core while it reads on the other.
///
/// The guarantees are `insertBatch`'s: until `commit` nothing is visible (temp names are never read as
/// records); `commit` either puts every record in place or, on an error, leaves none; a crash leaves each
/// record absent or complete. Call `commit` or `abandon` exactly once; both wait for the staging in flight.
final class StagedBatch<R: Record>: @unchecked Sendable {
    private let store: RecordStore
    private let now: Date
    private let suffix = AtomicWriter.tempSuffix()
    /// Whether staging uses every core (see `RecordStore.writeBatchTemps`).
    private let parallel: Bool
    /// Runs the staging in the order it was asked for; `staged`, `seen` and `failure` are touched only on it.
    private let queue = DispatchQueue(label: "reach.staged-batch")
    /// Chunks handed over but not yet staged; `stage` waits when the staging falls this far behind, so the
    /// copies waiting for it stay few.
    private let inFlight = DispatchSemaphore(value: 4)
    private let shared = RecordStore.newRecordsShare()
    private var staged: [RecordID] = []
    private var seen: Set<RecordID> = []
    private var failure: (any Error)?
    /// Chunks the caller encoded itself because the staging had fallen behind (tests check the sharing happens).
    private(set) var chunksEncodedByCaller = 0

    /// `now` is each record's `updatedAt`, as a first save would set it. `besideProducer`: the caller goes on
    /// producing records while they are staged, so staging keeps to one thread.
    init(store: RecordStore, now: Date, besideProducer: Bool) {
        self.store = store
        self.now = now
        parallel = !besideProducer
    }

    /// Writes the records' temp files in the background. After a failure nothing more is staged and
    /// `commit` throws it.
    ///
    /// When the staging has fallen behind, the caller encodes this chunk itself while it waits, and leaves the
    /// staging thread only the writing: the CPU work is shared by both cores, while files are still created
    /// by one thread (two would queue for the folder's lock).
    func stage(_ records: [R]) {
        var encoded: Result<[[UInt8]], any Error>?
        if inFlight.wait(timeout: .now()) == .timedOut {
            let store = self.store, now = self.now, shared = self.shared
            encoded = Result { try records.map { try store.newRecordFile($0, now: now, shared: shared) } }
            chunksEncodedByCaller += 1
            inFlight.wait()
        }
        queue.async { [self, encoded] in
            defer { inFlight.signal() }
            guard failure == nil, !records.isEmpty else { return }
            do {
                if let bad = records.first(where: { !$0.id.isWellFormed }) { throw StoreError.invalidRecordID(bad.id.rawValue) }
                let repeated = records.filter { !seen.insert($0.id).inserted }.map(\.id)
                guard repeated.isEmpty else { throw BatchInsertError.duplicateIDs(Array(Set(repeated).sorted().prefix(5))) }
                let files = try encoded?.get()
                let ids = records.map(\.id)
                try store.writeBatchTemps(R.kind, ids, suffix: suffix, parallel: parallel) { [store, now, shared] index in
                    try files?[index] ?? store.newRecordFile(records[index], now: now, shared: shared)
                }
                staged += ids
            } catch {
                failure = error
            }
        }
    }

    /// Returns once everything asked for so far is staged (or has failed).
    func waitForStaging() {
        queue.sync {}
    }

    /// Rewrites the temp file of a record staged earlier that has changed since.
    func restage(_ record: R) {
        queue.async { [self] in
            guard failure == nil else { return }
            do {
                unlink(store.batchPaths(of: R.kind, record.id, suffix: suffix).temp)
                let file = try store.newRecordFile(record, now: now, shared: shared)
                try store.writeBatchTemps(R.kind, [record.id], suffix: suffix, parallel: false) { _ in file }
            } catch {
                failure = error
            }
        }
    }

    /// Puts every staged record in place (see `RecordStore.commitBatch`), or throws the first error of the
    /// staging or the commit with none of them left behind.
    func commit() throws {
        let (ids, failure) = queue.sync { (staged, self.failure) }
        if let failure {
            store.removeBatchTemps(of: R.kind, ids, suffix: suffix)
            throw failure
        }
        try store.commitBatch(of: R.kind, ids, suffix: suffix)
    }

    /// Removes whatever was staged: the producer stopped (an unreadable file, an error writing other records).
    func abandon() {
        store.removeBatchTemps(of: R.kind, queue.sync { staged }, suffix: suffix)
    }
}
