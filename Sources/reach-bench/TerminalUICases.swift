import ReachCore
import TerminalUI

/// Drawing cost: a full realistic frame plus its diff, and a table over a million rows.
enum TerminalUICases {
    static let all = [frame, table]

    /// 200×60 roster frame (tab bar, table, status bar; Latin, Georgian, CJK and emoji names) and its diff
    /// against the previous frame, with the selection moving one row per frame as when scrolling.
    static let frame = BenchCase(name: "tui.frame-200x60", datasets: []) { options in
        let roster = Dataset.generate(count: 2_000).influencers
        let rows = Array(roster.indices)
        let screen = RosterScreen()
        var state = SelectionState(selected: 0)
        var previous = screen.render(roster: roster, rows: rows, state: &state, query: nil)
        var changed = 0
        let samples = Measure.repeating(options.iterations(2_000)) {
            state.move(by: 1, count: rows.count)
            let buffer = screen.render(roster: roster, rows: rows, state: &state, query: nil)
            changed += buffer.changes(from: previous).count
            previous = buffer
        }
        return [BenchResult(name: "tui.frame-200x60 render+diff", samples: samples, target: .p99(below: 2),
                            note: "\(changed / Swift.max(1, samples.count)) cells changed per frame")]
    }

    /// A table frame over 1,000 and 1,000,000 rows: the table asks only for visible rows, so both should cost the same.
    static let table = BenchCase(name: "tui.table", datasets: []) { options in
        let roster = Dataset.generate(count: 1_000).influencers
        func run(rows: Int) -> Samples {
            let table = Table(columns: [TableColumn("Name"), TableColumn("Handle"), TableColumn("Followers", width: .fixed(9), alignment: .trailing),
                                        TableColumn("City", width: .fixed(12))], rowCount: rows) { index in
                let influencer = roster[index % roster.count]
                return [influencer.displayName, influencer.accounts.first?.handle ?? "", "\(influencer.followers ?? 0)", influencer.city ?? ""]
            }
            var state = SelectionState(selected: rows / 2)
            return Measure.repeating(options.iterations(2_000)) {
                var buffer = Buffer(width: 200, height: 60)
                state.move(by: 1, count: rows)
                table.render(into: &buffer, area: buffer.area, state: &state)
                blackHole(buffer)
            }
        }
        let small = run(rows: 1_000)
        let large = run(rows: 1_000_000)
        return [
            BenchResult(name: "tui.table 1k rows", samples: small, target: .p99(below: 1)),
            BenchResult(name: "tui.table 1M rows", samples: large, target: .p99(below: 1)),
            BenchResult(name: "tui.table 1M÷1k (flat in rows)", value: large.p50 / small.p50, unit: .ratio, target: .p50(below: 1.5),
                        note: "p50 ratio"),
        ]
    }
}
