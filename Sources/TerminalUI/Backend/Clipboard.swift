import Foundation

/// Builds OSC 52 clipboard sequences, which work over SSH because the local terminal does the copying.
public enum Clipboard {
    /// The escape sequence that copies `text`, wrapped for tmux when needed; nil when the terminal
    /// is not known to support OSC 52 (the caller then shows the text or a hint instead).
    public static func osc52Sequence(for text: String, environment: [String: String]) -> String? {
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb", term != "linux", !term.hasPrefix("vt") else { return nil }
        let payload = Data(text.utf8).base64EncodedString()
        let sequence = "\u{1b}]52;c;\(payload)\u{07}"
        if let tmux = environment["TMUX"], !tmux.isEmpty {
            // tmux passthrough: the inner ESCs are doubled and the whole thing wrapped in DCS.
            return "\u{1b}Ptmux;" + sequence.replacingOccurrences(of: "\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\"
        }
        return sequence
    }
}
