import Foundation
import ReachCore
import TerminalUI
@testable import ReachApp

/// What must hold after every action, whatever the keys: cursors inside their lists, derived rows in step with
/// the records, deals in valid stages, money adding up, unsaved edits kept, and a clean, well-formed screen.
enum AppInvariants {
    /// Every broken rule of the state, as readable lines. `thorough` adds the costly ones (re-sorting the roster,
    /// budgets of every campaign).
    static func check(_ state: AppState, thorough: Bool = true) -> [String] {
        var out: [String] = []
        func require(_ ok: Bool, _ message: @autoclosure () -> String) { if !ok { out.append(message()) } }

        // Today: cursor and display rows.
        let today = state.today
        require(today.cursor.selected >= 0 && today.cursor.selected < max(1, today.items.count),
                "today cursor \(today.cursor.selected) of \(today.items.count) items")
        require(today.rowOffset >= 0 && today.rowOffset <= max(0, today.rows.count - 1),
                "today row offset \(today.rowOffset) of \(today.rows.count) rows")
        for row in today.rows {
            if case .item(let i) = row { require(today.items.indices.contains(i), "today row points at item \(i) of \(today.items.count)") }
        }
        // Once the keys are handled, the dashboard is the selected campaign's.
        if !state.campaigns.dashboardIsBehind, !state.stalePanes.contains(.campaigns), let id = state.campaigns.selectedID {
            require(state.campaigns.dashboard?.campaignID == id, "the dashboard is not the selected campaign's")
        }
        // A hidden tab may be stale (`AppState.refresh`): it is recomputed when shown, so the shown one never is.
        require(!state.stalePanes.contains(state.tab), "the shown tab \(state.tab) is stale")
        if !state.stalePanes.contains(.today) {
            for item in today.items { require(state.workspace.deal(item.dealID) != nil, "today lists missing deal \(item.dealID)") }
        }

        // Roster: rows are exactly the filtered creators, in sort order unless a search ranks them.
        let roster = state.roster
        require(roster.cursor.selected >= 0 && roster.cursor.selected < max(1, roster.rows.count),
                "roster cursor \(roster.cursor.selected) of \(roster.rows.count) rows")
        require(roster.cursor.offset >= 0, "roster offset \(roster.cursor.offset)")
        require(roster.detailScroll.offset >= 0, "roster detail scroll \(roster.detailScroll.offset)")
        require(Set(roster.rows).count == roster.rows.count, "roster lists a creator twice")
        let thresholds = state.workspace.settings.workspace.tierThresholds
        let filtered = thorough ? state.workspace.allInfluencers.filter { roster.filter.matches($0, thresholds: thresholds) } : []
        // A settings change leaves the hidden Roster stale too (its rows are sorted by tier); it is rebuilt when shown.
        if !state.stalePanes.contains(.roster) {
            if !thorough {
                require(roster.rows.allSatisfy { state.workspace.influencer($0) != nil }, "roster lists a deleted creator")
            } else if roster.search.text.trimmingCharacters(in: .whitespaces).isEmpty {
                let shown = Set(filtered.map(\.id))
                let expected = RosterOrder(column: roster.sortColumn, ascending: roster.ascending).sorted(state).filter(shown.contains)
                require(Array(roster.rows) == expected, "roster rows \(roster.rows.count) differ from filter+sort \(expected.count)")
            } else {
                // Searches narrowed keystroke by keystroke must list exactly what one fresh search lists.
                let allowed = Set(filtered.map(\.id))
                let query = roster.search.text.trimmingCharacters(in: .whitespaces)
                let expected = state.workspace.searchIndex.search(query).map(\.id).filter(allowed.contains)
                require(Array(roster.rows) == expected, "roster search rows \(roster.rows.count) differ from a fresh search \(expected.count) for \(roster.search.text.debugDescription)")
            }
        }
        if let detail = state.dealDetail { require(detail.scroll.offset >= 0, "deal page scroll \(detail.scroll.offset)") }

        // A half-typed key sequence must be the start of a binding.
        if !state.pendingKeys.isEmpty, state.overlays.isEmpty {
            if case .pending = KeyDispatch.resolve(state.pendingKeys, in: KeyDispatch.activeSections(state)) {} else {
                out.append("pending keys \(state.pendingKeys) start no binding")
            }
        }

        out += overlayProblems(state)
        if thorough { out += dealProblems(state) }

        // Data is sacred: an unsaved edit stays in memory until it is saved or the user drops it.
        for (id, pending) in state.pendingSaves {
            let current = state.workspace.record(pending.record.kind, id)
            require(current?.withRevision(0) == pending.record.withRevision(0), "unsaved edit of \(id) is not what memory holds")
        }
        if let pending = state.pendingSettings {
            require(pending.settings == state.workspace.settings, "unsaved settings are not what memory holds")
        }
        return out
    }

    static func overlayProblems(_ state: AppState) -> [String] {
        var out: [String] = []
        for overlay in state.overlays {
            if case .palette(let palette) = overlay {
                let count = CommandRegistry.matches(palette.query.text, state).count
                if palette.cursor.selected < 0 || palette.cursor.selected >= max(1, count) {
                    out.append("palette cursor \(palette.cursor.selected) of \(count) matches")
                }
                out += fieldProblems(palette.query, "palette query")
            }
            if case .form(let form) = overlay {
                if !form.form.fields.indices.contains(form.form.focus) {
                    out.append("form focus \(form.form.focus) of \(form.form.fields.count) fields")
                }
                for field in form.form.fields {
                    if case .choice(let options) = field.kind, !options.indices.contains(field.choiceIndex) {
                        out.append("choice \(field.label) at \(field.choiceIndex) of \(options.count)")
                    }
                    out += fieldProblems(field.input, field.label)
                }
            }
            if case .confirm(let dialog) = overlay, !dialog.buttons.indices.contains(dialog.selected) {
                out.append("confirm button \(dialog.selected) of \(dialog.buttons.count)")
            }
            if case .conflict(let dialog) = overlay, !(0...1).contains(dialog.selected) {
                out.append("conflict button \(dialog.selected)")
            }
            if case .prompt(let prompt) = overlay { out += fieldProblems(prompt.field, "prompt") }
            if case .help(let help) = overlay, help.scroll.offset < 0 { out.append("help scroll \(help.scroll.offset)") }
            if case .text(let text) = overlay, text.scroll.offset < 0 { out.append("text scroll \(text.scroll.offset)") }
        }
        return out
    }

    static func fieldProblems(_ field: TextFieldState, _ name: String) -> [String] {
        field.cursor >= 0 && field.cursor <= field.text.count && field.scroll >= 0
            ? [] : ["\(name) cursor \(field.cursor) / scroll \(field.scroll) in \(field.text.count) characters"]
    }

    /// Stages, exit reasons and money of every deal and campaign.
    static func dealProblems(_ state: AppState) -> [String] {
        var out: [String] = []
        let pipeline = state.workspace.pipeline
        for deal in state.workspace.allDeals {
            if !pipeline.contains(deal.stage) { out.append("deal \(deal.id) in unknown stage \(deal.stage)") }
            if pipeline.isSideExit(deal.stage),
               (deal.exitReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out.append("deal \(deal.id) exited to \(deal.stage) without a reason")
            }
            if let fee = deal.agreedFee, deal.payments.allSatisfy({ $0.amount.currency == fee.currency }) {
                let paid = deal.payments.filter { $0.status == .paid }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
                let balance = try? deal.balance()
                if balance?.minorUnits != fee.minorUnits - paid {
                    out.append("deal \(deal.id) balance \(String(describing: balance)) ≠ agreed \(fee.minorUnits) − paid \(paid)")
                }
            }
        }
        for campaign in state.workspace.campaigns.values {
            let summary = Budget.summary(for: campaign, deals: state.workspace.deals(ofCampaign: campaign.id),
                                         rates: state.workspace.settings.workspace.currencyRates, pipeline: pipeline)
            if summary.committed.minorUnits < summary.paid.minorUnits {
                out.append("campaign \(campaign.id) committed \(summary.committed.minorUnits) < paid \(summary.paid.minorUnits)")
            }
        }
        return out
    }

    /// Screen rules: the buffer is clean and well-formed, and from the minimum size up the status bar is the last row.
    static func screenProblems(_ state: AppState, _ buffer: Buffer, size: Size, theme: Theme = .monochrome) -> [String] {
        var out = ScreenInspection.problems(buffer, expected: size)
        guard !AppLayout.isTooSmall(size) else { return out }
        var bar = Buffer(width: size.width, height: 1)
        StatusBar(hints: AppView.statusHints(state), message: AppView.statusMessage(state), theme: theme).render(into: &bar, area: bar.area)
        let last = ScreenInspection.line(size.height - 1, of: buffer)
        if last != ScreenInspection.line(0, of: bar) { out.append("last row is not the status bar: \(last.debugDescription)") }
        return out
    }
}
