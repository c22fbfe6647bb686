import Foundation
import ReachCore
import ReachStore
import TerminalUI

/// Everything the app shows and remembers, as one value: `update` changes it, `view` draws it.
public struct AppState: Sendable {
    public var workspace: Workspace {
        didSet { workspaceGeneration &+= 1 }
    }
    /// Moves on every change to `workspace`: a copy changed on another thread (`PreparedChanges`) replaces it only
    /// when nothing changed it since the copy was taken.
    public private(set) var workspaceGeneration = 0
    /// The runner's loop computes what needs files read (a campaign's dashboard at 100k: up to 1,365 deals) off the
    /// loop, on its background jobs, and writes saves and deletes on its write queue; off (tests, commands),
    /// `update` computes it at once and each write is done before the next action.
    public var computesOffTheLoop = false
    /// The injected clock's time, refreshed by ticks; every "overdue" and "3d ago" is relative to it.
    public var now: Date
    /// The user's time zone, for "today" and dates typed in prompts.
    public var timeZone: TimeZone
    /// Screen size in cells, from the terminal (resize events keep it current).
    public var size: Size
    /// Who is using the app (`$REACH_USER`, a team member, or `$USER`): the author of activities, the owner of
    /// new deals, and whose deals "mine" shows.
    public var user: UserIdentity?
    /// Whose deals Today, the Pipeline and the deal table show (`o` cycles it).
    public var ownerScope: OwnerScope = .everyone
    /// Deals here have more than one owner, so the headers say whose deals they show even when it is everyone's.
    var severalOwners = false
    /// Records of a bulk action still being saved: their "Saved …" would hide the action's own summary.
    var quietSaves: Set<RecordID> = []
    /// Rows marked with Space on the Roster, the Pipeline table or Today, for the bulk actions (`b`).
    public var marks = Marks()

    /// The shown tab; switching to one whose rows were not computed yet computes them first.
    public var tab: Tab = .today {
        didSet { if stalePanes.remove(tab) != nil { tab.pane.workspaceChanged(&self) } }
    }
    /// Tabs whose rows are not computed yet: a start-up draws its first frame with only the shown tab's.
    private(set) var stalePanes: Set<Tab> = []
    public var today = TodayState()
    public var roster = RosterState()
    public var pipeline = PipelineState()
    public var campaigns = CampaignsState()
    /// A deal opened from a list; drawn over the tab's pane until `Esc`.
    public var dealDetail: DealDetailState?
    /// The Settings screen (`,`), drawn over the tab's pane (and an open deal) while open.
    public var settingsScreen = SettingsState()

    /// Popups, top last; the top one gets the keys.
    public var overlays: [Overlay] = []
    public var status: StatusMessage?
    /// Problems met while loading (quarantined files...), listed by the `Load problems` command.
    public var loadProblems: [String] = []
    /// Inverse operations, newest last.
    public var undoStack: [UndoEntry] = []
    /// Edits whose save failed (disk full, read-only): kept here and in the workspace until a retry works.
    public var pendingSaves: [RecordID: PendingSave] = [:]
    /// Settings edited here but not saved yet (failed, or waiting on a conflict decision); they are in the workspace.
    public var pendingSettings: PendingSettings?
    /// Deletes that met a busy folder: kept (the record stays on screen) and tried again with the saves.
    public var pendingDeletes: [RecordID: AnyRecord] = [:]
    /// Saves and deletes asked for and not answered yet, per record (the runner writes them off the loop): a record
    /// with one keeps its newest local edit over an older answer and over another session's version.
    var writesInFlight: [RecordID: Int] = [:]
    /// When a save met a busy folder: the tick retries the pending saves from then on (see `Action.saveWaiting`).
    public var saveRetryAt: Date?
    /// The folder's git sync as this app knows it; nil when the folder is not synced.
    public var sync: SyncIndicator?
    /// Open clashes of git sync per record (and the settings), from `conflicts/`; reloaded after syncs, other
    /// sessions' changes and each resolution.
    public var conflicts: [ConflictSubject: [Clash]] = [:]
    /// The record whose clashes are being settled in the dialog: the next one opens when the list is reloaded.
    var settlingConflicts: ConflictSubject?
    /// Keys typed so far of a multi-key binding such as `gg`.
    public var pendingKeys: [KeyEvent] = []
    public var shouldQuit = false

    /// With `hiddenPanesLater`, only the shown tab's rows are computed; the runner sends `.computeHiddenPanes`
    /// after drawing the first frame (at 100k creators the Roster's sort and the Pipeline's columns take most
    /// of a second that the user would otherwise wait for the first screen).
    public init(workspace: Workspace, now: Date, timeZone: TimeZone = .current, size: Size = Size(width: 80, height: 24),
                author: String? = nil, user: UserIdentity? = nil, hiddenPanesLater: Bool = false) {
        self.workspace = workspace
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.user = user ?? author.map { UserIdentity(name: $0, login: $0) }
        let owners = workspace.dealOwners
        severalOwners = owners.count > 1
        ownerScope = OwnerScope.initial(owners: owners, user: self.user)
        if hiddenPanesLater {
            tab.pane.firstFrame(&self)
            stalePanes = Set(Tab.allCases).subtracting([tab])
        } else {
            refreshAllPanes()
        }
    }

    /// Computes what the first frame skipped: the search keys, the other tabs' rows and what the shown one left.
    mutating func computeHiddenPanes() {
        while computeLeftover() {}
    }

    /// A piece of the work a start leaves for after its first frame (`hiddenPanesLater`).
    enum Leftover: Equatable {
        /// The roster's search keys and name order (0.1 s at 100k creators, on two cores).
        case rosterIndexes
        /// A tab's rows when the first frame skipped them, else what it left (everyone's Today: 0.15–0.17 s).
        case tab(Tab)
    }

    /// What is left of a start's work, in the order it is done. The runner does one piece at a time with the keys
    /// typed meanwhile handled between them: all at once, they held keys for 0.4–0.45 s at 100k creators.
    private(set) var leftovers: [Leftover] = [.rosterIndexes] + Tab.allCases.map { .tab($0) }

    /// Does the next piece of `leftovers`; false when none was left. A tab switched to meanwhile has had its rows
    /// computed then, and only what its first frame left is done here.
    @discardableResult
    mutating func computeLeftover() -> Bool {
        guard !leftovers.isEmpty else { return false }
        switch leftovers.removeFirst() {
        case .rosterIndexes: workspace.buildRosterIndexes()
        case .tab(let tab):
            if stalePanes.remove(tab) != nil { tab.pane.workspaceChanged(&self) } else { tab.pane.afterFirstFrame(&self) }
        }
        return true
    }

    /// The name activities and new records are stamped with.
    public var author: String? { user?.name }

    /// The pane that gets keys and draws the main area: Settings, else an open deal, else the active tab's pane.
    var activePane: any Pane.Type {
        settingsScreen.isOpen ? SettingsPane.self : dealDetail != nil ? DealDetailPane.self : tab.pane
    }

    /// Shows a status message that expires relative to `now`.
    public mutating func show(_ text: String, _ level: StatusMessage.Level = .info) {
        status = StatusMessage(text, level: level, now: now)
    }

    /// Recomputes the shown tab's rows now and leaves the other `tabs` for when they are shown: switching whose
    /// deals are listed at 200k deals costs a pass per list, and only one is on screen.
    mutating func refresh(_ tabs: [Tab]) {
        for other in tabs where other != tab { stalePanes.insert(other) }
        if tabs.contains(tab) { tab.pane.workspaceChanged(&self) }
    }

    /// Recomputes every pane's derived rows (after loading or a big change).
    mutating func refreshAllPanes() {
        stalePanes = []
        for tab in Tab.allCases { tab.pane.workspaceChanged(&self) }
        if dealDetail != nil { DealDetailPane.workspaceChanged(&self) }
    }

    /// Tells every pane which records changed, so each can update only what they touch.
    mutating func recordsChanged(_ changes: RecordChanges) {
        guard !changes.isEmpty else { return }
        for tab in Tab.allCases where !stalePanes.contains(tab) { tab.pane.recordsChanged(changes, &self) }
        if dealDetail != nil { DealDetailPane.recordsChanged(changes, &self) }
    }

    /// Shorthand for one record.
    mutating func recordChanged(_ record: AnyRecord) { recordsChanged(RecordChanges([(record.kind, record.id)])) }
}
