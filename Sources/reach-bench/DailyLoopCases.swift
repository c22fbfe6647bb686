import Foundation
import ReachApp
import ReachCore
import ReachStore
import TerminalUI

/// The daily loop at 100k creators and 200k deals, as one of the five demo owners: whose deals (`o`, on Today and
/// on the Pipeline), marking (Space, `*` over the whole roster), a next step set from Today (`N`, typed, Enter), and
/// a bulk action over 1,000 creators, key → frame each.
enum DailyLoopCases {
    static let all = [loop]

    static let loop = BenchCase(name: "app.daily-100k", datasets: [100_000]) { options in
        let demo = Dataset.generate(count: 100_000)
        let owner = demo.settings.teamMembers.first ?? TeamMember(login: "marta", name: "Marta Kalniņa")
        // Made in the call, so the app's is the only copy: a second one kept here made the first save copy the
        // workspace's 200,000 deals (1.2 s), which the app, holding one workspace, never does.
        let runner = try AppCases.open(Dataset(influencers: 100_000).folder,
                                       workspace: Workspace(influencers: demo.influencers, campaigns: demo.campaigns, deals: demo.deals,
                                                            templates: demo.templates, settings: AppSettings(workspace: demo.settings)),
                                       user: UserIdentity(name: owner.name, login: owner.login, isTeamMember: true))
        runner.send(.computeHiddenPanes)
        // As the app runs: saves on the write queue.
        runner.computeOffTheLoop()
        // The records the steps below save, as the folder holds them now: the workspace is generated (every record at
        // revision 1), earlier runs saved some of them, and a save expecting revision 1 meets a conflict instead of
        // writing (1,000 conflicts measured as a bulk action in session 15's first run).
        let disk = try RecordStore(folder: Dataset(influencers: 100_000).folder)
        func asOnDisk(deals: [RecordID] = [], creators: [RecordID] = []) throws {
            var changes = ExternalChanges()
            for id in deals { try disk.load(Deal.self, id: id).map { changes.upserted.append(.deal($0)) } }
            for id in creators { try disk.load(Influencer.self, id: id).map { changes.upserted.append(.influencer($0)) } }
            runner.send(.externalChanges(changes))
        }
        func key(_ event: KeyEvent) -> (wall: Duration, cpu: Double) {
            Measure.timed {
                runner.send(.input(.key(event)))
                runner.send(.keysHandled) // as the real loop does before it draws
                runner.present()
            }
        }
        // `o` on Today: mine → everyone → each other owner → mine; Today is recomputed (the Pipeline when shown).
        let scopes = Samples((0..<options.iterations(24)).map { _ in key(.char("o")) })
        let mine = runner.state.today.items.count
        // The same on the Pipeline: its board is rebuilt from all 200k deals and drawn. Back on Today, both are
        // current, so the next-step saves below update both.
        _ = key(.char("3"))
        let boards = Samples((0..<options.iterations(24)).map { _ in key(.char("o")) })
        _ = key(.char("1"))

        // Next step from Today: N, the text, Tab, a date, Enter (the save goes to the folder).
        try asOnDisk(deals: runner.state.today.items.prefix(100).map(\.dealID))
        var steps: [(wall: Duration, cpu: Double)] = []
        for n in 0..<options.iterations(20) {
            _ = key(.char("N"))
            _ = key(.ctrl("u"))
            for character in "Call back \(n)" { _ = key(.char(character)) }
            _ = key(KeyEvent(.tab))
            _ = key(.ctrl("u"))
            for character in "+3d" { _ = key(.char(character)) }
            steps.append(key(KeyEvent(.enter)))
            runner.finishWrites() // the answer, handled on a later turn of the loop
            _ = key(.char("j"))
        }
        precondition(runner.state.overlays.isEmpty && runner.state.pendingSaves.isEmpty, "a next step did not save cleanly")

        // Marking on the Roster: Space row by row, then `*` over all 100k shown (and again to unmark).
        _ = key(.char("2"))
        let marking = Samples((0..<options.iterations(200)).map { _ in key(.char(" ")) })
        var all: [(wall: Duration, cpu: Double)] = []
        for _ in 0..<options.iterations(10) { all.append(key(.char("*"))) }

        // A bulk action over 1,000 marked creators, archive then `u`: 1,000 files saved each. On the write queue (as
        // the app runs), then, for comparison, with every save done before the frame (as tests and commands run).
        func bulkArchiveAndUndo() throws -> [(wall: Duration, cpu: Double)] {
            var samples: [(wall: Duration, cpu: Double)] = []
            for _ in 0..<options.iterations(3) {
                _ = key(.char("g"))
                _ = key(.char("g"))
                try asOnDisk(creators: Array(runner.state.roster.rows.prefix(1_000)))
                for _ in 0..<1_000 { _ = key(.char(" ")) }
                _ = key(.char("b"))
                for character in "Archive" { _ = key(.char(character)) }
                _ = key(KeyEvent(.enter))
                samples.append(key(KeyEvent(.enter)))
                runner.finishWrites()
                samples.append(key(.char("u")))
                runner.finishWrites()
                // Every save written: no conflict asked, nothing left unsaved.
                precondition(runner.state.overlays.isEmpty && runner.state.pendingSaves.isEmpty, "the bulk action did not save cleanly")
                _ = key(.char("b"))
                for character in "Clear" { _ = key(.char(character)) }
                _ = key(KeyEvent(.enter))
            }
            return samples
        }
        let bulkQueued = try bulkArchiveAndUndo()
        runner.computeOffTheLoop(false)
        let bulkInline = try bulkArchiveAndUndo()
        return [
            BenchResult(name: "app key→frame: o (whose deals) 100k", samples: scopes, target: .p99(below: 100),
                        note: "Today filtered from every owner's items; \(mine) items are \(owner.name)'s"),
            BenchResult(name: "app key→frame: o on the Pipeline 100k", samples: boards, target: .p99(below: 100),
                        note: "the board rebuilt over 200k deal rows"),
            BenchResult(name: "app key→frame: Enter in the next-step form 100k", samples: Samples(steps), target: .p99(below: 50),
                        note: "Today and the Pipeline updated; the deal's save on the write queue"),
            BenchResult(name: "app key→frame: Space marks a roster row 100k", samples: marking, target: .p99(below: 16)),
            BenchResult(name: "app key→frame: * marks all 100k shown", samples: Samples(all), target: .p99(below: 100)),
            BenchResult(name: "app key→frame: bulk archive / undo of 1,000 creators 100k, saves on the write queue",
                        samples: Samples(bulkQueued), target: .p99(below: 100), note: "the frame before the files are written"),
            BenchResult(name: "app key→frame: bulk archive / undo of 1,000 creators 100k, saves on the loop", samples: Samples(bulkInline),
                        note: "every file written before the frame (tests, and the app before session 15)"),
        ]
    }
}
