import TerminalUI

/// One screen of the app (a tab's content or an opened record). Panes are stateless types: their state lives
/// in `AppState`, their keys in `keymap`, so adding a pane means one file plus a line in `Tab.pane`.
///
/// To add or replace a pane: put its state struct and its `Pane` type in `Panes/<Name>/`; give `AppState` a
/// property for the state (the Pipeline and Campaigns ones exist); map the tab in `Tab.pane`. Keys go in
/// `keymap` (help and hints follow automatically), palette entries in `commands`, record changes through
/// `Edits.commit` / `Edits.delete` (undo and saving come with them), popups by appending to `state.overlays`.
public protocol Pane {
    /// The pane's keys in its current mode. Listed in the help overlay and dispatched by `update`.
    static func keymap(_ state: AppState) -> [KeySection]
    /// True while the pane edits text (e.g. typing a search): global keys like `q` then go to the pane.
    static func capturesText(_ state: AppState) -> Bool
    /// Input no binding took (typed characters in search, paste); nil when the pane ignores it.
    static func handleUnbound(_ event: InputEvent, _ state: inout AppState) -> [Effect]?
    /// Commands this pane adds to the `:` palette.
    static func commands(_ state: AppState) -> [PaletteCommand]
    /// Recompute derived rows from scratch (after loading, or when many records changed).
    static func workspaceChanged(_ state: inout AppState)
    /// A start's first frame, on the shown tab: what that frame shows, possibly less than `workspaceChanged`
    /// makes; `afterFirstFrame` then makes the rest. The default: `workspaceChanged`, and nothing after.
    static func firstFrame(_ state: inout AppState)
    static func afterFirstFrame(_ state: inout AppState)
    /// Some records were added, changed or removed (here or by another session); the default recomputes everything.
    static func recordsChanged(_ changes: RecordChanges, _ state: inout AppState)
    /// Called when the screen size changed, to keep selections visible.
    static func resized(_ state: inout AppState)
    /// Draws the pane into `area` (the space between the tab bar and the status bar).
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme)
}

extension Pane {
    public static func capturesText(_ state: AppState) -> Bool { false }
    public static func handleUnbound(_ event: InputEvent, _ state: inout AppState) -> [Effect]? { nil }
    public static func commands(_ state: AppState) -> [PaletteCommand] { [] }
    public static func workspaceChanged(_ state: inout AppState) {}
    public static func firstFrame(_ state: inout AppState) { workspaceChanged(&state) }
    public static func afterFirstFrame(_ state: inout AppState) {}
    public static func recordsChanged(_ changes: RecordChanges, _ state: inout AppState) { workspaceChanged(&state) }
    public static func resized(_ state: inout AppState) {}
}
