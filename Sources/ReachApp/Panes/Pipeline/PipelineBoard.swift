import Foundation
import ReachCore
import TerminalUI

/// The kanban view of the pipeline: one column per stage (side exits collapsed into a last column), cards built
/// only for the rows on screen so a 200,000-deal board draws as fast as a small one.
enum PipelineBoard {
    static let minColumnWidth = 22
    /// Lines per card; the widget leaves one blank row between cards.
    static let cardHeight = 3

    /// A card's place in its column: overdue and soonest next action first, then longest in the stage.
    struct Order: Comparable {
        var due: Double
        var entered: Double
        var id: RecordID

        init(_ deal: DealRow) {
            due = deal.nextAction?.due.timeIntervalSince1970 ?? .greatestFiniteMagnitude
            entered = deal.stageSince.timeIntervalSince1970
            id = deal.id
        }

        static func < (a: Order, b: Order) -> Bool { (a.due, a.entered, a.id) < (b.due, b.entered, b.id) }
    }

    /// Columns with their deals in `Order`.
    static func columns(_ state: AppState) -> (columns: [PipelineColumn], tally: PipelinePane.Tally) {
        let pipeline = state.workspace.pipeline
        var columns = pipeline.stages.map { PipelineColumn(title: $0.name, stages: [$0.key], isSideExits: false, dealIDs: []) }
        if state.pipeline.showSideExits, !pipeline.sideExits.isEmpty {
            columns.append(PipelineColumn(title: "Side exits", stages: pipeline.sideExits.map(\.key), isSideExits: true, dealIDs: []))
        }
        var columnOf: [StageKey: Int] = [:]
        for (index, column) in columns.enumerated() { for stage in column.stages { columnOf[stage] = index } }
        var unknown: [StageKey: [Order]] = [:]
        var buckets = Array(repeating: [Order](), count: columns.count)
        let tally = PipelinePane.forEachDeal(state) { deal in
            if let index = columnOf[deal.stage] {
                buckets[index].append(Order(deal))
            } else if !pipeline.isSideExit(deal.stage) {
                // A stage no longer configured: shown in its own column rather than hidden.
                unknown[deal.stage, default: []].append(Order(deal))
            }
        }
        for key in unknown.keys.sorted() {
            columns.append(PipelineColumn(title: "\(key.rawValue) (not configured)", stages: [key], isSideExits: false, dealIDs: []))
            buckets.append(unknown[key] ?? [])
        }
        for index in columns.indices { columns[index].dealIDs = buckets[index].sorted().map(\.id) }
        return (columns, tally)
    }

    /// Where a deal goes in a column already in `Order` (binary search, looking up only the cards compared).
    static func insertionIndex(of deal: DealRow, in ids: [RecordID], _ state: AppState) -> Int {
        let order = Order(deal)
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if let other = state.workspace.dealRows[ids[middle]], Order(other) < order { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How many columns fit side by side (the same rule as the `Kanban` widget).
    static func visibleColumns(_ state: AppState) -> Int {
        let area = PipelinePane.contentArea(state.size)
        return min(max(1, state.pipeline.columns.count), max(1, (area.width + 1) / (minColumnWidth + 1)))
    }

    /// Whole cards that fit in a column (inside its frame).
    static func cardsPerColumn(_ state: AppState) -> Int {
        let inner = PipelinePane.contentArea(state.size).height - 2
        return max(1, (inner + 1) / (cardHeight + 1))
    }

    /// Keeps the selected column and card on screen after moves, refreshes and resizes.
    static func keepVisible(_ state: inout AppState) {
        let counts = state.pipeline.columns.map(\.dealIDs.count)
        state.pipeline.board.move(cardCounts: counts)
        var columns = ListCursor(selected: state.pipeline.board.column, offset: state.pipeline.board.columnOffset)
        columns.clamp(count: counts.count, visible: visibleColumns(state))
        state.pipeline.board.columnOffset = columns.offset
        var cards = ListCursor(selected: state.pipeline.board.card, offset: state.pipeline.board.cardOffset)
        cards.clamp(count: counts.isEmpty ? 0 : counts[state.pipeline.board.column], visible: cardsPerColumn(state))
        state.pipeline.board.cardOffset = cards.offset
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let pipeline = state.pipeline
        let visible = visibleColumns(state)
        let widths = area.split(.horizontal, Array(repeating: .fill(1), count: visible), spacing: 1).map(\.width)
        let window = cardsPerColumn(state) + 1
        var columns: [KanbanColumn] = []
        for (index, column) in pipeline.columns.enumerated() {
            let slot = index - pipeline.board.columnOffset
            var cards = Array(repeating: KanbanCard([]), count: column.dealIDs.count)
            if slot >= 0, slot < visible {
                // Real cards only where the widget will draw; the placeholders keep the counts right.
                let start = index == pipeline.board.column ? pipeline.board.cardOffset : 0
                let width = max(1, widths[slot] - 2)
                for position in start..<min(column.dealIDs.count, start + window) {
                    if let deal = state.workspace.deal(column.dealIDs[position]) {
                        cards[position] = card(deal, width: width, sideExit: column.isSideExits, state, theme)
                    }
                }
            }
            columns.append(KanbanColumn(column.title, cards: cards))
        }
        var board = pipeline.board
        Kanban(columns, minColumnWidth: minColumnWidth, theme: theme).render(into: &buffer, area: area, state: &board)
    }

    /// Name and days in stage; fee and campaign (when several are shown); due and next action.
    static func card(_ deal: Deal, width: Int, sideExit: Bool, _ state: AppState, _ theme: Theme) -> KanbanCard {
        let name = state.conflictMark(.deal, deal.id) + state.workspace.influencerName(deal.influencerID)
        let fee = DealSummary.fee(deal)
        let second = state.pipeline.campaignFilter == nil ? "\(fee) · \(state.workspace.campaignName(deal.campaignID))" : fee
        if sideExit {
            return KanbanCard([name, second, DealSummary.exit(deal, state)], style: theme.muted)
        }
        let first = fit(name, DealSummary.age(deal, state), width: width)
        let style: Style? = if DealSummary.isOverdue(deal, state) {
            theme.overdue
        } else if deal.isStalled(now: state.now, pipeline: state.workspace.pipeline) || deal.lacksNextStep(pipeline: state.workspace.pipeline) {
            theme.warning
        } else {
            nil
        }
        return KanbanCard([first, second, DealSummary.nextAction(deal, state)], style: style)
    }

    /// `left` and `right` on one line of `width` columns, `right` flush right; `left` is cut with "…" to make room.
    static func fit(_ left: String, _ right: String, width: Int) -> String {
        let rightWidth = DisplayWidth.of(right)
        let room = width - rightWidth - 1
        guard room >= 2 else { return left }
        var text = ""
        var used = 0
        let glyphs = Sanitizer.glyphs(left)
        let total = glyphs.reduce(0) { $0 + $1.width }
        let limit = total > room ? room - 1 : room
        for glyph in glyphs {
            guard used + glyph.width <= limit else { break }
            text.append(glyph.character)
            used += glyph.width
        }
        if total > room { text += "…"; used += 1 }
        return text + String(repeating: " ", count: max(1, width - used - rightWidth)) + right
    }
}
