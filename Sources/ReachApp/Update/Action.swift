import Foundation
import ReachCore
import ReachStore
import TerminalUI

/// Everything that can happen to the app: input, time passing, and the results of effects.
public enum Action: Sendable {
    case input(InputEvent)
    /// The clock moved on (sent by the runtime about every 250 ms while idle).
    case tick(Date)
    case saved(AnyRecord)
    /// The save failed (disk full, read-only folder); the edit stays in memory for a retry.
    case saveFailed(PendingSave, message: String)
    /// Another session held the folder's writer lock (a large import commits under it for seconds): nothing was
    /// written, and the save is tried again on the clock instead of holding keys while it waits.
    case saveWaiting(PendingSave)
    /// Someone else saved (or deleted) the record first; nothing was written.
    case conflict(mine: AnyRecord, theirs: AnyRecord?, theirsRevision: Int)
    case deleted(AnyRecord)
    case deleteFailed(AnyRecord, message: String)
    /// The folder was busy (another session writing): the delete waits and is tried again.
    case deleteWaiting(AnyRecord)
    case restored(AnyRecord)
    case restoreFailed(String)
    /// `reach.json` now holds these settings at this revision.
    case settingsSaved(AppSettings, revision: Int)
    /// A settings change (a saved filter) could not be written; nothing changed in memory.
    case settingsSaveFailed(String)
    /// Settings edited on the Settings screen were not written: the disk failed (`message`), or the folder was busy
    /// (nil: tried again on the clock). The edit stays in memory, counted as unsaved.
    case settingsNotSaved(PendingSettings, message: String?)
    /// Another session saved `reach.json` first; nothing was written.
    case settingsConflict(mine: AppSettings, theirs: AppSettings?, theirsRevision: Int)
    /// Another session, an editor or `git pull` changed `reach.json`.
    case settingsChangedOutside(AppSettings, revision: Int)
    /// Records changed on disk by other sessions since the last poll.
    case externalChanges(ExternalChanges)
    /// Keeping the folder index fresh in the background moved damaged files to quarantine or could not list a
    /// folder (`IndexKeeping`), worded for the load problems.
    case indexKeptWithProblems([String])
    /// `$EDITOR` exited; nil text when it failed (message says why).
    case editorFinished(EditRequest, text: String?, message: String?)
    /// The clipboard write finished; false when the terminal cannot do OSC 52 (the text is then shown instead).
    case copied(String, ok: Bool)
    /// A background sync ended; `state` is the outcome on record afterwards.
    case syncFinished(Result<SyncReport, SyncError>, state: SyncState)
    /// A background status read ended (nil: git could not say).
    case syncStatusRead(SyncStatus?)
    /// The open sync clashes, from `conflicts/`.
    case conflictsLoaded([ConflictFile])
    /// `conflicts/` could not be read (or a clash not settled); the list shown stays as it was.
    case conflictsNotLoaded(String)
    /// Theirs of a clash cannot be applied automatically: the record file has to be edited by hand.
    case clashByHand(Clash, path: String)
    /// A campaign's dashboard computed off the loop, from the workspace of `generation` (see
    /// `CampaignsState.dashboardReading`).
    case dashboardComputed(CampaignDashboard, generation: Int)
    /// Another session's many changes, applied to a copy of the workspace off the loop (see `PreparedChanges`).
    case preparedChanges(PreparedChanges)
    /// The first frame is on screen: compute the tabs it did not need (see `AppState(hiddenPanesLater:)`).
    case computeHiddenPanes
    /// The next piece of that (`AppState.leftovers`), between which the runner handles keys typed meanwhile.
    case computeLeftover
    /// Every key typed so far is handled and a frame is about to be drawn: work left for once a burst of keys is
    /// over (a held ↓ through the Campaigns list computes one dashboard, not one per step) is done now.
    case keysHandled
}

extension Action {
    /// The record whose `.save` or `.delete` this answers.
    var answeredWrite: RecordID? {
        switch self {
        case .saved(let record), .deleted(let record), .deleteFailed(let record, _), .deleteWaiting(let record): record.id
        case .saveFailed(let pending, _), .saveWaiting(let pending): pending.record.id
        case .conflict(let mine, _, _): mine.id
        default: nil
        }
    }
}

/// A save that did not happen yet (failed, or waiting on a conflict decision), with the revision it expects on disk.
public struct PendingSave: Sendable, Equatable {
    public var record: AnyRecord
    public var expectedRevision: Int

    public init(record: AnyRecord, expectedRevision: Int) {
        self.record = record
        self.expectedRevision = expectedRevision
    }
}

/// Settings not saved yet, with the `reach.json` revision the save expects (the settings' `PendingSave`).
public struct PendingSettings: Sendable, Equatable {
    public var settings: AppSettings
    public var expectedRevision: Int

    public init(settings: AppSettings, expectedRevision: Int) {
        self.settings = settings
        self.expectedRevision = expectedRevision
    }
}

/// What other sessions changed, per kind, from `RecordStore.scanChanges`.
public struct ExternalChanges: Sendable {
    public var upserted: [AnyRecord] = []
    public var removed: [(RecordKind, RecordID)] = []
    public var problems: [LoadProblem] = []

    public init(upserted: [AnyRecord] = [], removed: [(RecordKind, RecordID)] = [], problems: [LoadProblem] = []) {
        self.upserted = upserted
        self.removed = removed
        self.problems = problems
    }

    public var isEmpty: Bool { upserted.isEmpty && removed.isEmpty && problems.isEmpty }

    /// How many records changed.
    public var count: Int { upserted.count + removed.count }
}
