/// What the app loop needs from a terminal; implemented by `NcursesTerminal` and the in-memory `TestTerminal`.
///
/// Backends are used from one thread only (the app loop); they are deliberately not `Sendable`.
public protocol Terminal: AnyObject {
    /// Current screen size in cells.
    var size: Size { get }
    /// The colour capability, for choosing a `Theme`.
    var colorMode: ColorMode { get }
    /// Shows a frame, writing only the cells that changed since the previous one.
    func present(_ buffer: Buffer)
    /// Waits up to `timeout` (nil: forever) for the next input event; nil when the time ran out.
    func nextEvent(timeout: Duration?) -> InputEvent?
    /// Puts text on the system clipboard (OSC 52); false when the terminal is not known to support it.
    func copyToClipboard(_ text: String) -> Bool
    /// Gives the terminal back to the shell, e.g. to run `$EDITOR`.
    func suspend()
    /// Takes the terminal again after `suspend()` and repaints everything on the next `present`.
    func resume()
}
