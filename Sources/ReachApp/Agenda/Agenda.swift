import Foundation
import ReachCore
import TerminalUI

/// `reach today`: the Today screen as a document for a login banner, `watch` or a cron mail. It is built from
/// the same items (`Today.items`), headings, order and cells the screen draws, so the two never disagree; the items
/// come from a whole workspace or from the folder index's compact rows.
public enum Agenda {
    public enum Format: String, CaseIterable, Sendable {
        case text, md, json
    }

    /// What `reach today` prints: the Today items for one scope at one moment, and the names they show.
    public struct Page {
        /// The items under their headings, in the screen's order: slices of `items` (at 100k a manager can have 50k
        /// items, each copied once).
        public let groups: [(group: TodayGroup, items: ArraySlice<TodayItem>)]
        /// In the screen's order: by heading, then by urgency.
        public let items: [TodayItem]
        public var now: Date
        public var timeZone: TimeZone
        /// The user running the command, by name.
        public var user: String?
        /// Whose deals: the user's name, an owner's, or "everyone".
        public var whose: String
        /// The row of each item's deal, which words it and names its creator and campaign.
        public var deal: (RecordID) -> DealRow?
        public var pipeline: StagePipeline
        public var creatorName: (RecordID) -> String
        public var campaignName: (RecordID) -> String

        /// `items` in urgency order (`Today.items`); they are kept in the screen's order, under their headings.
        public init(items: [TodayItem], now: Date, timeZone: TimeZone, user: UserIdentity?, scope: OwnerScope,
                    deal: @escaping (RecordID) -> DealRow?, pipeline: StagePipeline,
                    creatorName: @escaping (RecordID) -> String, campaignName: @escaping (RecordID) -> String) {
            // By heading, keeping the urgency order within each: item positions by heading, then the items moved once.
            var positions = Array(repeating: [Int](), count: TodayGroup.allCases.count)
            for (position, item) in items.enumerated() { positions[TodayGroup(item.kind).rawValue].append(position) }
            var ordered: [TodayItem] = []
            ordered.reserveCapacity(items.count)
            var ranges: [(TodayGroup, Range<Int>)] = []
            for group in TodayGroup.allCases where !positions[group.rawValue].isEmpty {
                let start = ordered.count
                for position in positions[group.rawValue] { ordered.append(items[position]) }
                ranges.append((group, start..<ordered.count))
            }
            self.items = ordered
            groups = ranges.map { ($0.0, ordered[$0.1]) }
            self.now = now
            self.timeZone = timeZone
            self.user = user?.name
            whose = switch scope {
            case .mine: user?.name ?? "everyone"
            case .everyone: "everyone"
            case .owner(let name): name
            }
            self.deal = deal
            self.pipeline = pipeline
            self.creatorName = creatorName
            self.campaignName = campaignName
        }
    }

    /// The Today rows for `scope` as the app would compute them at `now` from a whole workspace.
    public static func page(_ workspace: Workspace, now: Date, timeZone: TimeZone, user: UserIdentity?,
                            scope: OwnerScope) -> Page {
        var state = AppState(workspace: workspace, now: now, timeZone: timeZone, user: user, hiddenPanesLater: true)
        state.ownerScope = scope
        TodayPane.workspaceChanged(&state)
        let rows = workspace.dealRows
        return Page(items: state.today.items, now: now, timeZone: timeZone, user: user, scope: scope,
                    deal: { rows[$0] }, pipeline: workspace.pipeline,
                    creatorName: workspace.influencerName, campaignName: workspace.campaignName)
    }

    /// The agenda in `format`. Text is plain, one item a line, with every control character from the data made
    /// visible; `color` (a terminal without `NO_COLOR`) marks overdue items red and headings bold.
    public static func render(_ page: Page, format: Format, color: Bool = false) -> String {
        switch format {
        case .text: text(page, color: color)
        case .md: markdown(page)
        case .json: json(page)
        }
    }

    /// "Today · 2026-12-03 · Marta Kalniņa · 7 to do · 2 overdue".
    static func title(_ page: Page) -> String {
        let overdue = page.items.lazy.filter(\.isOverdue).count
        var title = "Today · \(Humanize.day(page.now, timeZone: page.timeZone)) · \(page.whose) · \(page.items.count) to do"
        if overdue > 0 { title += " · \(overdue) overdue" }
        return title
    }

    /// Due, creator, campaign, what, whose move: the screen's cells, without its conflict marks.
    private static func line(_ item: TodayItem, _ page: Page) -> [String] {
        TodayPane.line(for: item, deal: page.deal(item.dealID), now: page.now, timeZone: page.timeZone, pipeline: page.pipeline,
                       creatorName: page.creatorName, campaignName: page.campaignName)
    }

    /// `line`, cleaned of control characters.
    private static func cells(_ item: TodayItem, _ page: Page) -> [String] {
        line(item, page).map(Sanitizer.sanitized)
    }

    private static func text(_ page: Page, color: Bool) -> String {
        let bold = color ? "\u{1B}[1m" : "", red = color ? "\u{1B}[31m" : "", reset = color ? "\u{1B}[0m" : ""
        // Built into one string as it goes: at 100k a manager can have 50k lines.
        let rows = page.items.map { cells($0, page) }
        let widths = rows.map { DisplayWidth.of($0[0]) }
        let dueWidth = widths.max() ?? 0
        var out = bold + Sanitizer.sanitized(title(page)) + reset + "\n"
        out.reserveCapacity(rows.count * 100)
        if page.groups.isEmpty { out += "Nothing due.\n" }
        var index = 0
        for (group, items) in page.groups {
            out += "\n" + bold + "\(group.title) (\(items.count))" + reset + "\n"
            for item in items {
                let row = rows[index]
                if item.isOverdue { out += red }
                out += "  " + row[0] + String(repeating: " ", count: max(0, dueWidth - widths[index])) + "  "
                var separator = ""
                for cell in row[1...] where !cell.isEmpty {
                    out += separator + cell
                    separator = " · "
                }
                if item.isOverdue { out += reset }
                out += "\n"
                index += 1
            }
        }
        return out
    }

    private static func markdown(_ page: Page) -> String {
        var lines = ["# " + escape(title(page))]
        let groups = page.groups
        if groups.isEmpty { lines += ["", "Nothing due."] }
        for (group, items) in groups {
            lines += ["", "## \(group.title) (\(items.count))", ""]
            for item in items {
                let c = cells(item, page).map(escape)
                let due = item.isOverdue ? "**\(c[0])**" : c[0]
                lines.append("- \(due) · " + c[1...].filter { !$0.isEmpty }.joined(separator: " · "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown's inline marks made literal, so a creator called `*x*` stays as written.
    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// One item for scripts: ids and ISO dates as well as the words the screen shows.
    private struct JSONItem: Encodable {
        var kind: String
        var group: String
        var dealID: String
        var creator: String
        var campaign: String
        var owner: String?
        var due: String?
        var dueText: String
        var summary: String
        var whoseMove: String?
        var overdue: Bool
    }

    private struct JSONAgenda: Encodable {
        var date: String
        var user: String?
        var showing: String
        var count: Int
        var overdue: Int
        var items: [JSONItem]
    }

    private static func json(_ page: Page) -> String {
        let iso = ISO8601DateFormatter()
        let items = page.items.map { item in
            let c = line(item, page)
            return JSONItem(kind: item.kind.rawValue, group: TodayGroup(item.kind).title, dealID: item.dealID.rawValue,
                            creator: c[1], campaign: c[2], owner: page.deal(item.dealID)?.owner,
                            due: item.due.map(iso.string), dueText: c[0], summary: c[3],
                            whoseMove: item.whoseMove?.rawValue, overdue: item.isOverdue)
        }
        let agenda = JSONAgenda(date: Humanize.day(page.now, timeZone: page.timeZone), user: page.user, showing: page.whose,
                                count: items.count, overdue: items.filter(\.overdue).count, items: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(agenda) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
