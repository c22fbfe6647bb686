import Foundation

/// Folds text for matching: lower-case, diacritics removed (`Ļoti` → `loti`), a few non-decomposing letters mapped (ø → o).
public enum TextFolding {
    private static let extra: [Character: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ı": "i", "ħ": "h", "þ": "th", "ŧ": "t",
    ]

    /// The folded form used by search keys and queries.
    public static func fold(_ s: String) -> String {
        let needsExtra = s.contains { extra[$0] != nil }
        var base = s
        if needsExtra {
            base = ""
            base.reserveCapacity(s.utf8.count)
            for ch in s { if let r = extra[ch] { base += r } else { base.append(ch) } }
        }
        return base.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
