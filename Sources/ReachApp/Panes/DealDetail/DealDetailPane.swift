import Foundation
import ReachCore
import TerminalUI

/// Which deal is open and how far its page is scrolled.
public struct DealDetailState: Sendable {
    public var dealID: RecordID
    public var scroll = ScrollState()

    public init(dealID: RecordID) { self.dealID = dealID }
}

/// A read-mostly page for one deal (stage, next action, money, deliverables, timeline), opened with Enter from a list.
public enum DealDetailPane: Pane {
    /// Opens `dealID` over the current tab.
    public static func open(_ dealID: RecordID, _ state: inout AppState) {
        state.dealDetail = DealDetailState(dealID: dealID)
    }

    public static func keymap(_ state: AppState) -> [KeySection] {
        @Sendable func scroll(_ delta: @escaping @Sendable (Int) -> Int) -> @Sendable (inout AppState) -> [Effect] {
            { state in
                state.dealDetail?.scroll.scroll(by: delta(max(1, AppLayout.main(state.size).height - 1)))
                return []
            }
        }
        return [
            KeySection("Deal page", [
                KeyBinding(keys: [KeyEvent(.escape)], "Back", hint: true) { state in
                    state.dealDetail = nil
                    return []
                },
                KeyBinding(keys: [.char("j"), KeyEvent(.down)], "Scroll down", run: scroll { _ in 1 }),
                KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Scroll up", run: scroll { _ in -1 }),
                KeyBinding(keys: [.ctrl("d"), KeyEvent(.pageDown)], "Page down", run: scroll { $0 }),
                KeyBinding(keys: [.ctrl("u"), KeyEvent(.pageUp)], "Page up", run: scroll { -$0 }),
                KeyBinding([[.char("g"), .char("g")], [KeyEvent(.home)]], "Top") { state in
                    state.dealDetail?.scroll = ScrollState()
                    return []
                },
            ]),
            DealActions.section { $0.dealDetail?.dealID },
        ]
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard let detail = state.dealDetail, !area.isEmpty else { return }
        guard let deal = state.workspace.deals[detail.dealID] else {
            buffer.write("This deal no longer exists (deleted in another session). Esc goes back.",
                         x: area.x, y: area.y, maxWidth: area.width, style: theme.warning)
            return
        }
        buffer.write(state.workspace.title(of: .deal(deal)), x: area.x, y: area.y, maxWidth: area.width, style: theme.title)
        var scroll = detail.scroll
        TextViewer(lines(deal, state).joined(separator: "\n"), style: theme.normal)
            .render(into: &buffer, area: area.inset(top: 1, left: 1), scroll: &scroll)
    }

    /// The page as text lines.
    static func lines(_ deal: Deal, _ state: AppState) -> [String] {
        let pipeline = state.workspace.pipeline
        let tz = state.timeZone
        var out: [String] = []
        var stage = "Stage: \(pipeline.name(of: deal.stage)) · \(deal.daysInStage(now: state.now))d in stage"
        if deal.isStalled(now: state.now, pipeline: pipeline) { stage += " · stalled" }
        if let reason = deal.exitReason { stage += " · reason: \(reason)" }
        out.append(stage)
        if let next = deal.nextAction {
            let whose = next.whoseMove == .us ? "our move" : "their move"
            out.append("Next: \(next.summary) · \(Humanize.day(next.due, timeZone: tz)) (\(Humanize.due(next.due, now: state.now, timeZone: tz))) · \(whose)")
        } else {
            out.append("Next: none set (f sets a follow-up)")
        }
        if let fee = deal.agreedFee { out.append("Agreed fee: \(fee.formatted)") }
        if let code = deal.tracking.discountCode { out.append("Code: \(code)") }
        if !deal.deliverables.isEmpty {
            out.append("")
            out.append("Deliverables")
            for d in deal.deliverables {
                let due = d.dueDate.map { " · due \(Humanize.day($0, timeZone: tz))" } ?? ""
                out.append("  \(d.count)× \(d.platform.displayName) \(d.contentType.displayName) · \(d.status.displayName)\(due)")
            }
        }
        if !deal.payments.isEmpty {
            out.append("")
            out.append("Payments")
            for p in deal.payments {
                let due = p.dueDate.map { " · due \(Humanize.day($0, timeZone: tz))" } ?? ""
                out.append("  \(p.amount.formatted) \(p.kind.rawValue) · \(p.status.rawValue)\(due)")
            }
        }
        out.append("")
        out.append("Timeline")
        for a in deal.timeline {
            let direction = a.direction.map { " \($0 == .inbound ? "←" : "→")" } ?? ""
            out.append("  \(Humanize.day(a.at, timeZone: tz)) \(a.channel.rawValue)\(direction) \(a.summary)")
        }
        return out
    }
}
