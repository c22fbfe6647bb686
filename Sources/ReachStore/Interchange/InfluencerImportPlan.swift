import Foundation
import ReachCore

/// Decides, row by row, whether an imported creator is new, a duplicate to merge (with the roster or an
/// earlier row of the same file), or ambiguous; and collects the records to write.
///
/// Holds the roster (needed to recognise duplicates) and the records the import changes, never the rows.
struct InfluencerImportPlan {
    /// A record the import will write.
    struct Write {
        var record: Influencer
        /// 0 for a new record, else the revision loaded from disk.
        var expectedRevision: Int
        /// Everything the file contributed to an existing record, to merge again if another session saved it meanwhile.
        var incoming: Influencer?
    }

    private(set) var roster: [RecordID: Influencer]
    private var index = DedupeIndex()
    private(set) var writes: [RecordID: Write] = [:]
    /// Record ids in the order the file first touched them.
    private(set) var order: [RecordID] = []
    /// For records this file creates, the line that created them.
    private var createdOn: [RecordID: Int] = [:]
    let now: Date

    init(roster: [Influencer], now: Date) {
        self.roster = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.now = now
        for influencer in roster { index.add(influencer) }
    }

    /// Plans one candidate and says what will happen to it.
    mutating func add(_ candidate: ImportCandidate, line: Int) -> ImportAction {
        let incoming = candidate.influencer
        let target: RecordID
        if candidate.hasFileID, roster[incoming.id] != nil {
            target = incoming.id
        } else {
            let matches = index.matches(for: incoming)
            guard matches.count <= 1 else {
                let list = matches.map { "\(roster[$0.id]?.displayName ?? "?") (\($0.id), \($0.reasons.joined(separator: ", ")))" }
                return .rejected("matches \(matches.count) creators: \(list.joined(separator: " and ")). "
                                 + "Merge them in Reach first, or fix the row.")
            }
            guard let match = matches.first else { return create(incoming, line: line) }
            target = match.id
        }
        guard let current = roster[target] else { return create(incoming, line: line) }
        let outcome = ImportMerge.merge(incoming, into: current, at: now)
        guard !outcome.changes.isEmpty else {
            return .unchanged(target, sameFileLine: createdOn[target])
        }
        roster[target] = outcome.record
        index.add(outcome.record)
        if var write = writes[target] {
            write.record = outcome.record
            write.incoming = write.incoming?.merged(with: incoming, at: now)
            writes[target] = write
        } else {
            writes[target] = Write(record: outcome.record, expectedRevision: current.revision, incoming: incoming)
            order.append(target)
        }
        return .merged(into: target, changes: outcome.changes, kept: outcome.kept, sameFileLine: createdOn[target])
    }

    private mutating func create(_ influencer: Influencer, line: Int) -> ImportAction {
        var record = influencer
        if roster[record.id] != nil { record.id = RecordID.generate(at: now) }
        roster[record.id] = record
        index.add(record)
        writes[record.id] = Write(record: record, expectedRevision: 0, incoming: nil)
        order.append(record.id)
        createdOn[record.id] = line
        return .created(record.id)
    }

    /// Writes every planned record: merges into existing creators first, then the new ones as one batch.
    func write(to store: RecordStore, report: inout ImportReport) {
        let writer = RecordBatchWriter(store: store)
        var outcome = RecordBatchWriter.Outcome()
        var newRecords: [Influencer] = []
        var stopped = false
        for id in order {
            guard let write = writes[id] else { continue }
            guard write.expectedRevision > 0 else {
                newRecords.append(write.record)
                continue
            }
            if stopped {
                outcome.notWritten.append(Unwritten(id: id, reason: "not written: writing stopped at an error"))
                continue
            }
            let now = self.now
            stopped = !writer.update(write.record, expectedRevision: write.expectedRevision, into: &outcome) { theirs in
                write.incoming.map { ImportMerge.merge($0, into: theirs, at: now).record }
            }
        }
        if stopped {
            outcome.notWritten += newRecords.map { Unwritten(id: $0.id, reason: "not written: writing stopped at an error") }
        } else {
            writer.insertNew(newRecords, into: &outcome)
        }
        report.written = outcome.written
        report.notWritten = outcome.notWritten
        report.failure = outcome.failure
    }
}
