import Foundation
import ReachCore
import ReachStore
import TerminalUI
import Testing
@testable import ReachApp

/// The app's side of git sync: when it syncs, and what the top bar and the status line say.
@Suite("Sync in the app")
struct SyncIndicatorTests {
    private func syncedState(autoSyncMinutes: Int = 0) -> AppState {
        var state = Fx.state()
        state.workspace.settings.workspace.autoSyncMinutes = autoSyncMinutes
        state.sync = SyncIndicator(state: SyncState(lastSuccess: Fx.now.addingTimeInterval(-180)), now: Fx.now)
        state.sync?.statusStale = false
        return state
    }

    @Test("the top bar says how long ago the folder synced; a folder without sync shows nothing of it")
    func headline() {
        let state = syncedState()
        #expect(Fx.render(state)[0].contains("synced 3 min ago"))
        #expect(!Fx.render(Fx.state())[0].contains("synced"))
    }

    @Test("Y syncs now; a second Y while it runs starts nothing more")
    func syncNow() {
        var state = syncedState()
        #expect(App.update(&state, .input(.key(.char("Y")))).contains { if case .sync = $0 { true } else { false } })
        #expect(Fx.render(state)[0].contains("syncing…"))
        #expect(App.update(&state, .input(.key(.char("Y")))).isEmpty)
    }

    @Test("Y in a folder that is not synced says how to set it up")
    func notSynced() {
        var state = Fx.state()
        #expect(App.update(&state, .input(.key(.char("Y")))).isEmpty)
        #expect(state.status?.text.contains("reach sync init") == true)
    }

    @Test("auto-sync starts when its minutes have passed, not before, and never when it is off")
    func autoSync() {
        var state = syncedState(autoSyncMinutes: 5)
        #expect(App.update(&state, .tick(Fx.now.addingTimeInterval(4 * 60))).isEmpty)
        let due = App.update(&state, .tick(Fx.now.addingTimeInterval(5 * 60 + 1)))
        #expect(due.contains { if case .sync = $0 { true } else { false } })
        var off = syncedState(autoSyncMinutes: 0)
        #expect(App.update(&off, .tick(Fx.now.addingTimeInterval(3_600))).isEmpty)
    }

    @Test("a failed sync is red at the top and says why; a later success clears it")
    func failure() {
        var state = syncedState()
        _ = App.update(&state, .input(.key(.char("Y"))))
        let failed = SyncState(lastSuccess: Fx.now.addingTimeInterval(-180), lastFailure: Fx.now, failureReason: "the remote did not answer")
        _ = App.update(&state, .syncFinished(.failure(.timedOut(command: "git fetch", seconds: 120, network: true)), state: failed))
        #expect(Fx.render(state, width: 100)[0].contains("sync failed: the remote did not answer"))
        #expect(Fx.render(state)[0].contains("sync failed: the remote"), "at 80 columns it is shortened, never dropped")
        #expect(state.status?.text.contains("Sync failed") == true)
        _ = App.update(&state, .syncFinished(.success(SyncReport()), state: SyncState(lastSuccess: Fx.now)))
        #expect(Fx.render(state)[0].contains("synced just now"))
    }

    @Test("a save makes the local-change count due for a new read, at most every 5 s")
    func statusAfterSave() {
        var state = syncedState()
        state.sync?.lastStatusRead = Fx.now
        state.sync?.statusStale = true
        #expect(App.update(&state, .tick(Fx.now.addingTimeInterval(2))).isEmpty)
        #expect(App.update(&state, .tick(Fx.now.addingTimeInterval(6))).contains { if case .readSyncStatus = $0 { true } else { false } })
    }
}
