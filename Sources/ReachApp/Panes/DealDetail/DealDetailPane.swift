import Foundation
import ReachCore
import TerminalUI

/// Which deal is open and how far its page is scrolled.
public struct DealDetailState: Sendable {
    public var dealID: RecordID
    public var scroll = ScrollState()

    public init(dealID: RecordID) { self.dealID = dealID }
}

/// The full page of one deal: a fixed header (creator, campaign, stage, whose move, next action) over scrolling
/// sections (negotiation, contract terms, deliverables and results, tracking, payments, timeline) and the keys
/// that edit each of them.
public enum DealDetailPane: Pane {
    /// Opens `dealID` over the current tab.
    public static func open(_ dealID: RecordID, _ state: inout AppState) {
        state.dealDetail = DealDetailState(dealID: dealID)
    }

    /// Rows of the header plus the rule under it.
    static let headerRows = 4

    static func bodyHeight(_ size: Size) -> Int { max(1, AppLayout.main(size).height - headerRows) }

    /// The page of the open deal, if it still exists.
    static func page(_ state: AppState) -> DealPage? {
        state.dealDetail.flatMap { state.workspace.deal($0.dealID) }.map { DealPage($0, state, width: state.size.width) }
    }

    /// Scrolls to `offset(current, page, bodyHeight)`, kept within the page.
    private static func scroll(_ offset: @escaping @Sendable (Int, DealPage, Int) -> Int) -> @Sendable (inout AppState) -> [Effect] {
        { state in
            guard let page = page(state), let current = state.dealDetail?.scroll.offset else { return [] }
            let height = bodyHeight(state.size)
            let target = offset(current, page, height)
            state.dealDetail?.scroll.offset = min(max(0, target), max(0, page.body.count - height))
            return []
        }
    }

    public static func keymap(_ state: AppState) -> [KeySection] {
        @Sendable func onDeal(_ action: @escaping @Sendable (RecordID, inout AppState) -> [Effect]) -> @Sendable (inout AppState) -> [Effect] {
            { state in state.dealDetail.map { action($0.dealID, &state) } ?? [] }
        }
        @Sendable func onDeal(_ action: @escaping @Sendable (RecordID, inout AppState) -> Void) -> @Sendable (inout AppState) -> [Effect] {
            { state in
                if let id = state.dealDetail?.dealID { action(id, &state) }
                return []
            }
        }
        return [
            KeySection("Deal page", [
                KeyBinding(keys: [KeyEvent(.escape)], "Back", hint: true) { state in
                    state.dealDetail = nil
                    return []
                },
                KeyBinding(keys: [.char("j"), KeyEvent(.down)], "Scroll down", run: scroll { current, _, _ in current + 1 }),
                KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Scroll up", run: scroll { current, _, _ in current - 1 }),
                KeyBinding(keys: [.ctrl("d"), KeyEvent(.pageDown)], "Page down", run: scroll { current, _, height in current + height - 1 }),
                KeyBinding(keys: [.ctrl("u"), KeyEvent(.pageUp)], "Page up", run: scroll { current, _, height in current - height + 1 }),
                KeyBinding([[.char("g"), .char("g")], [KeyEvent(.home)]], "Top", run: scroll { _, _, _ in 0 }),
                KeyBinding(keys: [.char("G"), KeyEvent(.end)], "Bottom", run: scroll { _, page, _ in page.body.count }),
                KeyBinding(chars: "]", help: "Next section", run: scroll { current, page, _ in
                    page.sectionStarts.first { $0 > current } ?? current
                }),
                KeyBinding(chars: "[", help: "Previous section", run: scroll { current, page, _ in
                    page.sectionStarts.last { $0 < current } ?? 0
                }),
            ]),
            KeySection("Edit the deal", [
                KeyBinding(chars: "o", help: "Record offer", hint: true, run: onDeal(DealEditors.recordOffer)),
                KeyBinding(chars: "D", help: "Add deliverable", run: onDeal(DealEditors.addDeliverable)),
                KeyBinding(chars: "s", help: "Deliverable status", hint: true, run: onDeal(DealEditors.deliverableStatus)),
                KeyBinding(chars: "r", help: "Enter results of a deliverable", run: onDeal(DealEditors.enterResults)),
                KeyBinding(chars: "p", help: "Add payment", hint: true, run: onDeal(DealEditors.addPayment)),
                KeyBinding(chars: "P", help: "Mark payment paid", run: onDeal(DealEditors.markPaid)),
                KeyBinding(chars: "C", help: "Add payment for owed commission", run: onDeal(DealEditors.addOwedCommission)),
                KeyBinding(chars: "E", help: "Edit a deliverable, payment, offer or entry",
                           run: onDeal(DealItemMenu.edit)),
                KeyBinding(chars: "d", help: "Drop deliverable, cancel payment, delete line",
                           run: onDeal(DealItemMenu.remove)),
                KeyBinding(chars: "e", help: "Edit terms, pricing and tracking", run: onDeal(DealEditors.editTerms)),
                KeyBinding(chars: "y", help: "Copy tracking link", run: onDeal(DealEditors.copyTrackingLink)),
                KeyBinding(chars: "t", help: "Template", hint: true, run: onDeal(OutreachFlow.pickTemplate)),
                KeyBinding(chars: "m", help: "Move to stage…", run: onDeal(DealActions.changeStage)),
            ]),
            DealActions.section { $0.dealDetail?.dealID },
        ]
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        guard let detail = state.dealDetail, !area.isEmpty else { return }
        guard let page = page(state) else {
            buffer.write("This deal no longer exists (deleted in another session). Esc goes back.",
                         x: area.x, y: area.y, maxWidth: area.width, style: theme.warning)
            return
        }
        for (row, line) in page.header.enumerated() where row < area.height {
            draw(line, into: &buffer, x: area.x, y: area.y + row, width: area.width, theme: theme)
        }
        let ruleY = area.y + page.header.count
        guard ruleY < area.maxY else { return }
        let more = page.body.count > bodyHeight(state.size) ? " j/k scroll · ]/[ sections " : ""
        buffer.write(String(repeating: "─", count: max(0, area.width - DisplayWidth.of(more))) + more,
                     x: area.x, y: ruleY, maxWidth: area.width, style: theme.border)
        let body = Rect(x: area.x, y: ruleY + 1, width: area.width, height: area.maxY - ruleY - 1)
        let offset = min(detail.scroll.offset, max(0, page.body.count - body.height))
        for (row, line) in page.body.dropFirst(offset).prefix(body.height).enumerated() {
            draw(line, into: &buffer, x: body.x, y: body.y + row, width: body.width, theme: theme)
        }
    }

    /// Draws one line's spans left to right, cut at `width`.
    static func draw(_ line: PageLine, into buffer: inout Buffer, x: Int, y: Int, width: Int, theme: Theme) {
        var used = 0
        for span in line.spans where used < width && !span.text.isEmpty {
            used += buffer.write(span.text, x: x + used, y: y, maxWidth: width - used, style: span.tone.style(theme))
        }
    }
}
