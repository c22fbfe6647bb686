import TerminalUI

/// A popup that brings its own keys and drawing (pickers, previews, lists), so a screen can add a new kind of
/// popup without another case in `Overlay` and the framework's switches.
public protocol OverlayModel: Sendable {
    /// Handles one input while on top. The overlay is taken off the stack during the call, so anything it pushes
    /// (a prompt, a confirmation) lands above it; return `keepOpen: false` to close it.
    mutating func handle(_ event: InputEvent, _ state: inout AppState) -> (keepOpen: Bool, effects: [Effect])
    /// Draws the popup over `area` (the space between the tab bar and the status bar).
    func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme)
    /// Status-bar hints while it is on top.
    var hints: [KeyHint] { get }
}
