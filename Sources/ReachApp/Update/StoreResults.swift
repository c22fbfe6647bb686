import Foundation
import ReachCore
import ReachStore

/// How results of store effects change the state: saved records replace the in-memory copy, failures keep the edit.
enum StoreResults {
    /// Says where a saved record went when it just left the screen: an archived creator leaves the roster
    /// unless archived ones are shown.
    private static func whereItWent(_ record: AnyRecord, _ state: AppState) -> String {
        guard case .influencer(let creator) = record, creator.archived, !state.roster.filter.includeArchived else { return "" }
        return " · archived: hidden from the roster (F → Show archived lists them; u undoes)"
    }

    static func saved(_ record: AnyRecord, _ state: inout AppState) -> [Effect] {
        // A newer edit of the record is still being saved: what is saved here is older than what the screens show,
        // and that save's answer brings the record as it will stay.
        guard state.writesInFlight[record.id] == nil else { return [] }
        let shown = state.workspace.record(record.kind, record.id)
        state.workspace.put(record)
        state.workspace.holdUnsaved(record, false)
        state.pendingSaves[record.id] = nil
        // Usually the store's answer is what the panes already show but for its stamps: then they need no update
        // (at 200k deals that second pass was half the cost of an edit on Today).
        if !(shown?.hasSameContent(as: record) ?? false) { state.recordChanged(record) }
        if state.quietSaves.remove(record.id) == nil {
            state.show("Saved \(state.workspace.title(of: record))\(whereItWent(record, state))", .success)
        }
        return []
    }

    static func saveFailed(_ pending: PendingSave, _ message: String, _ state: inout AppState) -> [Effect] {
        state.quietSaves.remove(pending.record.id)
        state.pendingSaves[pending.record.id] = pending
        state.show("Not saved: \(message) Your edit is kept; press R to retry.", .error)
        return askAgainBeforeQuitting(&state)
    }

    /// The folder was busy: the edit is kept, shown as unsaved, and saved by the clock once the folder is free.
    static func saveWaiting(_ pending: PendingSave, _ state: inout AppState) -> [Effect] {
        state.pendingSaves[pending.record.id] = pending
        state.saveRetryAt = state.now.addingTimeInterval(retryDelay)
        state.show("Folder busy (another session is writing): your edit is kept and saved when it is free", .warning)
        return askAgainBeforeQuitting(&state)
    }

    /// `q` was pressed while the last writes were on their way (the runner finishes them before quitting), and one
    /// came back unsaved: the quit stops and asks, as it does when the edit was unsaved before `q`.
    private static func askAgainBeforeQuitting(_ state: inout AppState) -> [Effect] {
        guard state.shouldQuit else { return [] }
        state.shouldQuit = false
        return GlobalKeys.quit(&state)
    }

    /// How long a save waits before trying a busy folder again.
    static let retryDelay: TimeInterval = 1

    static func conflict(_ mine: AnyRecord, _ theirs: AnyRecord?, _ theirsRevision: Int, _ state: inout AppState) -> [Effect] {
        state.quietSaves.remove(mine.id)
        // Until the user decides, "mine" counts as unsaved so quitting warns about it.
        state.pendingSaves[mine.id] = PendingSave(record: mine, expectedRevision: theirsRevision)
        state.overlays.append(.conflict(ConflictDialog(mine: mine, theirs: theirs, theirsRevision: theirsRevision)))
        state.shouldQuit = false
        return []
    }

    /// The user's choice in the conflict dialog; the other version stays reachable with `u`.
    static func resolve(_ dialog: ConflictDialog, keepMine: Bool, _ state: inout AppState) -> [Effect] {
        let (mine, theirs): (AnyRecord, AnyRecord?)
        switch dialog.versions {
        case .record(let m, let t): (mine, theirs) = (m, t)
        case .settings(let m, let t): return SettingsSaves.resolve(mine: m, theirs: t, theirsRevision: dialog.theirsRevision, keepMine: keepMine, &state)
        case .sync(let clash, let subject): return SyncClashes.choose(keepMine ? 0 : 1, clash, subject, &state)
        }
        let title = state.workspace.title(of: mine)
        if keepMine {
            if let theirs { state.undoStack.append(UndoEntry("keep my version of \(title)", .revert(to: theirs))) }
            let mine = mine.withRevision(dialog.theirsRevision)
            state.workspace.put(mine)
            state.recordChanged(mine)
            return [.save(mine, expectedRevision: dialog.theirsRevision)]
        }
        state.pendingSaves[mine.id] = nil
        if let theirs {
            state.workspace.put(theirs)
        } else {
            state.workspace.remove(mine.kind, mine.id)
        }
        // "Take theirs" must not lose mine either: `u` saves my version over theirs.
        state.undoStack.append(UndoEntry("take their version of \(title)", .revert(to: mine)))
        state.recordChanged(mine)
        state.show("Took their version of \(title); u puts yours back")
        return []
    }

    static func deleted(_ record: AnyRecord, _ state: inout AppState) -> [Effect] {
        let title = state.workspace.title(of: record)
        state.workspace.remove(record.kind, record.id)
        state.pendingSaves[record.id] = nil
        state.pendingDeletes[record.id] = nil
        if case .deal = record, state.dealDetail?.dealID == record.id { state.dealDetail = nil }
        state.recordChanged(record)
        state.show("Moved \(title) to the trash; u to undo", .success)
        return []
    }

    /// As `saveWaiting`, for a delete: the record stays until the folder is free, then goes to the trash.
    static func deleteWaiting(_ record: AnyRecord, _ state: inout AppState) -> [Effect] {
        state.pendingDeletes[record.id] = record
        state.saveRetryAt = state.now.addingTimeInterval(retryDelay)
        state.show("Folder busy (another session is writing): \(state.workspace.title(of: record)) goes to the trash when it is free",
                   .warning)
        return askAgainBeforeQuitting(&state)
    }

    static func deleteFailed(_ record: AnyRecord, _ message: String, _ state: inout AppState) -> [Effect] {
        state.pendingDeletes[record.id] = nil
        if let index = state.undoStack.lastIndex(where: { $0.inverse == .restore(record.kind, record.id) }) {
            state.undoStack.remove(at: index)
        }
        state.show("Not deleted: \(message)", .error)
        return []
    }

    static func restored(_ record: AnyRecord, _ state: inout AppState) -> [Effect] {
        state.workspace.put(record)
        state.recordChanged(record)
        state.show("Restored \(state.workspace.title(of: record))", .success)
        return []
    }

    static func restoreFailed(_ message: String, _ state: inout AppState) -> [Effect] {
        state.show("Not restored: \(message)", .error)
        return []
    }

    /// Changes by other sessions. A record with an unsaved local edit (or one on its way to the disk) keeps the local
    /// version; its save will conflict and ask the user, so neither version is lost.
    static func external(_ changes: ExternalChanges, _ state: inout AppState) -> [Effect] {
        let accepted = accepted(changes, state)
        let applied = apply(accepted, to: &state.workspace)
        return announce(RecordChanges(applied), count: applied.count, problems: accepted.problems, &state)
    }

    /// Another session's changes applied to a copy of the workspace on another thread: the copy replaces the
    /// workspace when nothing changed it since the copy was taken, else the changes are applied here after all.
    static func prepared(_ prepared: PreparedChanges, _ state: inout AppState) -> [Effect] {
        guard prepared.isCurrent(for: state) else { return external(prepared.changes, &state) }
        state.workspace = prepared.workspace
        return announce(prepared.applied, count: prepared.count, problems: prepared.changes.problems, &state)
    }

    /// The changes that may be applied: not over unsaved local edits, and no version older than ours (a background
    /// scan that raced our own save).
    static func accepted(_ changes: ExternalChanges, _ state: AppState) -> ExternalChanges {
        var accepted = changes
        accepted.upserted = changes.upserted.filter { record in
            state.pendingSaves[record.id] == nil && state.writesInFlight[record.id] == nil
                && record.revision >= (state.workspace.knownRevision(record.kind, record.id) ?? 0)
        }
        accepted.removed = changes.removed.filter { state.pendingSaves[$0.1] == nil && state.writesInFlight[$0.1] == nil }
        return accepted
    }

    /// Puts and removes what `accepted` holds; returns what changed.
    static func apply(_ accepted: ExternalChanges, to workspace: inout Workspace) -> [(RecordKind, RecordID)] {
        workspace.put(accepted.upserted)
        var applied = accepted.upserted.map { ($0.kind, $0.id) }
        for (kind, id) in accepted.removed where workspace.remove(kind, id) { applied.append((kind, id)) }
        return applied
    }

    /// Tells the panes what changed (`count` records), and the user how much.
    private static func announce(_ applied: RecordChanges, count: Int, problems: [LoadProblem], _ state: inout AppState) -> [Effect] {
        if let open = state.dealDetail?.dealID, applied.ids(of: .deal).contains(open), state.workspace.dealRows[open] == nil {
            state.dealDetail = nil
        }
        if count > 0 {
            state.recordsChanged(applied)
            state.show("\(count) change\(count == 1 ? "" : "s") made outside this session")
        }
        problemsFound(problems.map(\.description), &state)
        return []
    }

    /// Problem files met outside the start (a scan, the index kept fresh): added to the load problems, and said.
    static func problemsFound(_ problems: [String], _ state: inout AppState) {
        guard !problems.isEmpty else { return }
        state.loadProblems += problems
        state.show("\(problems.count) file(s) could not be read; : Load problems for details", .warning)
    }
}

extension AppState {
    /// A save or delete of `id` was answered. (A sync clash's "take theirs" is answered without being counted.)
    mutating func writeAnswered(_ id: RecordID) {
        guard let count = writesInFlight[id] else { return }
        writesInFlight[id] = count > 1 ? count - 1 : nil
    }
}
