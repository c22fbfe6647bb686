import Foundation
import ReachApp
import ReachCore
import TerminalUI

/// The daily loop at 100k creators and 200k deals, as one of the five demo owners: whose deals (`o`, on Today and
/// on the Pipeline), marking (Space, `*` over the whole roster), and a next step set from Today (`N`, typed, Enter),
/// key → frame each.
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
        var steps: [(wall: Duration, cpu: Double)] = []
        for n in 0..<options.iterations(20) {
            _ = key(.char("N"))
            _ = key(.ctrl("u"))
            for character in "Call back \(n)" { _ = key(.char(character)) }
            _ = key(KeyEvent(.tab))
            _ = key(.ctrl("u"))
            for character in "+3d" { _ = key(.char(character)) }
            steps.append(key(KeyEvent(.enter)))
            _ = key(.char("j"))
        }

        // Marking on the Roster: Space row by row, then `*` over all 100k shown (and again to unmark).
        _ = key(.char("2"))
        let marking = Samples((0..<options.iterations(200)).map { _ in key(.char(" ")) })
        var all: [(wall: Duration, cpu: Double)] = []
        for _ in 0..<options.iterations(10) { all.append(key(.char("*"))) }
        return [
            BenchResult(name: "app key→frame: o (whose deals) 100k", samples: scopes, target: .p99(below: 100),
                        note: "Today filtered from every owner's items; \(mine) items are \(owner.name)'s"),
            BenchResult(name: "app key→frame: o on the Pipeline 100k", samples: boards, target: .p99(below: 100),
                        note: "the board rebuilt over 200k deal rows"),
            BenchResult(name: "app key→frame: Enter in the next-step form 100k", samples: Samples(steps), target: .p99(below: 50),
                        note: "the deal saved, Today and the Pipeline updated"),
            BenchResult(name: "app key→frame: Space marks a roster row 100k", samples: marking, target: .p99(below: 16)),
            BenchResult(name: "app key→frame: * marks all 100k shown", samples: Samples(all), target: .p99(below: 100)),
        ]
    }
}
