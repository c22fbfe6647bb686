import Foundation
import ReachCore
import TerminalUI

/// A column of the pipeline table; `s` cycles the sort through them.
public enum PipelineField: Int, CaseIterable, Sendable {
    case creator, campaign, owner, stage, fee, nextAction, due, whoseMove, daysInStage

    /// Below this width the table is compact: narrower fixed columns, "us"/"them" for whose move, no age column.
    static let roomyWidth = 110

    var title: String { title(compact: false) }

    func title(compact: Bool) -> String {
        switch self {
        case .creator: "Creator"
        case .campaign: "Campaign"
        case .owner: "Owner"
        case .stage: "Stage"
        case .fee: "Fee"
        case .nextAction: "Next action"
        case .due: "Due"
        case .whoseMove: compact ? "Move" : "Whose move"
        case .daysInStage: "In stage"
        }
    }

    func width(compact: Bool) -> Constraint {
        switch self {
        case .creator, .campaign: .fill(2)
        case .owner: .fill(1)
        case .nextAction: .fill(3)
        case .stage: .fixed(compact ? 12 : 14)
        case .fee: .fixed(compact ? 13 : 15)
        case .due: .fixed(compact ? 11 : 12)
        case .whoseMove: .fixed(compact ? 5 : 12)
        case .daysInStage: .fixed(12)
        }
    }

    /// Columns that fit: the campaign only when several are shown, the age column from `roomyWidth`.
    static func visible(width: Int, filtered: Bool) -> [PipelineField] {
        allCases.filter { field in
            switch field {
            case .campaign: !filtered
            case .daysInStage, .owner: width >= roomyWidth
            default: true
            }
        }
    }

    func text(_ deal: Deal, _ state: AppState, compact: Bool = false) -> String {
        switch self {
        case .creator, .campaign, .owner, .nextAction: sortedText(deal, state)
        case .stage: state.workspace.pipeline.name(of: deal.stage)
        case .fee: DealSummary.fee(deal)
        case .due: DealSummary.due(deal, state)
        case .whoseMove: deal.nextAction.map { compact ? $0.whoseMove.label : $0.whoseMove.moveLabel } ?? "—"
        case .daysInStage: DealSummary.age(deal, state)
        }
    }

    /// The text of a column sorted by its text: what a `DealRow` holds is enough, so sorting needs no full deal.
    private func sortedText(_ deal: some ListedDeal, _ state: AppState) -> String {
        switch self {
        case .creator: state.conflictMark(.deal, deal.id) + state.workspace.influencerName(deal.influencerID)
        case .campaign: state.workspace.campaignName(deal.campaignID)
        case .owner: deal.owner ?? "—"
        case .nextAction: deal.nextAction?.summary ?? (deal.lacksNextStep(pipeline: state.workspace.pipeline) ? DealSummary.noNextStep : "—")
        default: ""
        }
    }

    /// A sort key: text columns compare folded text, the others numbers (missing values last when ascending).
    func key(_ deal: DealRow, _ state: AppState) -> PipelineSortKey {
        switch self {
        case .creator, .campaign, .owner, .nextAction: return .text(TextFolding.fold(sortedText(deal, state)))
        case .stage:
            let pipeline = state.workspace.pipeline
            let index = pipeline.index(of: deal.stage) ?? (pipeline.stages.count + (pipeline.sideExits.firstIndex { $0.key == deal.stage } ?? 0))
            return .number(Double(index))
        case .fee: return .number(deal.agreedFee?.doubleValue ?? -1)
        case .due: return .number(deal.nextAction?.due.timeIntervalSince1970 ?? .greatestFiniteMagnitude)
        case .whoseMove: return .number(deal.nextAction.map { $0.whoseMove == .us ? 0 : 1 } ?? 2)
        case .daysInStage: return .number(Double(deal.daysInStage(now: state.now)))
        }
    }
}

/// A precomputed sort key, so sorting 200,000 deals compares values instead of looking records up.
public enum PipelineSortKey: Sendable, Comparable {
    case number(Double)
    case text(String)
}

/// The table view of the pipeline: one row per deal, sortable by any column.
enum PipelineTable {
    /// Sorts `deals` by the state's sort column (ties by id, so the order is stable between refreshes).
    static func rows(_ state: AppState) -> (rows: [RecordID], tally: PipelinePane.Tally) {
        let field = state.pipeline.sortField
        let ascending = state.pipeline.ascending
        var keyed: [(id: RecordID, key: PipelineSortKey)] = []
        let tally = PipelinePane.forEachDeal(state) { keyed.append(($0.id, field.key($0, state))) }
        keyed.sort { precedes($0, $1, ascending: ascending) }
        return (keyed.map(\.id), tally)
    }

    /// The table order: by the sort key in the chosen direction, ties by id so refreshes keep rows still.
    static func precedes(_ a: (id: RecordID, key: PipelineSortKey), _ b: (id: RecordID, key: PipelineSortKey), ascending: Bool) -> Bool {
        if a.key != b.key { return ascending ? a.key < b.key : b.key < a.key }
        return a.id < b.id
    }

    /// Where a deal goes in rows already sorted (binary search, computing keys only for the rows compared).
    static func insertionIndex(of deal: DealRow, in rows: [RecordID], _ state: AppState) -> Int {
        let field = state.pipeline.sortField, ascending = state.pipeline.ascending
        let entry = (id: deal.id, key: field.key(deal, state))
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if let other = state.workspace.dealRows[rows[middle]],
               precedes((other.id, field.key(other, state)), entry, ascending: ascending) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    static func visibleRows(_ state: AppState) -> Int { max(1, PipelinePane.contentArea(state.size).height - 1) }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let pipeline = state.pipeline
        let fields = PipelineField.visible(width: area.width, filtered: pipeline.campaignFilter != nil)
        let compact = area.width < PipelineField.roomyWidth
        let rows = pipeline.rows
        let sort = fields.firstIndex(of: pipeline.sortField).map { SortIndicator(column: $0, ascending: pipeline.ascending) }
        let table = Table(columns: fields.map { TableColumn($0.title(compact: compact), width: $0.width(compact: compact)) },
                          rowCount: rows.count, sort: sort,
                          theme: theme, rowStyle: { index in
                              guard let deal = state.workspace.deal(rows[index]) else { return nil }
                              if state.workspace.pipeline.isSideExit(deal.stage) { return theme.muted }
                              return DealSummary.isOverdue(deal, state) ? theme.overdue : nil
                          }) { index in
            guard let deal = state.workspace.deal(rows[index]) else { return [] }
            var cells = fields.map { $0.text(deal, state, compact: compact) }
            if !state.marks.deals.isEmpty, !cells.isEmpty { cells[0] = Marking.prefix(state.marks.deals.contains(deal.id)) + cells[0] }
            return cells
        }
        var selection = pipeline.tableCursor.selection(hasRows: !rows.isEmpty)
        table.render(into: &buffer, area: area, state: &selection)
        if rows.isEmpty, area.height > 1 {
            buffer.write(PipelinePane.emptyText(state), x: area.x, y: area.y + 1, maxWidth: area.width, style: theme.muted)
        }
    }
}
