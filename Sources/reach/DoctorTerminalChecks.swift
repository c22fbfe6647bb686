#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TerminalUI

/// The doctor's terminal checks: the things that make a TUI garble or fail over SSH (TERM, terminfo, locale, colours, clipboard).
enum DoctorTerminalChecks {
    static func section(environment: [String: String], stdoutIsTTY: Bool, home: String) -> DoctorReport.Section {
        var section = DoctorReport.Section(title: "Terminal")
        let term = environment["TERM"] ?? ""
        var colorCount = 0
        if term.isEmpty || term == "dumb" {
            section.problem(term.isEmpty ? "TERM is not set" : "TERM=dumb cannot draw screens",
                            fix: "export TERM=xterm-256color (or set your terminal or ssh client to send it)")
        } else if let entry = Terminfo.entry(for: term, environment: environment, home: home) {
            colorCount = Terminfo.colors(entryAt: entry) ?? 0
            section.ok("TERM=\(term), terminfo entry \(entry)")
        } else {
            section.problem("TERM=\(term) has no terminfo entry on this machine",
                            fix: "install it (Debian: apt install ncurses-term), copy it to ~/.terminfo, or export TERM=xterm-256color")
        }
        if stdoutIsTTY {
            section.ok("output is a terminal")
        } else {
            section.warn("output is not a terminal (fine for this report; the app itself needs one)")
        }
        switch ColorMode.detect(environment: environment, colorCount: colorCount) {
        case .monochrome:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
                section.ok("colours off because NO_COLOR is set")
            } else {
                section.warn("no colours for TERM=\(term.isEmpty ? "(unset)" : term)", fix: "export TERM=xterm-256color if your terminal supports colour")
            }
        case .ansi16: section.ok("\(colorCount) colours")
        case .ansi256: section.ok("\(colorCount) colours")
        }
        checkLocale(environment, into: &section)
        if let editor = ["VISUAL", "EDITOR"].compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) {
            section.ok("editor for long notes: \(editor)")
        } else {
            section.warn("neither $VISUAL nor $EDITOR is set, so long notes have no editor of your choice (the usual fallback is vi)",
                         fix: "export EDITOR=nano (or your favourite) in ~/.profile")
        }
        let inTmux = !(environment["TMUX"] ?? "").isEmpty
        let overSSH = !(environment["SSH_CONNECTION"] ?? "").isEmpty || !(environment["SSH_TTY"] ?? "").isEmpty
        if inTmux {
            section.note("inside tmux: copying (y) uses OSC 52 through tmux; add `set -g set-clipboard on` to ~/.tmux.conf if pasting does not work")
        }
        if overSSH {
            section.note("over SSH: copying (y) reaches your own clipboard only if your local terminal allows OSC 52 "
                         + "(iTerm2: enable clipboard access; kitty, WezTerm, Windows Terminal: on by default)")
        }
        return section
    }

    /// A UTF-8 locale is what makes Latvian, Georgian and CJK names draw correctly.
    private static func checkLocale(_ environment: [String: String], into section: inout DoctorReport.Section) {
        let (name, variable) = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { key in
            environment[key].flatMap { $0.isEmpty ? nil : ($0, key) }
        }.first ?? ("POSIX", "no LANG/LC_ALL/LC_CTYPE")
        let fix = "export LANG=C.UTF-8 (or another UTF-8 locale listed by `locale -a`)"
        guard isUTF8(name) else {
            return section.problem("locale \(name) (\(variable)) is not UTF-8: names like \"Ļoti Garšīgi\" and \"ნინო\" will garble", fix: fix)
        }
        // The locale must also be installed, or the C library silently falls back to ASCII.
        guard setlocale(LC_CTYPE, name) != nil, isUTF8(String(cString: nl_langinfo(nl_item(CODESET)))) else {
            return section.problem("locale \(name) (\(variable)) is not installed here", fix: fix)
        }
        section.ok("locale \(name) (\(variable)) is UTF-8")
    }

    static func isUTF8(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
