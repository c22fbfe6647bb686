import Foundation
import ReachCore
import TerminalUI

/// The pure heart of the app: `update` turns an action into a new state and a list of effects.
public enum App {
    /// Applies one action. Pure: no I/O, no clock; the runtime performs the returned effects. Each save and delete
    /// it asks for counts as in flight, its record held in memory, until its answer comes back
    /// (`AppState.writesInFlight`): the runner may write it off the loop.
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        if let id = action.answeredWrite { state.writeAnswered(id) }
        let effects = handle(action, &state)
        for effect in effects {
            guard let record = effect.write else { continue }
            state.writesInFlight[record.id, default: 0] += 1
            state.workspace.holdUnsaved(record, true)
        }
        return effects
    }

    private static func handle(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .input(let event): return input(event, &state)
        case .tick(let date): return tick(date, &state) + SyncUpdate.tick(date, &state)
        case .syncFinished(let outcome, let syncState): return SyncUpdate.finished(outcome, syncState, &state)
        case .syncStatusRead(let status): return SyncUpdate.statusRead(status, &state)
        case .computeHiddenPanes: state.computeHiddenPanes(); return []
        case .computeLeftover: state.computeLeftover(); return []
        case .keysHandled: CampaignsPane.keysHandled(&state); return []
        case .conflictsLoaded(let files): return SyncClashes.loaded(files, &state)
        case .conflictsNotLoaded(let message):
            state.settlingConflicts = nil
            state.show("Sync conflicts: \(message)", .warning)
            return []
        case .clashByHand(let clash, let path):
            state.settlingConflicts = nil
            state.show("Theirs for \(clash.field) cannot be applied here: edit \(path) by hand (the conflict stays open)", .warning)
            return []
        case .saved(let record):
            state.sync?.statusStale = true
            return StoreResults.saved(record, &state)
        case .saveFailed(let record, let message): return StoreResults.saveFailed(record, message, &state)
        case .saveWaiting(let record): return StoreResults.saveWaiting(record, &state)
        case .conflict(let mine, let theirs, let revision): return StoreResults.conflict(mine, theirs, revision, &state)
        case .deleted(let record): return StoreResults.deleted(record, &state)
        case .deleteFailed(let record, let message): return StoreResults.deleteFailed(record, message, &state)
        case .deleteWaiting(let record): return StoreResults.deleteWaiting(record, &state)
        case .restored(let record): return StoreResults.restored(record, &state)
        case .restoreFailed(let message): return StoreResults.restoreFailed(message, &state)
        case .settingsSaved(let settings, let revision):
            state.sync?.statusStale = true
            return SettingsSaves.saved(settings, revision, &state)
        case .settingsSaveFailed(let message):
            state.show("Settings not saved: \(message)", .error)
            return []
        case .settingsNotSaved(let pending, let message): return SettingsSaves.notSaved(pending, message, &state)
        case .settingsConflict(let mine, let theirs, let revision): return SettingsSaves.conflict(mine, theirs, revision, &state)
        case .settingsChangedOutside(let settings, let revision): return SettingsSaves.changedOutside(settings, revision, &state)
        case .externalChanges(let changes):
            state.sync?.statusStale = true
            // `reach sync` in a terminal changes records and conflict files together.
            return StoreResults.external(changes, &state) + [.loadConflicts]
        case .indexKeptWithProblems(let problems):
            StoreResults.problemsFound(problems, &state)
            return []
        case .dashboardComputed(let dashboard, let generation):
            CampaignsPane.dashboardComputed(dashboard, generation: generation, &state)
            return []
        case .preparedChanges(let prepared):
            state.sync?.statusStale = true
            return StoreResults.prepared(prepared, &state) + [.loadConflicts]
        case .editorFinished(let request, let text, let message):
            guard let text else {
                state.show(message ?? "The editor failed; \(request.subject) unchanged.", .error)
                return []
            }
            return request.finish(text, &state)
        case .copied(let text, let ok):
            if ok {
                state.show("Copied to the clipboard", .success)
            } else {
                state.overlays.append(.text(TextOverlay(title: "Copy this text (clipboard not available)", text: text)))
            }
            return []
        }
    }

    private static func input(_ event: InputEvent, _ state: inout AppState) -> [Effect] {
        if case .resize(let width, let height) = event {
            state.size = Size(width: max(0, width), height: max(0, height))
            for tab in Tab.allCases { tab.pane.resized(&state) }
            if state.dealDetail != nil { DealDetailPane.resized(&state) }
            return []
        }
        if !state.overlays.isEmpty { return OverlayUpdate.handle(event, &state) }
        switch event {
        case .key(let key): return KeyDispatch.handle(key, &state)
        case .paste: return state.activePane.handleUnbound(event, &state) ?? []
        case .resize: return []
        }
    }

    private static func tick(_ date: Date, _ state: inout AppState) -> [Effect] {
        let dayChanged = Humanize.dayOffset(date, now: state.now, timeZone: state.timeZone) != 0
        state.now = date
        if let status = state.status, status.expires <= date { state.status = nil }
        // Today's groups and due labels are in whole days, so they change only when the day does: rebuilding
        // them every minute went over every deal (a third of a second of an idle app's CPU a minute at 200k).
        // Hidden, it is only marked stale and rebuilt when shown.
        if dayChanged { state.refresh([.today]) }
        // Saves that met a busy folder are tried again, all of them, in the order `R` uses.
        guard let retry = state.saveRetryAt, retry <= date else { return [] }
        state.saveRetryAt = nil
        return state.unsavedCount == 0 ? [] : Edits.retryPending(&state)
    }
}
