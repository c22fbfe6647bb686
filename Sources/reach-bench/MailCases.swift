import ReachStore

/// Mail built to make a parser slow (unterminated tags and comments, deep nesting, thousands of forward markers),
/// at two sizes: parsing must cost time in proportion to the size, never its square, so twice the size should
/// take about twice as long. The inputs are the mail tests' hostile ones.
enum MailCases {
    static let all = [pathological]

    /// Every hostile mail, each repeated part `scale` times as often.
    static func mails(scale: Int) -> [[UInt8]] {
        let html = [("<style>", 50_000), ("<!--", 50_000), ("<a href=x>", 50_000), ("<blockquote>", 20_000), ("&#x", 50_000), ("</", 50_000)]
            .map { "From: a@x.example\nContent-Type: text/html\n\n" + String(repeating: $0.0, count: $0.1 * scale) + "deep" }
        let forwards = [
            "---------- Forwarded message ---------\nTo: a@x.example\nnot a header\n",
            "From: a@x.example\nSent: Tuesday\nnot a header\n", "Begin forwarded message:\n> To: a\n> x\n", "On Tue, Anna wrote:\n> x\n\n",
        ].map { "From: a@x.example\nSubject: Fwd: x\n\n" + String(repeating: $0, count: 10_000 * scale) }
        return (html + forwards).map { Array($0.utf8) }
    }

    static let pathological = BenchCase(name: "mail.pathological", datasets: []) { options in
        func parseAll(_ mails: [[UInt8]]) throws -> Samples {
            try Measure.repeating(options.iterations(10), warmup: 1) {
                for mail in mails { blackHole(try MailParser.parse(mail).newText) }
            }
        }
        let small = mails(scale: 1)
        let single = try parseAll(small), double = try parseAll(mails(scale: 2))
        let megabytes = Double(small.map(\.count).reduce(0, +)) / 1_000_000
        return [
            BenchResult(name: "mail 10 hostile messages", samples: single,
                        note: "parse + newText of each; \((megabytes * 10).rounded() / 10) MB in all"),
            BenchResult(name: "mail the same at twice the size", samples: double),
            BenchResult(name: "mail 2× size ÷ 1× (linear ≈ 2)", value: double.p50 / single.p50, unit: .ratio, target: .p50(below: 3),
                        note: "p50 ratio; quadratic would be 4"),
        ]
    }
}
