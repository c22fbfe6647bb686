import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

@Suite("Today")
struct TodayTests {
    /// The items under their headings, in the screen's order of headings (each heading's items in the order given).
    static func grouped(_ items: [TodayItem]) -> [(group: TodayGroup, items: [TodayItem])] {
        let byGroup = Dictionary(grouping: items, by: { TodayGroup($0.kind) })
        return TodayGroup.allCases.compactMap { group in byGroup[group].map { (group, $0) } }
    }

    @Test("groups items with counts, overdue first, relative due dates and whose move")
    func groupsAndRows() {
        let state = Fx.state()
        let today = state.today
        #expect(today.rows.first == .header(.followUps, count: 2))
        #expect(today.items.map(\.dealID).prefix(2) == [Fx.dealLiga, Fx.dealNino])
        let lines = Fx.render(state)
        #expect(lines[1].hasPrefix("Today · 2024-06-10 · 6 to do · 2 overdue"))
        #expect(lines[2].hasPrefix("Follow-ups (2)"))
        #expect(lines[3].contains("3d overdue") && lines[3].contains("Līga Bērziņa") && lines[3].contains("our move"))
        #expect(lines[4].contains("today") && lines[4].contains("Nino Beridze") && lines[4].contains("their move"))
        #expect(lines.contains { $0.hasPrefix("Drafts awaiting review (1)") })
        #expect(lines.contains { $0.hasPrefix("Payments due (1)") })
        #expect(lines.contains { $0.hasPrefix("Rights expiring (1)") })
        #expect(!lines.joined().contains("Send contract copy"), "a follow-up due in 7 days is not on Today")
        #expect(lines.contains { $0.hasPrefix("No next step (1)") }, "Sakura's open deal has no next step")
    }

    @Test("reach today's page has the screen's headings and items in the screen's order")
    func agendaPageIsTheScreen() {
        let state = Fx.state()
        let page = Agenda.page(state.workspace, now: state.now, timeZone: state.timeZone, user: state.user, scope: state.ownerScope)
        let screen = Self.grouped(state.today.items)
        #expect(page.groups.map(\.group) == screen.map(\.group))
        #expect(page.groups.map { Array($0.items) } == screen.map(\.items))
        #expect(page.items == screen.flatMap(\.items))
        let text = Agenda.render(page, format: .text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(text.contains("Follow-ups (2)") && text.contains { $0.hasPrefix("  3d overdue  Līga Bērziņa · ") })
    }

    @Test("the clock moves Today on at the turn of the day, not before")
    func dayTurns() {
        var state = Fx.state()
        _ = App.update(&state, .tick(Fx.now.addingTimeInterval(11 * 3_600)))
        var lines = Fx.render(state)
        #expect(lines[1].hasPrefix("Today · 2024-06-10") && lines[4].contains("today") && lines[4].contains("Nino Beridze"))
        _ = App.update(&state, .tick(Fx.now.addingTimeInterval(13 * 3_600)))
        lines = Fx.render(state)
        #expect(lines[1].hasPrefix("Today · 2024-06-11"), "\(lines[1])")
        #expect(lines.contains { $0.contains("1d overdue") && $0.contains("Nino Beridze") }, "\(lines.joined(separator: "\n"))")
    }

    @Test("snapshot at 80x24 and 120x40")
    func snapshots() {
        expectSnapshot(Fx.render(Fx.state(width: 80, height: 24)), "today-80x24")
        expectSnapshot(Fx.render(Fx.state(width: 120, height: 40)), "today-120x40")
    }

    @Test("j moves over items, skipping headers; Enter opens the deal page; Esc goes back")
    func navigateAndOpen() {
        var state = Fx.state()
        _ = App.update(&state, .input(.key(.char("j"))))
        #expect(state.today.selectedDealID == Fx.dealNino)
        _ = App.update(&state, .input(.key(.char("j"))))
        #expect(state.today.selectedDealID == Fx.dealSakura)
        _ = App.update(&state, .input(.key(KeyEvent(.enter))))
        #expect(state.dealDetail?.dealID == Fx.dealSakura)
        let lines = Fx.render(state)
        #expect(lines[1].hasPrefix("田中さくら · Japan launch"))
        #expect(lines.contains { $0.contains("Stage: Content review") })
        _ = App.update(&state, .input(.key(KeyEvent(.escape))))
        #expect(state.dealDetail == nil)
    }

    @Test("> moves the selected deal to the next stage and asks the store to save it")
    func advanceStage() {
        var state = Fx.state()
        let effects = App.update(&state, .input(.key(.char(">"))))
        #expect(state.workspace.deal(Fx.dealLiga)?.stage == .contracted)
        guard case .save(.deal(let deal), let expected)? = effects.first else {
            Issue.record("expected a save effect, got \(effects)")
            return
        }
        #expect(deal.stage == .contracted && expected == 1)
        #expect(deal.activities.last?.summary == "Stage: Negotiating → Contracted")
    }

    @Test("X closes a deal through a side exit and needs a reason")
    func closeNeedsReason() {
        var state = Fx.state()
        _ = App.update(&state, .input(.key(.char("X"))))
        var effects = App.update(&state, .input(.key(KeyEvent(.enter))))
        #expect(effects.isEmpty)
        guard case .form(let form)? = state.overlays.last else { Issue.record("form stays open"); return }
        #expect(form.form.fields[1].error != nil)
        for event in keys("Budget too low") { _ = App.update(&state, .input(event)) }
        effects = App.update(&state, .input(.key(KeyEvent(.enter))))
        #expect(state.workspace.deal(Fx.dealLiga)?.stage == .declined)
        #expect(state.workspace.deal(Fx.dealLiga)?.exitReason == "Budget too low")
        #expect(effects.count == 1)
    }

    @Test("dates typed for follow-ups", arguments: [
        ("2024-06-14", "2024-06-14"), ("+3d", "2024-06-13"), ("+2w", "2024-06-24"), ("tomorrow", "2024-06-11"),
        ("today", "2024-06-10"), ("mon", "2024-06-17"), ("friday", "2024-06-14"), ("Wed", "2024-06-12"),
    ])
    func dateInput(text: String, day: String) throws {
        let date = try #require(DateInput.parse(text, now: Fx.now, timeZone: Fx.utc))
        #expect(Humanize.day(date, timeZone: Fx.utc) == day)
    }

    @Test("bad dates are refused", arguments: ["", "2024-02-30", "next week", "+3x", "month", "13/06/2024"])
    func badDates(text: String) {
        #expect(DateInput.parse(text, now: Fx.now, timeZone: Fx.utc) == nil)
    }

    @Test("relative labels")
    func relativeLabels() {
        #expect(Humanize.due(Fx.days(-3), now: Fx.now, timeZone: Fx.utc) == "3d overdue")
        #expect(Humanize.due(Fx.days(0.3), now: Fx.now, timeZone: Fx.utc) == "today")
        #expect(Humanize.due(Fx.days(1), now: Fx.now, timeZone: Fx.utc) == "tomorrow")
        #expect(Humanize.due(Fx.days(4), now: Fx.now, timeZone: Fx.utc) == "in 4d")
        #expect(Humanize.ago(Fx.days(-1), now: Fx.now, timeZone: Fx.utc) == "yesterday")
        #expect(Humanize.ago(Fx.days(-90), now: Fx.now, timeZone: Fx.utc) == "3mo ago")
    }

    @Test("follower counts are humanised", arguments: [
        (950, "950"), (1_000, "1k"), (12_345, "12.3k"), (999_999, "999k"), (1_250_000, "1.2M"), (42_000, "42k"), (312_000, "312k"),
    ])
    func humanisedCounts(value: Int, text: String) {
        #expect(Humanize.count(value) == text)
    }

    @Test("the lines are each heading and then its items, and each item's line is where the list has it")
    func linesAreHeadingsThenItems() {
        var random = SeededRandom(seed: 5)
        for count in [0, 1, 2, 40, 300] {
            let items = (0..<count).map { n in
                TodayItem(kind: TodayKind.allCases.randomElement(using: &random)!, dealID: Fx.id(n % 11), due: Fx.days(Double(n % 5)),
                          whoseMove: .us, isOverdue: false)
            }
            let screen = Self.grouped(items)
            var expected: [TodayRow] = [], item = 0
            for (group, members) in screen {
                expected.append(.header(group, count: members.count))
                for _ in members {
                    expected.append(.item(item))
                    item += 1
                }
            }
            let rows = TodayRows(screen.flatMap(\.items))
            #expect(Array(rows) == expected, "\(count) items")
            for index in 0..<count { #expect(rows.line(ofItem: index) == expected.firstIndex(of: .item(index))) }
            #expect(rows.line(ofItem: count) == nil)
        }
    }

    @Test("everyone's Today is the list of everyone's items itself, not a copy, after a start and after an edit")
    func everyonesListIsShared() throws {
        var state = Fx.state()
        state.ownerScope = .everyone
        TodayPane.workspaceChanged(&state)
        func shared() -> Bool {
            state.today.items.withUnsafeBufferPointer(\.baseAddress) == state.today.everyone.withUnsafeBufferPointer(\.baseAddress)
        }
        #expect(!state.today.items.isEmpty && shared())
        var deal = try #require(state.workspace.deal(Fx.dealNino))
        deal.setFollowUp("Call back", due: Fx.days(-2), whoseMove: .us)
        _ = Edits.commit(.deal(deal), label: "edit", &state)
        #expect(state.today.items.contains { $0.dealID == Fx.dealNino && $0.isOverdue } && shared())
    }

    @Test("Today updated deal by deal, and narrowed by o, equals Today built from scratch, over 300 random edits")
    func incrementalEqualsFull() {
        var state = Fx.state()
        var rng = SeededRandom(seed: 7)
        let ids = [Fx.dealLiga, Fx.dealNino, Fx.dealSakura, Fx.dealOla]
        for step in 0..<300 {
            guard var deal = state.workspace.deal(ids[Int.random(in: 0..<ids.count, using: &rng)]) else { continue }
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: deal.setFollowUp("Step \(step)", due: Fx.days(Double(Int.random(in: -5...5, using: &rng))), whoseMove: .us)
            case 1: deal.clearNextAction()
            case 2: deal.payments.append(Payment(kind: .balance, amount: Money(major: 100, currency: .eur), dueDate: Fx.days(-1), status: .due))
            case 3: try? deal.move(to: state.workspace.pipeline.allStages.randomElement(using: &rng)?.key ?? .prospect, at: Fx.now, reason: "r")
            case 4: deal.archived.toggle()
            case 5: deal.owner = ["Marta Kalniņa", "Nino", "Aiko Mori", nil].randomElement(using: &rng)!
            default: deal.deliverables.append(Deliverable(platform: .tiktok, contentType: .video, dueDate: Fx.days(0.1), status: .inReview))
            }
            _ = Edits.commit(.deal(deal), label: "random edit", &state)
            // `o` only filters the kept items of every owner, which the edits above keep up to date.
            if Int.random(in: 0..<3, using: &rng) == 0 { OwnerActions.cycleScope(&state) }
            var fresh = state
            TodayPane.workspaceChanged(&fresh)
            #expect(state.today.items == fresh.today.items && state.today.rows == fresh.today.rows, "step \(step)")
            if state.today.items != fresh.today.items { return }
        }
    }
}
