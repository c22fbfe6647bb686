import TerminalUI

/// Where the Roster's parts go for a screen size: the detail pane sits beside the table from 120 columns,
/// below it from 30 rows, and otherwise replaces the table while it has focus.
struct RosterLayout {
    var info: Rect
    var table: Rect?
    var detail: Rect?

    static let sideBySideWidth = 120
    static let stackedHeight = 30

    init(_ state: AppState) {
        let main = AppLayout.main(state.size)
        info = Rect(x: main.x, y: main.y, width: main.width, height: min(1, main.height))
        let body = main.inset(top: 1)
        if main.width >= Self.sideBySideWidth {
            let detailWidth = min(64, body.width * 2 / 5)
            table = Rect(x: body.x, y: body.y, width: body.width - detailWidth - 1, height: body.height)
            detail = Rect(x: body.maxX - detailWidth, y: body.y, width: detailWidth, height: body.height)
        } else if main.height >= Self.stackedHeight {
            let tableHeight = body.height * 11 / 20
            table = Rect(x: body.x, y: body.y, width: body.width, height: tableHeight)
            detail = Rect(x: body.x, y: body.y + tableHeight, width: body.width, height: body.height - tableHeight)
        } else if state.roster.focus == .detail {
            detail = body
        } else {
            table = body
        }
    }

    /// Data rows that fit in the table (its header takes one row).
    var visibleRows: Int { max(1, (table?.height ?? 1) - 1) }
}
