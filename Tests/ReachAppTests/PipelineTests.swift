import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// The Pipeline tab through `App.update` on the fixture workspace: board, table, moves, filters, undo.
@Suite("Pipeline")
struct PipelineTests {
    /// The screen at `state`'s size.
    func screen(_ state: AppState) -> String { Fx.render(state).joined(separator: "\n") }

    /// Selects `dealID` on the board the way a user would (h/l/j/k), and checks it got there.
    func walk(to dealID: RecordID, _ state: inout AppState) throws {
        let column = try #require(state.pipeline.columns.firstIndex { $0.dealIDs.contains(dealID) })
        let card = try #require(state.pipeline.columns[column].dealIDs.firstIndex(of: dealID))
        let dx = column - state.pipeline.board.column
        DealFx.type(String(repeating: dx > 0 ? "l" : "h", count: abs(dx)) + "gg" + String(repeating: "j", count: card), &state)
        #expect(state.pipeline.selectedDealID == dealID)
    }

    @Test("snapshots: board and table at 80x24 and 120x40")
    func snapshots() {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = DealFx.state(width: width, height: height)
            DealFx.type("3", &state)
            expectSnapshot(Fx.render(state), "pipeline-board-\(width)x\(height)")
            DealFx.type("v", &state)
            expectSnapshot(Fx.render(state), "pipeline-table-\(width)x\(height)")
        }
    }

    @Test("the board opens on the first stage with deals; cards show creator, age, campaign, fee, next action and due")
    func cards() throws {
        var state = DealFx.state()
        DealFx.type("3", &state)
        #expect(state.pipeline.columns.map(\.title).prefix(3) == ["Prospect", "Vetting", "Shortlisted"])
        #expect(state.pipeline.columns.last?.title == "Side exits")
        #expect(state.pipeline.selectedDealID == Fx.dealNino, "Contacted is the first column with a deal")
        let text = screen(state)
        #expect(text.contains("Contacted (1)"))
        #expect(text.contains("Nino Beridze          5d"))
        #expect(text.contains("GEL 2,000.00 · Serum la…"))
        #expect(text.contains("today · Chase reply"))
        #expect(text.contains("Pipeline · All campaigns · 4 deals · 1 overdue"))
    }

    @Test("an overdue card is drawn in the theme's overdue style, a stalled one says so")
    func overdueStyle() throws {
        var state = DealFx.state(width: 120, height: 30)
        DealFx.type("3", &state)
        try walk(to: Fx.dealLiga, &state)
        let theme = Theme(mode: .ansi16)
        var buffer = Buffer(width: 120, height: 30)
        AppView.render(state, into: &buffer, theme: theme)
        let lines = buffer.lines()
        let row = try #require(lines.firstIndex { $0.contains("3d overdue · Send") })
        let column = try #require(lines[row].range(of: "3d overdue · Send").map { lines[row].distance(from: lines[row].startIndex, to: $0.lowerBound) })
        #expect(buffer[x: column, y: row].style.foreground == theme.overdue.foreground)

        // Ten days later Nino has been in Contacted longer than the stage's 7 days.
        state.now = Fx.days(10)
        PipelinePane.workspaceChanged(&state)
        #expect(screen(state).contains("15d stalled"))
    }

    @Test("> moves the selected deal on, the selection follows it, and u undoes the move")
    func advanceFollowsAndUndo() throws {
        var state = DealFx.state()
        DealFx.type("3", &state)
        let effects = DealFx.type(">", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .negotiating)
        #expect(state.pipeline.selectedDealID == Fx.dealNino)
        #expect(state.pipeline.columns[state.pipeline.board.column].title == "Negotiating")
        guard case .save(.deal(let saved), _)? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(saved.stageHistory.last?.to == .negotiating)
        #expect(saved.activities.last?.summary == "Stage: Contacted → Negotiating")
        DealFx.type("<", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .contacted)
        DealFx.type(">u", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .contacted, "undo puts the earlier version back")
        #expect(state.status?.text == "Undid: move to Negotiating")
    }

    @Test("x asks which exit and why; without a reason nothing moves; the side-exit column shows the reason; z hides it")
    func sideExit() throws {
        var state = DealFx.state()
        DealFx.type("3x", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no exit form"); return }
        #expect(form.form.fields.map(\.label) == ["Outcome", "Reason"])
        DealFx.type("<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .contacted)
        guard case .form(let stillOpen)? = state.overlays.last else { Issue.record("the form closed"); return }
        #expect(stillOpen.form.fields[1].error != nil)
        DealFx.type("<Up><Right><Down>Went with a competitor<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .rejected)
        #expect(state.workspace.deal(Fx.dealNino)?.exitReason == "Went with a competitor")
        let exits = try #require(state.pipeline.columns.last)
        #expect(exits.isSideExits && exits.dealIDs == [Fx.dealNino])
        try walk(to: Fx.dealNino, &state)
        #expect(screen(state).contains("Rejected: Went with"))
        DealFx.type("z", &state)
        #expect(!state.pipeline.columns.contains { $0.isSideExits })
        #expect(state.pipeline.dealCount == 3)
        #expect(screen(state).contains("side exits hidden"))
    }

    @Test("m moves to any stage through a picker; a side exit there asks for a reason")
    func changeStage() {
        var state = DealFx.state()
        DealFx.type("3m", &state)
        guard case .custom(let model)? = state.overlays.last, let picker = model as? Picker else { Issue.record("no picker"); return }
        #expect(picker.items[picker.cursor.selected].title == "Contacted", "the current stage is highlighted")
        DealFx.type("report<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .reporting)
        DealFx.type("mlost<Enter>", &state)
        guard case .prompt? = state.overlays.last else { Issue.record("no reason prompt"); return }
        DealFx.type("<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .reporting, "an empty reason is refused")
        DealFx.type("Ghosted after the brief<Enter>", &state)
        #expect(state.workspace.deal(Fx.dealNino)?.stage == .lost)
        #expect(state.workspace.deal(Fx.dealNino)?.exitReason == "Ghosted after the brief")
    }

    @Test("c filters by campaign (shown in the header); All campaigns brings everything back")
    func campaignFilter() {
        var state = DealFx.state()
        DealFx.type("3c", &state)
        DealFx.type("japan<Enter>", &state)
        #expect(state.pipeline.campaignFilter == Fx.japan)
        #expect(state.pipeline.dealCount == 1)
        #expect(state.pipeline.selectedDealID == Fx.dealSakura)
        let text = screen(state)
        #expect(text.contains("Pipeline · Japan launch (Bento Go) · 1 deal"))
        #expect(!text.contains("Japan launch · "), "cards leave out the campaign when it is filtered")
        DealFx.type("call<Enter>", &state)
        #expect(state.pipeline.campaignFilter == nil)
        #expect(state.pipeline.dealCount == 4)
    }

    @Test("v shows the table: due first; s and S sort by other columns")
    func table() {
        var state = DealFx.state(width: 120, height: 30)
        DealFx.type("3v", &state)
        #expect(state.pipeline.rows == [Fx.dealLiga, Fx.dealNino, Fx.dealOla, Fx.dealSakura])
        DealFx.type("sss", &state)
        #expect(state.pipeline.sortField == .creator)
        #expect(state.pipeline.rows.first == Fx.dealLiga)
        #expect(state.pipeline.rows.last == Fx.dealSakura)
        DealFx.type("S", &state)
        #expect(state.pipeline.rows.first == Fx.dealSakura)
        #expect(screen(state).contains("Creator ▼"))
        DealFx.type("ggj<Enter>", &state)
        #expect(state.dealDetail?.dealID == Fx.dealOla)
    }

    @Test("columns scroll sideways at 80 columns, with ◀ ▶ markers; 200 columns show eight at once")
    func horizontalScroll() {
        var narrow = DealFx.state()
        DealFx.type("3", &narrow)
        #expect(PipelineBoard.visibleColumns(narrow) == 3)
        DealFx.type("llllllllllll", &narrow)
        #expect(narrow.pipeline.board.column == narrow.pipeline.columns.count - 1)
        let text = screen(narrow)
        #expect(text.contains("◀ Reporting (0)"))
        #expect(text.contains("Side exits (0)"))
        var wide = DealFx.state(width: 200, height: 60)
        DealFx.type("3", &wide)
        #expect(PipelineBoard.visibleColumns(wide) == 8)
    }

    @Test("n picks a creator by fuzzy search, then the form creates the deal in the filtered campaign")
    func newDeal() throws {
        var state = DealFx.state()
        DealFx.type("3cserum<Enter>n", &state)
        DealFx.type("ola", &state)
        guard case .custom(let model)? = state.overlays.last, let picker = model as? Picker else { Issue.record("no picker"); return }
        #expect(picker.items.first?.title == "Ola Nordmann")
        DealFx.type("<Enter>", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("no form"); return }
        #expect(form.form.values[DealForm.Key.campaign] == "Serum launch · Glow Lab")
        DealFx.type("<Down><Right><Right><Down><Down>900<Down><C-u>Send brief<Down>+2d<Enter>", &state)
        let deal = try #require(state.workspace.allDeals.first { $0.influencerID == Fx.ola && $0.id != Fx.dealOla })
        #expect(deal.campaignID == Fx.serum)
        #expect(deal.stage == .shortlisted)
        #expect(deal.agreedFee == Money(major: 900, currency: .eur))
        #expect(deal.nextAction?.summary == "Send brief")
        #expect(deal.nextAction.map { Humanize.day($0.due, timeZone: Fx.utc) } == "2024-06-12")
        #expect(deal.owner == "tester")
        #expect(state.pipeline.selectedDealID == deal.id, "the new card is selected")
        #expect(state.dealDetail == nil)
    }

    @Test("re-placing changed deals one by one gives the same rows as a full refresh, on the board and in the table")
    func incrementalMatchesFull() throws {
        for mode in [PipelineState.Mode.board, .table] {
            var state = DealFx.state()
            DealFx.type("3", &state)
            if mode == .table { DealFx.type("v", &state) }
            let edits: [(RecordID, (inout Deal) throws -> Void)] = [
                (Fx.dealNino, { try $0.advance(at: Fx.now) }),
                (Fx.dealOla, { $0.setFollowUp("Chase signature", due: Fx.days(-1)) }),
                (Fx.dealSakura, { try $0.move(to: .lost, at: Fx.now, reason: "No budget") }),
                (Fx.dealLiga, { $0.clearNextAction() }),
                (Fx.dealNino, { $0.archived = true }),
            ]
            for (id, edit) in edits {
                var deal = try #require(state.workspace.deal(id))
                try edit(&deal)
                _ = Edits.commit(.deal(deal), label: "edit", &state)
                var full = state
                PipelinePane.workspaceChanged(&full)
                #expect(state.pipeline.columns == full.pipeline.columns, "\(mode) board after editing \(id)")
                #expect(state.pipeline.rows == full.pipeline.rows, "\(mode) rows after editing \(id)")
                #expect(state.pipeline.dealCount == full.pipeline.dealCount && state.pipeline.overdueIDs == full.pipeline.overdueIDs)
            }
            #expect(state.pipeline.dealCount == 3 && state.pipeline.overdueIDs == [Fx.dealOla])
        }
    }

    @Test("a bad fee keeps the form open with MoneyInput's message")
    func badFee() {
        var state = DealFx.state()
        DealFx.type("3nnino<Enter><Down><Down><Down>12,3,4<Enter>", &state)
        guard case .form(let form)? = state.overlays.last else { Issue.record("the form closed"); return }
        #expect(form.form.fields[3].error?.contains("is not a number") == true)
        #expect(state.workspace.dealCount == 4)
    }
}
