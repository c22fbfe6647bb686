import ReachCore
import ReachStore

/// Work `update` asks the runtime to do; the result comes back as an `Action`.
public enum Effect: Sendable {
    /// Save a record if the revision on disk is `expectedRevision` (0: it must not exist yet).
    case save(AnyRecord, expectedRevision: Int)
    /// Move a record to the trash (checking its revision).
    case delete(AnyRecord)
    /// Bring a deleted record back from the trash (undo).
    case restore(RecordKind, RecordID)
    /// Change `reach.json` settings: the runtime applies `change` to the settings on disk (another session may have
    /// changed them since they were loaded) and saves the result.
    case updateSettings(@Sendable (inout AppSettings) -> Void)
    /// Save settings edited on the Settings screen if `reach.json` is still at `expectedRevision` (as records are).
    case saveSettings(AppSettings, expectedRevision: Int)
    /// Put text on the clipboard via OSC 52.
    case copy(String)
    /// Put a campaign's report on the clipboard (the runtime adds the deals in the trash, which it lists).
    case copyCampaignReport(CampaignReportCopy)
    /// Suspend the screen and edit text in `$EDITOR`.
    case editText(EditRequest)
    /// Sync the folder through git in the background (`reach sync`); the result comes back as `.syncFinished`.
    case sync
    /// Read the folder's sync status (local changes, ahead/behind) in the background: `.syncStatusRead`.
    case readSyncStatus
    /// Read `conflicts/`: `.conflictsLoaded`, or `.conflictsNotLoaded`.
    case loadConflicts
    /// Settle a sync clash as the record is (keep mine), then reload the conflicts.
    case resolveClash(Clash, of: ConflictSubject)
    /// Save the record with theirs of the clash (or delete it), then settle the clash and reload the conflicts.
    case takeTheirs(Clash, RecordKind, RecordID)
    case quit
}

extension Effect {
    /// The record a `.save` or `.delete` writes.
    var write: AnyRecord? {
        switch self {
        case .save(let record, _), .delete(let record): record
        default: nil
        }
    }

    /// Performed only once every save and delete asked for before it is written: it reads or writes records
    /// (restoring from the trash, a report listing it, git taking the folder, a sync clash settled) or ends the app.
    var waitsForWrites: Bool {
        switch self {
        case .restore, .copyCampaignReport, .sync, .resolveClash, .takeTheirs, .quit: true
        case .save, .delete, .updateSettings, .saveSettings, .copy, .editText, .readSyncStatus, .loadConflicts: false
        }
    }
}

/// Long text to edit in `$EDITOR`, and what to do with the result.
public struct EditRequest: Sendable {
    /// Shown in messages ("notes of Līga Bērziņa").
    public var subject: String
    public var text: String
    /// Runs with the edited text when the editor exits normally.
    public var finish: @Sendable (String, inout AppState) -> [Effect]

    public init(subject: String, text: String, finish: @escaping @Sendable (String, inout AppState) -> [Effect]) {
        self.subject = subject
        self.text = text
        self.finish = finish
    }
}
