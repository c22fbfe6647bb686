import ReachCore

/// Settings changes and the store's answers, as `Edits` and `StoreResults` are for records: the change is applied
/// in memory and every pane recomputed at once, `u` puts the previous settings back, the save checks `reach.json`'s
/// revision, and another session's newer settings raise the conflict dialog instead of being overwritten.
enum SettingsSaves {
    /// Applies `settings`, remembers the previous ones for `u` under `label`, and saves.
    static func commit(_ settings: AppSettings, label: String, _ state: inout AppState) -> [Effect] {
        state.undoStack.append(UndoEntry(label, .settings(state.workspace.settings)))
        return apply(settings, &state)
    }

    /// Puts `settings` in memory, refreshes the panes, and saves them over the revision this session last saw.
    static func apply(_ settings: AppSettings, _ state: inout AppState) -> [Effect] {
        state.workspace.settings = settings
        state.settingsChanged()
        return [.saveSettings(settings, expectedRevision: state.workspace.settingsRevision)]
    }

    /// `reach.json` holds `settings` at `revision` (a Settings-screen save, or a saved filter merged on disk).
    static func saved(_ settings: AppSettings, _ revision: Int, _ state: inout AppState) -> [Effect] {
        // A saved filter landed on disk while settings edited here wait unsaved: mine stay in memory at their old
        // revision, so their next save meets the filter as a conflict instead of dropping it or being dropped.
        if let pending = state.pendingSettings, pending.settings != settings {
            state.show("Saved to reach.json; your unsaved settings are kept: R saves them", .warning)
            return []
        }
        state.workspace.settingsRevision = revision
        state.pendingSettings = nil
        if settings != state.workspace.settings {
            state.workspace.settings = settings
            state.settingsChanged()
        }
        state.show("Settings saved", .success)
        return []
    }

    /// The edit stays in memory and counts as unsaved; a busy folder is tried again on the clock, a failed disk with `R`.
    static func notSaved(_ pending: PendingSettings, _ message: String?, _ state: inout AppState) -> [Effect] {
        state.pendingSettings = pending
        if let message {
            state.show("Settings not saved: \(message) Your edit is kept; press R to retry.", .error)
        } else {
            state.saveRetryAt = state.now.addingTimeInterval(StoreResults.retryDelay)
            state.show("Folder busy (another session is writing): your settings are kept and saved when it is free", .warning)
        }
        return []
    }

    /// Someone saved `reach.json` first: mine stays in memory, unsaved, until the dialog decides.
    static func conflict(_ mine: AppSettings, _ theirs: AppSettings?, _ revision: Int, _ state: inout AppState) -> [Effect] {
        state.pendingSettings = PendingSettings(settings: mine, expectedRevision: revision)
        state.overlays.append(.conflict(ConflictDialog(settings: mine, theirs: theirs, theirsRevision: revision)))
        return []
    }

    /// The conflict dialog's choice; the other version stays reachable with `u`. Theirs being nil (reach.json was
    /// removed) means the defaults.
    static func resolve(mine: AppSettings, theirs: AppSettings?, theirsRevision: Int, keepMine: Bool,
                        _ state: inout AppState) -> [Effect] {
        let other = theirs ?? AppSettings()
        state.workspace.settingsRevision = theirsRevision
        if keepMine {
            state.undoStack.append(UndoEntry("keep my settings", .settings(other)))
            state.workspace.settings = mine
            return [.saveSettings(mine, expectedRevision: theirsRevision)]
        }
        state.pendingSettings = nil
        state.undoStack.append(UndoEntry("take their settings", .settings(mine)))
        state.workspace.settings = other
        state.settingsChanged()
        state.show("Took their settings; u puts yours back")
        return []
    }

    /// Another session (or an editor, or `git pull`) changed `reach.json`. An unsaved edit here keeps the local
    /// settings: its save will conflict and ask, so neither version is lost. Any revision is taken, even a lower one
    /// (a hand edit that dropped it): our own saves are never reported, so what the file says now is the truth.
    static func changedOutside(_ settings: AppSettings, _ revision: Int, _ state: inout AppState) -> [Effect] {
        guard state.pendingSettings == nil else { return [] }
        let changed = settings != state.workspace.settings
        state.workspace.settingsRevision = revision
        guard changed else { return [] }
        state.workspace.settings = settings
        state.settingsChanged()
        state.show("Settings changed outside this session")
        return []
    }
}

extension AppState {
    /// Edits not saved yet: records, deletes waiting for a busy folder, and the settings.
    var unsavedCount: Int { pendingSaves.count + pendingDeletes.count + (pendingSettings == nil ? 0 : 1) }

    /// Tiers, stages and thresholds feed every pane (Roster tiers, Pipeline columns, Today, campaign dashboards):
    /// the shown one is recomputed now, the others when next shown.
    mutating func settingsChanged() {
        refresh(Tab.allCases)
        if dealDetail != nil { DealDetailPane.workspaceChanged(&self) }
    }
}
