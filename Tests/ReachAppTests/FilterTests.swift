import Foundation
import Testing
import ReachCore
import ReachStore
import TerminalUI
@testable import ReachApp

@Suite("Roster filters")
struct FilterTests {
    @Test("F filters by platform and country; the filter line shows it; x clears")
    func filterForm() throws {
        let h = try Harness()
        h.type("2F")
        guard case .form? = h.state.overlays.last else { Issue.record("no filter form"); return }
        // Platform: Any → Instagram.
        let screen = h.type("<Right><Tab><Tab><Tab>lv<Enter>")
        #expect(h.state.roster.rows == [Fx.liga])
        #expect(screen[1].contains("filter: Instagram · LV"))
        h.type("x")
        #expect(h.state.roster.rows.count == 5)
    }

    @Test("do-not-contact can be hidden or shown alone")
    func doNotContact() {
        var state = Fx.state()
        _ = App.update(&state, .input(.key(.char("2"))))
        RosterPane.apply(RosterFilter(doNotContact: true), &state)
        #expect(state.roster.rows == [Fx.dilnoza])
        RosterPane.apply(RosterFilter(doNotContact: false), &state)
        #expect(!state.roster.rows.contains(Fx.dilnoza) && state.roster.rows.count == 4)
    }

    @Test("search works within the filter")
    func searchWithinFilter() {
        var state = Fx.state()
        _ = App.update(&state, .input(.key(.char("2"))))
        RosterPane.apply(RosterFilter(tiers: [.mega, .macro]), &state)
        for event in keys("/a") { _ = App.update(&state, .input(event)) }
        #expect(Set(state.roster.rows).isSubset(of: [Fx.nino, Fx.sakura]))
        #expect(!state.roster.rows.isEmpty)
    }

    @Test("a named filter is saved in reach.json, keeps the other settings, and is recalled from the palette")
    func savedFilter() throws {
        let h = try Harness()
        try h.store.saveWorkspace(AppSettings(workspace: WorkspaceSettings(staleMetricDays: 45)))
        h.type("2F<Tab>")
        h.type(String(repeating: "<Right>", count: 2))
        h.type(String(repeating: "<Tab>", count: 8) + "Big ones<Enter>")
        #expect(h.state.roster.filter.tiers == [.micro])
        let saved = try #require(try h.store.loadWorkspace(AppSettings.self))
        #expect(saved.savedRosterFilters.map(\.name) == ["Big ones"])
        #expect(saved.savedRosterFilters.first?.filter.tiers == [.micro])
        #expect(saved.workspace.staleMetricDays == 45, "other settings are kept")
        h.type("x")
        #expect(h.state.roster.filter.isEmpty)
        h.type(":big ones<Enter>")
        #expect(h.state.roster.filter.tiers == [.micro])
        #expect(Set(h.state.roster.rows) == [Fx.liga, Fx.dilnoza])
        let fresh = WorkspaceLoader.load(from: try h.otherStore())
        #expect(fresh.workspace.settings.savedRosterFilters.count == 1)
    }
}
