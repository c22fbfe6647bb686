import Foundation
import ReachCore
import TerminalUI

/// A roster screen drawn with the real widgets (tab bar, table, status bar) the way the app lays it out,
/// so the TerminalUI and search cases time a realistic frame rather than synthetic text.
/// The app-level cases use the app's own view instead.
struct RosterScreen {
    var theme = Theme(mode: .ansi256)
    var width = 200
    var height = 60

    private static let tabs = ["1 Today", "2 Roster", "3 Pipeline", "4 Campaigns"]
    private static let hints = [KeyHint("/", "search"), KeyHint("f", "filter"), KeyHint("s", "sort"), KeyHint("n", "new"),
                                KeyHint("e", "edit"), KeyHint("Enter", "open"), KeyHint("?", "help"), KeyHint("q", "quit")]
    private static let columns = [
        TableColumn("Name", width: .fill(3)), TableColumn("Handle", width: .fill(2)), TableColumn("Platform", width: .fixed(10)),
        TableColumn("Followers", width: .fixed(9), alignment: .trailing), TableColumn("ER", width: .fixed(6), alignment: .trailing),
        TableColumn("Tier", width: .fixed(6)), TableColumn("Country", width: .fixed(7)), TableColumn("City", width: .fixed(12)),
        TableColumn("Relationship", width: .fixed(14)), TableColumn("Tags", width: .fill(2)),
    ]

    /// Draws one frame: `rows` are indices into `roster` (a filtered, sorted or searched view of it).
    func render(roster: [Influencer], rows: [Int], state: inout SelectionState, query: String?) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let parts = buffer.area.split(.vertical, [.fixed(1), .fill(1), .fixed(1)])
        Tabs(Self.tabs, selected: 1, theme: theme).render(into: &buffer, area: parts[0])
        let table = Table(columns: Self.columns, rowCount: rows.count, sort: SortIndicator(column: 3, ascending: false), theme: theme) {
            Self.cells(roster[rows[$0]])
        }
        table.render(into: &buffer, area: parts[1], state: &state)
        let message = query.map { "/\($0)  \(rows.count) matches" } ?? "\(rows.count) creators"
        StatusBar(hints: Self.hints, message: message, theme: theme).render(into: &buffer, area: parts[2])
        return buffer
    }

    /// The texts of one row, formatted as the roster shows them.
    static func cells(_ influencer: Influencer) -> [String] {
        let main = influencer.mainAccount
        return [
            influencer.displayName, main.map { "@" + $0.handle } ?? "", main?.platform.displayName ?? "",
            influencer.followers.map(compact) ?? "—", influencer.engagementRate.map { String(format: "%.1f%%", $0) } ?? "—",
            influencer.tier()?.displayName ?? "", influencer.country ?? "", influencer.city ?? "",
            influencer.relationship.displayName, influencer.tags.joined(separator: ", "),
        ]
    }

    /// 12400 -> "12.4k", 2100000 -> "2.1M".
    static func compact(_ count: Int) -> String {
        switch count {
        case ..<1_000: return "\(count)"
        case ..<1_000_000: return String(format: "%.1fk", Double(count) / 1_000)
        default: return String(format: "%.1fM", Double(count) / 1_000_000)
        }
    }
}
