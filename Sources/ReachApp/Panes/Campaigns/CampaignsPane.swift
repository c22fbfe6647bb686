import TerminalUI

/// State of the Campaigns tab.
public struct CampaignsState: Sendable {
    public init() {}
}

/// The Campaigns tab: campaigns with budget and progress.
public enum CampaignsPane: Pane {
    public static func keymap(_ state: AppState) -> [KeySection] { [] }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.write("Campaigns: \(state.workspace.campaigns.count) in this data folder.",
                     x: area.x, y: area.y, maxWidth: area.width, style: theme.muted)
    }
}
