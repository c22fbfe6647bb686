import ReachCore
import ReachStore

/// Saves and deletes records, each checking the revision on disk, and reports the outcome as an action. Sendable
/// (it holds only the store), so the runner's write queue performs them off the loop.
struct RecordWrites: Sendable {
    let store: RecordStore

    /// Performs a `.save` or `.delete`; nothing for any other effect.
    func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .save(let record, let expected): [save(record, expected)]
        case .delete(let record): delete(record)
        default: []
        }
    }

    func save(_ record: AnyRecord, _ expected: Int) -> Action {
        do {
            switch record {
            case .influencer(let r): return outcome(try store.save(r, expectedRevision: expected), record, AnyRecord.influencer)
            case .campaign(let r): return outcome(try store.save(r, expectedRevision: expected), record, AnyRecord.campaign)
            case .deal(let r): return outcome(try store.save(r, expectedRevision: expected), record, AnyRecord.deal)
            case .template(let r): return outcome(try store.save(r, expectedRevision: expected), record, AnyRecord.template)
            }
        } catch StoreError.lockTimeout {
            return .saveWaiting(PendingSave(record: record, expectedRevision: expected))
        } catch {
            return .saveFailed(PendingSave(record: record, expectedRevision: expected), message: "\(error)")
        }
    }

    private func outcome<R: Record>(_ result: SaveResult<R>, _ mine: AnyRecord, _ wrap: (R) -> AnyRecord) -> Action {
        switch result {
        case .saved(let saved): .saved(wrap(saved))
        case .conflict(let conflict): .conflict(mine: mine, theirs: conflict.theirs.map(wrap), theirsRevision: conflict.theirsRevision)
        }
    }

    func delete(_ record: AnyRecord) -> [Action] {
        do {
            switch record {
            case .influencer(let r): return deleteOutcome(try store.delete(Influencer.self, id: r.id, expectedRevision: r.revision), record, AnyRecord.influencer)
            case .campaign(let r): return deleteOutcome(try store.delete(Campaign.self, id: r.id, expectedRevision: r.revision), record, AnyRecord.campaign)
            case .deal(let r): return deleteOutcome(try store.delete(Deal.self, id: r.id, expectedRevision: r.revision), record, AnyRecord.deal)
            case .template(let r): return deleteOutcome(try store.delete(Template.self, id: r.id, expectedRevision: r.revision), record, AnyRecord.template)
            }
        } catch StoreError.lockTimeout {
            return [.deleteWaiting(record)]
        } catch {
            return [.deleteFailed(record, message: "\(error)")]
        }
    }

    /// A delete that met someone else's edit does nothing; their version is shown instead.
    private func deleteOutcome<R: Record>(_ result: DeleteResult<R>, _ record: AnyRecord, _ wrap: (R) -> AnyRecord) -> [Action] {
        switch result {
        case .deleted: return [.deleted(record)]
        case .conflict(let conflict):
            var changes = ExternalChanges()
            if let theirs = conflict.theirs { changes.upserted = [wrap(theirs)] } else { changes.removed = [(record.kind, record.id)] }
            return [.deleteFailed(record, message: "someone else changed it meanwhile; check their version and delete again."),
                    .externalChanges(changes)]
        }
    }
}
