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
        /// For an existing creator: everything the file said about them, folded row by row (first row wins),
        /// merged once into the record as loaded, and again into another session's version after a conflict.
        var incoming: Influencer?
        /// What that merge changes and keeps, so each row reports only what it added.
        var changes: [String] = []
        var kept: [String] = []

        /// False when, all rows taken together, the file adds nothing to an existing creator.
        var isNeeded: Bool { expectedRevision == 0 || !changes.isEmpty }
    }

    private(set) var roster: [RecordID: Influencer]
    private var index = DedupeIndex()
    private(set) var writes: [RecordID: Write] = [:]
    /// Record ids in the order the file first touched them.
    private(set) var order: [RecordID] = []
    /// For records this file creates, the line that created them.
    private var createdOn: [RecordID: Int] = [:]
    /// Existing records as loaded, before this file touched them.
    private var originals: [RecordID: Influencer] = [:]
    let now: Date

    init(roster: [Influencer], now: Date) {
        self.roster = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.now = now
        for influencer in roster { index.add(influencer) }
    }

    /// Plans one candidate: what happens to it, plus notes on what the file said and was not used.
    mutating func add(_ candidate: ImportCandidate, line: Int) -> (action: ImportAction, notes: [String]) {
        let incoming = candidate.influencer
        let target: RecordID
        if candidate.hasFileID, roster[incoming.id] != nil {
            target = incoming.id
        } else {
            let matches = index.matches(for: incoming)
            guard matches.count <= 1 else {
                let list = matches.map { "\(roster[$0.id]?.displayName ?? "?") (\($0.id), \($0.reasons.joined(separator: ", ")))" }
                return (.rejected("matches \(matches.count) creators: \(list.joined(separator: " and ")). "
                                  + "Merge them in Reach first, or fix the row."), [])
            }
            guard let match = matches.first else { return (create(incoming, line: line), []) }
            target = match.id
        }
        guard let current = roster[target] else { return (create(incoming, line: line), []) }
        if let created = createdOn[target] {
            // A creator this file created: the record itself holds everything the file said so far.
            let outcome = ImportMerge.merge(incoming, into: current, at: now)
            guard !outcome.changes.isEmpty else { return (.unchanged(target, sameFileLine: created), outcome.kept) }
            roster[target] = outcome.record
            index.add(outcome.record)
            writes[target]?.record = outcome.record
            return (.merged(into: target, changes: outcome.changes, kept: outcome.kept, sameFileLine: created), [])
        }
        // An existing creator: fold this row into what earlier rows said, then merge that once into the record
        // as loaded, so importing the same file twice changes nothing the second time.
        let original = originals[target] ?? current
        originals[target] = original
        let previous = writes[target]
        let step = previous?.incoming.map { ImportMerge.merge(incoming, into: $0, at: now) }
        let collapsed = step?.record ?? incoming
        let outcome = ImportMerge.merge(collapsed, into: original, at: now)
        let changes = outcome.changes.filter { !(previous?.changes ?? []).contains($0) }
        let kept = (step?.kept ?? []) + outcome.kept.filter { !(previous?.kept ?? []).contains($0) }
        roster[target] = outcome.record
        index.add(outcome.record)
        if previous == nil { order.append(target) }
        writes[target] = Write(record: outcome.record, expectedRevision: original.revision, incoming: collapsed,
                               changes: outcome.changes, kept: outcome.kept)
        guard !changes.isEmpty else { return (.unchanged(target, sameFileLine: nil), kept) }
        return (.merged(into: target, changes: changes, kept: kept, sameFileLine: nil), [])
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
            guard let write = writes[id], write.isNeeded else { continue }
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
