import TerminalUI

/// Where the tab bar, the pane and the status bar go; shared by `view` and `update` (page sizes).
public enum AppLayout {
    /// Below this the app shows only a "terminal too small" notice.
    public static let minimumSize = Size(width: 40, height: 10)

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// The first row: tabs.
    public static func tabBar(_ size: Size) -> Rect { Rect(x: 0, y: 0, width: size.width, height: min(1, size.height)) }

    /// The last row: key hints and messages.
    public static func statusBar(_ size: Size) -> Rect {
        Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: min(1, size.height))
    }

    /// Between the tab bar and the status bar.
    public static func main(_ size: Size) -> Rect {
        Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2))
    }
}
