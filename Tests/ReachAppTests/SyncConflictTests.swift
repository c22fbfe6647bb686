import Foundation
import Testing
import ReachCore
@testable import ReachStore
import TerminalUI
@testable import ReachApp

/// Sync clashes in the app: the `≠` mark, `!` and the dialog's choices, on a real data folder.
@Suite("Sync conflicts")
struct SyncConflictTests {
    /// A clash on Līga's deal: the record holds no owner (mine), the other replica set "anna".
    static let clash = Clash(subject: .field(FieldClash(path: [.member("owner")], ours: nil, theirs: .string("anna"))),
                             authors: MergeAuthors(ours: "tester", theirs: "anna"), detectedAt: Fx.now)
    static let subject = ConflictSubject.record(.deal, Fx.dealLiga)

    func harnessWithClash() throws -> Harness {
        let h = try Harness { store in try store.conflicts.add([Self.clash], about: Self.subject) }
        let index = try #require(h.state.today.items.firstIndex { $0.dealID == Fx.dealLiga })
        h.type("gg" + String(repeating: "j", count: index))
        return h
    }

    @Test("a deal with a clash is marked ≠, and ! shows both values")
    func markAndDialog() throws {
        let h = try harnessWithClash()
        #expect(h.screen.contains("≠ Līga"))
        let screen = h.type("!").joined(separator: "\n")
        guard case .conflict(let dialog)? = h.state.overlays.last, case .sync = dialog.versions else {
            Issue.record("no sync conflict dialog"); return
        }
        #expect(screen.contains("Field:  owner"))
        #expect(screen.contains("Mine:   (removed)"))
        #expect(screen.contains("Theirs: anna  (anna)"))
        expectSnapshot(h.terminal.snapshot(), "sync-conflict-80x24")
    }

    @Test("keep mine removes the conflict file and keeps the record")
    func keepMine() throws {
        let h = try harnessWithClash()
        h.type("!m")
        #expect(try h.store.conflicts.all().isEmpty)
        #expect(try h.store.load(Deal.self, id: Fx.dealLiga)?.owner == nil)
        #expect(h.state.conflicts.isEmpty)
        #expect(!h.screen.contains("≠"))
        #expect(h.screen.contains("Kept yours for owner"))
    }

    @Test("take theirs saves their value into the record and removes the conflict file")
    func takeTheirs() throws {
        let h = try harnessWithClash()
        h.type("!t")
        #expect(try h.store.conflicts.all().isEmpty)
        #expect(try h.store.load(Deal.self, id: Fx.dealLiga)?.owner == "anna")
        #expect(h.state.workspace.deal(Fx.dealLiga)?.owner == "anna")
        #expect(h.screen.contains("Took theirs for owner"))
    }

    @Test("! on a record without a clash says so")
    func noClash() throws {
        let h = try Harness()
        h.type("gg!")
        #expect(h.state.overlays.isEmpty)
        #expect(h.screen.contains("No sync conflict on this record."))
    }
}
