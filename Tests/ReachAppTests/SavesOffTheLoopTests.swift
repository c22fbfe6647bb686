import Foundation
import ReachCore
import ReachStore
import Testing
@testable import ReachApp

/// When the runner's loop runs, saves and deletes are written on a background queue in the order they were asked
/// for: keys are handled while a save waits for the disk, a record edited again before its save came back is saved
/// over this session's own save (not reported as a conflict with it), and quitting waits for the writes on their way.
@Suite struct SavesOffTheLoopTests {
    /// The fixture folder, its runner writing off the loop, on the Roster.
    static func harness() throws -> Harness {
        let h = try Harness()
        h.runner.computeOffTheLoop()
        h.type("2")
        return h
    }

    /// Renames Ola from the Roster's edit form.
    static func renameOla(_ h: Harness, to name: String) throws {
        let row = try #require(h.state.roster.rows.firstIndex(of: Fx.ola))
        h.type("gg" + String(repeating: "j", count: row) + "e<C-u>\(name)<Enter>")
    }

    /// Lets the loop turn until every write was answered (at most 5 s).
    static func waitForTheWrites(_ h: Harness) {
        for _ in 0..<500 where !h.state.writesInFlight.isEmpty {
            Thread.sleep(forTimeInterval: 0.01)
            h.type("")
        }
        #expect(h.state.writesInFlight.isEmpty)
    }

    static func olaOnDisk(_ h: Harness) throws -> Influencer { try #require(try h.store.load(Influencer.self, id: Fx.ola)) }

    @Test func keysAreHandledWhileASaveWaitsForTheDisk() throws {
        let h = try Self.harness()
        h.slowDisk.close()
        try Self.renameOla(h, to: "Ola Renamed")
        #expect(h.state.workspace.influencer(Fx.ola)?.displayName == "Ola Renamed")
        #expect(h.state.writesInFlight[Fx.ola] == 1)
        #expect(h.slowDisk.waitForAWrite())
        let cursor = h.state.roster.cursor.selected
        h.type("k")
        #expect(h.state.roster.cursor.selected == cursor - 1, "a key was handled while the save waited")
        #expect(try Self.olaOnDisk(h).displayName == "Ola Nordmann")
        h.slowDisk.open()
        Self.waitForTheWrites(h)
        let disk = try Self.olaOnDisk(h)
        #expect(disk.displayName == "Ola Renamed" && disk.revision == 2)
        #expect(h.state.workspace.influencer(Fx.ola)?.revision == 2)
        #expect(h.screen.contains("Saved Ola Renamed"))
    }

    /// Without the revision chain the second save expects revision 1, finds the first save's 2, and asks the user
    /// to choose between two of their own edits; the answer to an older save must not show over a newer edit.
    @Test func aRecordEditedAgainBeforeItsSaveCameBackIsSavedOverItsOwnSave() throws {
        let h = try Self.harness()
        h.slowDisk.close()
        try Self.renameOla(h, to: "Ola One")
        try Self.renameOla(h, to: "Ola Two")
        #expect(h.state.writesInFlight[Fx.ola] == 2)
        h.type("u")
        #expect(h.state.writesInFlight[Fx.ola] == 3)
        #expect(h.state.workspace.influencer(Fx.ola)?.displayName == "Ola One", "undo shows the edit before at once")
        h.slowDisk.letThrough(2)
        for _ in 0..<500 where h.state.writesInFlight[Fx.ola] != 1 {
            Thread.sleep(forTimeInterval: 0.01)
            h.type("")
        }
        #expect(h.state.writesInFlight[Fx.ola] == 1)
        #expect(h.state.workspace.influencer(Fx.ola)?.displayName == "Ola One", "the answers of older saves keep the newest edit")
        h.slowDisk.open()
        Self.waitForTheWrites(h)
        let disk = try Self.olaOnDisk(h)
        #expect(disk.displayName == "Ola One" && disk.revision == 4)
        #expect(h.state.overlays.isEmpty && h.state.pendingSaves.isEmpty)
        #expect(h.state.workspace.influencer(Fx.ola)?.displayName == "Ola One")
        #expect(h.state.workspace.influencer(Fx.ola)?.revision == 4)
    }

    @Test func quittingWaitsForTheWritesOnTheirWay() throws {
        let h = try Self.harness()
        h.slowDisk.close()
        try Self.renameOla(h, to: "Ola Renamed")
        #expect(h.slowDisk.waitForAWrite())
        let gate = h.slowDisk
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { gate.open() }
        h.type("q")
        #expect(h.state.shouldQuit)
        #expect(try Self.olaOnDisk(h).displayName == "Ola Renamed", "on disk before the app may end")
    }

    @Test func aWriteThatComesBackUnsavedStopsTheQuit() throws {
        let h = try Self.harness()
        h.slowDisk.close()
        try Self.renameOla(h, to: "Ola Renamed")
        #expect(h.slowDisk.waitForAWrite())
        h.busy.isOn = true
        let gate = h.slowDisk
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { gate.open() }
        h.type("q")
        #expect(!h.state.shouldQuit)
        #expect(h.state.pendingSaves[Fx.ola] != nil)
        #expect(h.screen.contains("Unsaved changes"), "\(h.screen)")
    }

    @Test func anotherSessionsVersionWaitsWhileThisSessionsWriteIsOnItsWay() throws {
        let h = try Harness()
        var theirs = try #require(h.state.workspace.influencer(Fx.ola))
        theirs.country = "SE"
        theirs.revision = 2
        var state = h.state
        state.writesInFlight[Fx.ola] = 1
        #expect(StoreResults.accepted(ExternalChanges(upserted: [.influencer(theirs)], removed: [(.influencer, Fx.ola)]), state).isEmpty)
        state.writeAnswered(Fx.ola)
        #expect(state.writesInFlight.isEmpty)
        #expect(StoreResults.accepted(ExternalChanges(upserted: [.influencer(theirs)]), state).upserted.count == 1)
    }

    @Test func theChainRewritesOnlyWritesAskingForTheRevisionTheScreensHold() throws {
        var chain = RevisionChain()
        var ola = try #require(Fx.influencers.first { $0.id == Fx.ola })
        ola.revision = 1
        let asked = Effect.save(.influencer(ola), expectedRevision: 1)
        #expect(chain.current(asked).0.expectedRevision == 1)
        var saved = ola
        saved.revision = 2
        chain.record([.saved(.influencer(saved))], asked: 1)
        #expect(chain.current(asked).0.expectedRevision == 2)
        #expect(chain.current(.save(.influencer(saved), expectedRevision: 2)).0.expectedRevision == 2)
        #expect(chain.current(.save(.influencer(ola), expectedRevision: 5)).0.expectedRevision == 5, "another session's revision")
        #expect(chain.current(.delete(.influencer(ola))).0.expectedRevision == 2)
        chain.record([.deleted(.influencer(saved))], asked: 2)
        #expect(chain.current(asked).0.expectedRevision == 1)
    }
}

private extension Effect {
    /// The revision a `.save` or `.delete` expects on disk.
    var expectedRevision: Int? {
        switch self {
        case .save(_, let expected): expected
        case .delete(let record): record.revision
        default: nil
        }
    }
}
