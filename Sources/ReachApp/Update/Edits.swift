import ReachCore

/// The one way screens change records: apply in memory, remember the inverse for `u`, and ask for a save.
public enum Edits {
    /// Saves an edited or new record. `label` names the edit for undo ("edit Līga Bērziņa").
    public static func commit(_ record: AnyRecord, label: String, _ state: inout AppState) -> [Effect] {
        let previous = state.workspace.record(record.kind, record.id)
        state.undoStack.append(UndoEntry(label, previous.map { .revert(to: $0) } ?? .remove(record)))
        state.workspace.put(record)
        state.recordChanged(record)
        return [.save(record, expectedRevision: previous == nil ? 0 : record.revision)]
    }

    /// `z`: archives a record, or restores an archived one; it stays on disk and in reports, and `u` undoes.
    static func toggleArchived(_ record: AnyRecord, _ state: inout AppState) -> [Effect] {
        let label = "\(record.isArchived ? "unarchive" : "archive") \(state.workspace.title(of: record))"
        return commit(record.archiving(!record.isArchived, now: state.now), label: label, &state)
    }

    /// Deletes a record (to the trash); undo restores it.
    public static func delete(_ record: AnyRecord, _ state: inout AppState) -> [Effect] {
        state.undoStack.append(UndoEntry("delete \(state.workspace.title(of: record))", .restore(record.kind, record.id)))
        return [.delete(record)]
    }

    /// `u`: performs the newest inverse operation.
    public static func undo(_ state: inout AppState) -> [Effect] {
        guard let entry = state.undoStack.popLast() else {
            state.show("Nothing to undo")
            return []
        }
        state.show("Undid: \(entry.label)")
        switch entry.inverse {
        case .revert(let old):
            let current = state.workspace.record(old.kind, old.id)?.revision ?? 0
            let reverted = old.withRevision(current)
            state.workspace.put(reverted)
            state.recordChanged(reverted)
            return [.save(reverted, expectedRevision: current)]
        case .remove(let created):
            guard let current = state.workspace.record(created.kind, created.id) else { return [] }
            return [.delete(current)]
        case .restore(let kind, let id):
            return [.restore(kind, id)]
        }
    }

    /// Saves again every edit whose save failed.
    public static func retryPending(_ state: inout AppState) -> [Effect] {
        guard !state.pendingSaves.isEmpty else {
            state.show("Nothing waiting to be saved")
            return []
        }
        return state.pendingSaves.values.sorted { $0.record.id < $1.record.id }.map { .save($0.record, expectedRevision: $0.expectedRevision) }
    }
}
