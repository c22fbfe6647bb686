import ReachCore

/// The one way screens change records: apply in memory, remember the inverse for `u`, and ask for a save.
public enum Edits {
    /// Saves an edited or new record. `label` names the edit for undo ("edit Līga Bērziņa").
    public static func commit(_ record: AnyRecord, label: String, _ state: inout AppState) -> [Effect] {
        commit([record], label: label, &state)
    }

    /// Saves many edited or new records as one edit (a bulk action): one `u` takes them all back. Each record is
    /// saved on its own with its own revision check, so a conflict on one never holds up the others.
    public static func commit(_ records: [AnyRecord], label: String, _ state: inout AppState) -> [Effect] {
        guard !records.isEmpty else { return [] }
        var inverses: [UndoEntry.Inverse] = []
        var effects: [Effect] = []
        for record in records {
            let previous = state.workspace.record(record.kind, record.id)
            inverses.append(previous.map { .revert(to: $0) } ?? .remove(record))
            state.workspace.put(record)
            effects.append(.save(record, expectedRevision: previous == nil ? 0 : record.revision))
        }
        state.undoStack.append(UndoEntry(label, inverses.count == 1 ? inverses[0] : .batch(inverses)))
        if records.count > 1 { state.quietSaves.formUnion(records.map(\.id)) }
        state.recordsChanged(RecordChanges(records.map { ($0.kind, $0.id) }))
        return effects
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
        var changed = RecordChanges()
        let effects = perform(entry.inverse, &state, changed: &changed)
        state.recordsChanged(changed)
        return effects
    }

    /// Applies one inverse; the panes hear of every reverted record at once, so undoing a bulk action over many
    /// deals recomputes Today and the Pipeline once, not once a deal.
    private static func perform(_ inverse: UndoEntry.Inverse, _ state: inout AppState, changed: inout RecordChanges) -> [Effect] {
        switch inverse {
        case .revert(let old):
            let current = state.workspace.record(old.kind, old.id)?.revision ?? 0
            let reverted = old.withRevision(current)
            state.workspace.put(reverted)
            changed.insert(reverted.kind, reverted.id)
            return [.save(reverted, expectedRevision: current)]
        case .remove(let created):
            guard let current = state.workspace.record(created.kind, created.id) else { return [] }
            return [.delete(current)]
        case .restore(let kind, let id):
            return [.restore(kind, id)]
        case .batch(let inverses):
            return inverses.flatMap { perform($0, &state, changed: &changed) }
        case .settings(let old):
            return SettingsSaves.apply(old, &state)
        }
    }

    /// Saves again every edit whose save failed.
    public static func retryPending(_ state: inout AppState) -> [Effect] {
        guard state.unsavedCount > 0 else {
            state.show("Nothing waiting to be saved")
            return []
        }
        let settings = state.pendingSettings.map { [Effect.saveSettings($0.settings, expectedRevision: $0.expectedRevision)] } ?? []
        return settings + state.pendingSaves.values.sorted { $0.record.id < $1.record.id }.map { .save($0.record, expectedRevision: $0.expectedRevision) }
            + state.pendingDeletes.values.sorted { $0.id < $1.id }.map { .delete($0) }
    }
}
