import Foundation

/// Folds text for matching: lower-case, diacritics removed (`Ļoti` → `loti`), a few non-decomposing letters mapped (ø → o).
public enum TextFolding {
    private static let extra: [Character: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ı": "i", "ħ": "h", "þ": "th", "ŧ": "t",
    ]
    /// The scalars of `extra`'s keys, for a cheap scalar-level check before the Character-level replacement.
    private static let extraScalars = Set(extra.keys.flatMap { $0.unicodeScalars.map(\.value) })

    /// The folded form used by search keys and queries.
    ///
    /// ASCII text (handles, e-mails, most tags) only needs lower-casing, done on bytes: Foundation's folding
    /// costs about a microsecond per string, which adds up to seconds when a 100k roster is indexed or sorted.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var base = s
        if s.unicodeScalars.contains(where: { extraScalars.contains($0.value) }) {
            base = ""
            base.reserveCapacity(s.utf8.count)
            for ch in s { if let r = extra[ch] { base += r } else { base.append(ch) } }
        }
        return base.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }
}
