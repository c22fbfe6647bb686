/// The doctor's findings: titled sections of ✓ / ! / ✗ lines, each problem with what to do about it.
struct DoctorReport {
    enum Level {
        case ok, note, warning, problem
    }

    struct Line {
        var level: Level
        var text: String
        /// What to do (shown under the line).
        var fix: String?
    }

    struct Section {
        var title: String
        var lines: [Line] = []

        mutating func ok(_ text: String) { lines.append(Line(level: .ok, text: text)) }
        mutating func note(_ text: String) { lines.append(Line(level: .note, text: text)) }
        mutating func warn(_ text: String, fix: String? = nil) { lines.append(Line(level: .warning, text: text, fix: fix)) }
        mutating func problem(_ text: String, fix: String? = nil) { lines.append(Line(level: .problem, text: text, fix: fix)) }
    }

    var sections: [Section] = []

    var problems: Int { sections.flatMap(\.lines).filter { $0.level == .problem }.count }
    var warnings: Int { sections.flatMap(\.lines).filter { $0.level == .warning }.count }

    /// The report as text; `unicode: false` uses ASCII marks for terminals whose locale is not UTF-8.
    func render(unicode: Bool) -> String {
        func mark(_ level: Level) -> String {
            switch level {
            case .ok: return unicode ? "✓" : "+"
            case .note: return "i"
            case .warning: return "!"
            case .problem: return unicode ? "✗" : "x"
            }
        }
        var out = ""
        for section in sections {
            out += section.title + "\n"
            for line in section.lines {
                out += "  \(mark(line.level)) \(line.text)\n"
                if let fix = line.fix { out += "      \(unicode ? "→" : "->") \(fix)\n" }
            }
            out += "\n"
        }
        switch (problems, warnings) {
        case (0, 0): out += "All checks passed.\n"
        case (0, let w): out += "No problems; \(w) warning\(w == 1 ? "" : "s") (!) worth a look.\n"
        case (let p, let w): out += "\(p) problem\(p == 1 ? "" : "s") (\(mark(.problem))) to fix\(w > 0 ? " and \(w) warning\(w == 1 ? "" : "s") (!)" : "").\n"
        }
        return out
    }
}
