import Foundation
import ReachCore

/// Decides, row by row, whether an imported creator is new, a duplicate to merge (with the roster or an
/// earlier row of the same file), or ambiguous; and collects the records to write.
///
/// Holds the roster (needed to recognise duplicates) and the records the import changes, never the rows;
/// each record once, in one array (an `Influencer` is 672 bytes inline: at 100,000 creators every extra
/// copy or dictionary of them cost 70–200 MB).
struct InfluencerImportPlan {
    /// What the file does to a creator that was already on disk.
    struct Update {
        /// The record as loaded, before this file touched it.
        var original: Influencer
        /// Everything the file said about the creator, folded row by row (first row wins), merged once into
        /// `original`, and again into another session's version after a conflict.
        var incoming: Influencer
        /// What that merge changes and keeps, so each row reports only what it added.
        var changes: [String]
        var kept: [String]
    }

    /// The roster as loaded (merged with the file where it touched them), then the creators the file creates,
    /// in the order of the lines that created them.
    private var records: [Influencer]
    /// Where the creators this file creates start in `records`.
    private let rosterCount: Int
    private var positions: [RecordID: Int]
    private var index = DedupeIndex()
    /// Existing creators the file touched, by position, and the order it first touched them.
    private var updates: [Int: Update] = [:]
    private var updateOrder: [Int] = []
    /// For each creator this file creates (at `rosterCount + i`), the line that created it.
    private var createdOn: [Int] = []
    let now: Date
    /// Where new creators are written while the file is still being read (nil for a dry run): they are staged
    /// `stageChunk` at a time, and again if a later row of the file changes them.
    private let staging: StagedBatch<Influencer>?
    private var stagedEnd: Int
    private var changedAfterStaging: Set<Int> = []
    private static let stageChunk = 1_024

    init(roster: [Influencer], now: Date, staging: StagedBatch<Influencer>? = nil) {
        records = roster
        rosterCount = roster.count
        stagedEnd = roster.count
        self.staging = staging
        positions = Dictionary(roster.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.now = now
        for influencer in roster { index.add(influencer) }
    }

    private func record(_ id: RecordID) -> Influencer? { positions[id].map { records[$0] } }

    /// Plans one candidate: what happens to it, plus notes on what the file said and was not used.
    mutating func add(_ candidate: ImportCandidate, line: Int) -> (action: ImportAction, notes: [String]) {
        let incoming = candidate.influencer
        let target: Int
        if candidate.hasFileID, let position = positions[incoming.id] {
            target = position
        } else {
            let matches = index.matches(for: incoming)
            guard matches.count <= 1 else {
                let list = matches.map { "\(record($0.id)?.displayName ?? "?") (\($0.id), \($0.reasons.joined(separator: ", ")))" }
                return (.rejected("matches \(matches.count) creators: \(list.joined(separator: " and ")). "
                                  + "Merge them in Reach first, or fix the row."), [])
            }
            guard let match = matches.first, let position = positions[match.id] else { return (create(incoming, line: line), []) }
            target = position
        }
        let id = records[target].id
        if target >= rosterCount {
            // A creator this file created: the record itself holds everything the file said so far.
            let createdLine = createdOn[target - rosterCount]
            let outcome = ImportMerge.merge(incoming, into: records[target], at: now)
            guard !outcome.changes.isEmpty else { return (.unchanged(id, sameFileLine: createdLine), outcome.kept) }
            records[target] = outcome.record
            index.add(outcome.record)
            if target < stagedEnd { changedAfterStaging.insert(target) }
            return (.merged(into: id, changes: outcome.changes, kept: outcome.kept, sameFileLine: createdLine), [])
        }
        // An existing creator: fold this row into what earlier rows said, then merge that once into the record
        // as loaded, so importing the same file twice changes nothing the second time.
        let previous = updates[target]
        let original = previous?.original ?? records[target]
        let step = previous.map { ImportMerge.merge(incoming, into: $0.incoming, at: now) }
        let collapsed = step?.record ?? incoming
        let outcome = ImportMerge.merge(collapsed, into: original, at: now)
        let changes = outcome.changes.filter { !(previous?.changes ?? []).contains($0) }
        let kept = (step?.kept ?? []) + outcome.kept.filter { !(previous?.kept ?? []).contains($0) }
        records[target] = outcome.record
        index.add(outcome.record)
        if previous == nil { updateOrder.append(target) }
        updates[target] = Update(original: original, incoming: collapsed, changes: outcome.changes, kept: outcome.kept)
        guard !changes.isEmpty else { return (.unchanged(id, sameFileLine: nil), kept) }
        return (.merged(into: id, changes: changes, kept: kept, sameFileLine: nil), [])
    }

    private mutating func create(_ influencer: Influencer, line: Int) -> ImportAction {
        var record = influencer
        if positions[record.id] != nil { record.id = RecordID.generate(at: now) }
        positions[record.id] = records.count
        index.add(record)
        records.append(record)
        createdOn.append(line)
        if records.count - stagedEnd >= Self.stageChunk { stageNewCreators() }
        return .created(record.id)
    }

    /// Hands the creators made since the last call to the staging, and those changed after it staged them.
    private mutating func stageNewCreators() {
        guard let staging else { return }
        staging.stage(Array(records[stagedEnd...]))
        stagedEnd = records.count
        for position in changedAfterStaging.sorted() { staging.restage(records[position]) }
        changedAfterStaging = []
    }

    /// Removes what was staged: the import stopped before writing.
    func abandon() {
        staging?.abandon()
    }

    /// Writes every planned record: merges into existing creators first (those the file changed), then the new
    /// ones as one batch.
    mutating func write(to store: RecordStore, report: inout ImportReport) {
        stageNewCreators()
        let writer = RecordBatchWriter(store: store)
        var outcome = RecordBatchWriter.Outcome()
        var stopped = false
        let now = self.now
        for position in updateOrder {
            guard let update = updates[position], !update.changes.isEmpty else { continue }
            let record = records[position]
            if stopped {
                outcome.notWritten.append(Unwritten(id: record.id, reason: "not written: writing stopped at an error"))
                continue
            }
            stopped = !writer.update(record, expectedRevision: update.original.revision, into: &outcome) { theirs in
                ImportMerge.merge(update.incoming, into: theirs, at: now).record
            }
        }
        let created = records[rosterCount...]
        if stopped {
            abandon()
            outcome.notWritten += created.map { Unwritten(id: $0.id, reason: "not written: writing stopped at an error") }
        } else if let staging {
            writer.insertStaged(staging, records: created, into: &outcome)
        } else {
            writer.insertNew(created, into: &outcome)
        }
        report.written = outcome.written
        report.notWritten = outcome.notWritten
        report.failure = outcome.failure
    }
}
