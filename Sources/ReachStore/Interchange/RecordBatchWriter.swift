import ReachCore

/// Writes the records an import planned, one atomic file each, and says exactly what reached the disk.
///
/// New records go in one all-or-nothing batch; updates are saved one by one and stop at the first store error
/// (full disk, permissions): records already written stay written and complete, the rest are listed as not
/// written, so a re-run (which merges, never duplicates) finishes the job.
struct RecordBatchWriter {
    let store: RecordStore

    /// What a batch write achieved.
    struct Outcome {
        var written: [RecordID] = []
        var notWritten: [Unwritten] = []
        var failure: String?

        mutating func stop(_ error: any Error, remaining: [RecordID]) {
            failure = "\(error)"
            notWritten += remaining.map { Unwritten(id: $0, reason: "not written: writing stopped at an error") }
        }
    }

    /// Creates records that must not exist yet, all in one `insertBatch` (one file-system flush for the lot):
    /// either every record is written or none is. Only if another session created one of these ids meanwhile
    /// does it fall back to one save each, so the others still land.
    func insertNew<R: Record>(_ records: ArraySlice<R>, into outcome: inout Outcome) {
        guard !records.isEmpty else { return }
        putInPlace(records, into: &outcome) { try store.insertNewRecords(records, now: store.clock()) }
    }

    /// `insertNew` for records the caller staged while producing them (an import, while it read its file):
    /// `records` are the staged records as they are now.
    func insertStaged<R: Record>(_ batch: StagedBatch<R>, records: ArraySlice<R>, into outcome: inout Outcome) {
        putInPlace(records, into: &outcome) { try batch.commit() }
    }

    private func putInPlace<R: Record>(_ records: ArraySlice<R>, into outcome: inout Outcome, _ insert: () throws -> Void) {
        do {
            try insert()
            outcome.written += records.map(\.id)
        } catch BatchInsertError.alreadyExists {
            insertOneByOne(records, into: &outcome)
        } catch {
            outcome.stop(error, remaining: records.map(\.id))
        }
    }

    private func insertOneByOne<R: Record>(_ records: ArraySlice<R>, into outcome: inout Outcome) {
        for index in records.indices {
            let record = records[index]
            do {
                switch try store.save(record, expectedRevision: 0) {
                case .saved(let saved): outcome.written.append(saved.id)
                case .conflict: outcome.notWritten.append(Unwritten(id: record.id, reason: "another session created a record with this id meanwhile"))
                }
            } catch {
                outcome.stop(error, remaining: records[index...].map(\.id))
                return
            }
        }
    }

    /// Saves an updated record expected at `revision`; on a conflict, `rebase` gets the other session's
    /// version and returns the record to save instead (nil: give up), which is tried once.
    /// Returns false when writing must stop.
    func update<R: Record>(_ record: R, expectedRevision: Int, into outcome: inout Outcome,
                           rebase: (R) -> R?) -> Bool {
        do {
            var result = try store.save(record, expectedRevision: expectedRevision)
            if case .conflict(let conflict) = result {
                guard let theirs = conflict.theirs else {
                    outcome.notWritten.append(Unwritten(id: record.id, reason: "deleted by another session meanwhile"))
                    return true
                }
                guard let again = rebase(theirs) else { return true }
                result = try store.save(again, expectedRevision: conflict.theirsRevision)
            }
            switch result {
            case .saved(let saved): outcome.written.append(saved.id)
            case .conflict: outcome.notWritten.append(Unwritten(id: record.id, reason: "changed by another session while importing; import again"))
            }
            return true
        } catch {
            outcome.stop(error, remaining: [record.id])
            return false
        }
    }
}
