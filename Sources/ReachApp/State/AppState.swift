import Foundation
import ReachCore
import TerminalUI

/// Everything the app shows and remembers, as one value: `update` changes it, `view` draws it.
public struct AppState: Sendable {
    public var workspace: Workspace
    /// The injected clock's time, refreshed by ticks; every "overdue" and "3d ago" is relative to it.
    public var now: Date
    /// The user's time zone, for "today" and dates typed in prompts.
    public var timeZone: TimeZone
    /// Screen size in cells, from the terminal (resize events keep it current).
    public var size: Size
    /// Who is logged in (`$USER`), recorded as the author of activities.
    public var author: String?

    public var tab: Tab = .today
    public var today = TodayState()
    public var roster = RosterState()
    public var pipeline = PipelineState()
    public var campaigns = CampaignsState()
    /// A deal opened from a list; drawn over the tab's pane until `Esc`.
    public var dealDetail: DealDetailState?

    /// Popups, top last; the top one gets the keys.
    public var overlays: [Overlay] = []
    public var status: StatusMessage?
    /// Problems met while loading (quarantined files...), listed by the `Load problems` command.
    public var loadProblems: [String] = []
    /// Inverse operations, newest last.
    public var undoStack: [UndoEntry] = []
    /// Edits whose save failed (disk full, read-only): kept here and in the workspace until a retry works.
    public var pendingSaves: [RecordID: PendingSave] = [:]
    /// Keys typed so far of a multi-key binding such as `gg`.
    public var pendingKeys: [KeyEvent] = []
    public var shouldQuit = false

    public init(workspace: Workspace, now: Date, timeZone: TimeZone = .current, size: Size = Size(width: 80, height: 24),
                author: String? = nil) {
        self.workspace = workspace
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.author = author
        refreshAllPanes()
    }

    /// The pane that gets keys and draws the main area: an open deal, else the active tab's pane.
    var activePane: any Pane.Type { dealDetail != nil ? DealDetailPane.self : tab.pane }

    /// Shows a status message that expires relative to `now`.
    public mutating func show(_ text: String, _ level: StatusMessage.Level = .info) {
        status = StatusMessage(text, level: level, now: now)
    }

    /// Recomputes every pane's derived rows (after loading or a big change).
    mutating func refreshAllPanes() {
        for tab in Tab.allCases { tab.pane.workspaceChanged(&self) }
        if dealDetail != nil { DealDetailPane.workspaceChanged(&self) }
    }

    /// Tells every pane which records changed, so each can update only what they touch.
    mutating func recordsChanged(_ changes: RecordChanges) {
        guard !changes.isEmpty else { return }
        for tab in Tab.allCases { tab.pane.recordsChanged(changes, &self) }
        if dealDetail != nil { DealDetailPane.recordsChanged(changes, &self) }
    }

    /// Shorthand for one record.
    mutating func recordChanged(_ record: AnyRecord) { recordsChanged(RecordChanges([(record.kind, record.id)])) }
}
