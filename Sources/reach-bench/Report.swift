import Foundation

/// The printed table: name, N, p50, p99, max, target, PASS/FAIL, thread CPU p50, peak RSS, note; plain text or Markdown.
struct Report {
    var machine: Machine
    var results: [BenchResult]
    var quick: Bool
    /// 1-minute load averages at the start and end of the run: above the core count, wall-clock figures include waiting.
    var load: (start: Double, end: Double)

    private static let headers = ["case", "N", "p50", "p99", "max", "target", "result", "cpu p50", "peak RSS", "note"]

    private var rows: [[String]] {
        results.map { r in
            [r.name, "\(r.count)", Self.format(r.p50, r.unit), Self.format(r.p99, r.unit), Self.format(r.max, r.unit),
             r.target.map { "\($0.statistic.rawValue) < \(Self.format($0.limit, r.unit))" } ?? "—",
             r.passed.map { $0 ? "PASS" : "FAIL" } ?? "—", r.cpuP50.map { Self.format($0, .milliseconds) } ?? "—",
             r.peakRSS.map { Self.format($0, .megabytes) } ?? "—", r.note ?? ""]
        }
    }

    private var heading: String {
        "machine: \(machine.description); load average \(String(format: "%.1f", load.start)) at start, "
            + "\(String(format: "%.1f", load.end)) at end" + (quick ? "  [--quick: fewer iterations]" : "")
    }

    private var summary: String {
        let failed = results.filter { $0.passed == false }.count
        return failed == 0 ? "all targets met" : "\(failed) of \(results.filter { $0.target != nil }.count) targets missed"
    }

    func text() -> String {
        let all = [Self.headers] + rows
        let widths = Self.headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let lines = all.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return (1...4).contains(column) || column == 7 || column == 8 ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        return ([heading, ""] + [lines[0], String(repeating: "-", count: lines[0].count)] + lines.dropFirst() + ["", summary])
            .joined(separator: "\n")
    }

    func markdown() -> String {
        let header = "| " + Self.headers.joined(separator: " | ") + " |"
        let rule = "|" + Self.headers.map { _ in "---|" }.joined()
        let body = rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return ([heading, "", header, rule] + body + ["", summary]).joined(separator: "\n")
    }

    /// Three significant figures or so, with the unit.
    static func format(_ value: Double, _ unit: BenchUnit) -> String {
        guard value.isFinite else { return "n/a" }
        let digits = value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0
        return String(format: "%.\(digits)f", value) + " " + unit.suffix
    }
}
