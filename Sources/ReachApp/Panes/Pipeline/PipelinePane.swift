import TerminalUI

/// State of the Pipeline tab (deals by stage).
public struct PipelineState: Sendable {
    public init() {}
}

/// The Pipeline tab: deals as columns per stage.
public enum PipelinePane: Pane {
    public static func keymap(_ state: AppState) -> [KeySection] { [] }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        buffer.write("Pipeline: \(state.workspace.deals.count) deals. Open one from Today (1) or a creator in the Roster (2).",
                     x: area.x, y: area.y, maxWidth: area.width, style: theme.muted)
    }
}
