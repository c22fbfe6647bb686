import Foundation
import ReachCore

/// What taking theirs of a sync clash makes of a record, typed so the app saves it like any edit.
public enum ClashOutcome<R: Record>: Sendable {
    /// The record with their value, at the revision on disk: save it expecting that revision.
    case save(R)
    /// They deleted the record.
    case deleteRecord
    /// Nothing to apply automatically (see `ClashResolution.byHand`), or their value does not make a valid
    /// record of this version of Reach: a person edits the file.
    case byHand
}

extension RecordStore {
    /// The record `id` as its file holds it now, with theirs of `clash` applied. Read the way saves read it
    /// (after migration, fields this build does not know included), so the save that follows keeps those fields.
    public func recordTakingTheirs<R: Record>(_ type: R.Type, id: RecordID, clash: Clash) throws -> ClashOutcome<R> {
        let decoder = RecordCoding.makeDecoder()
        let disk = reader.read(R.self, path: layout.recordFile(R.kind, id), relative: relative(R.kind, id), expectedID: id,
                               decoder: decoder, needRaw: true)
        if let problem = disk.problem { throw StoreError.cannotReplace(problem) }
        // No file: the record is gone since the clash was found, so their value has nothing to go into.
        guard let raw = disk.raw else { return .byHand }
        switch clash.taking(.theirs, in: .object(raw)) {
        case .deleteRecord: return .deleteRecord
        case .byHand: return .byHand
        case .record(let json):
            guard let record = try? decoder.decode(R.self, from: Data(JSONWriter.bytes(of: json))) else { return .byHand }
            return .save(record)
        }
    }
}
