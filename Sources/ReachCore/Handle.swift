import Foundation

/// Normalises the ways people write a social handle, so one creator is never stored twice under different spellings.
public enum Handle {
    /// `@Name` → `name`; `https://www.instagram.com/name/` → `name`; `tiktok.com/@name?lang=en` → `name`;
    /// `youtube.com/@Chan` → `chan`; `youtube.com/channel/UC…` → `uc…`. Trims whitespace and trailing slashes; lower-cases.
    public static func normalise(_ input: String) -> String {
        var s = input.trimmingWhitespace()
        let lower = s.lowercased()
        let looksLikeURL = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            || (lower.contains(".") && lower.contains("/"))
        if looksLikeURL {
            if let r = s.range(of: "://") { s = String(s[r.upperBound...]) }
            if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = String(s[..<q]) }
            var parts = s.split(separator: "/").map(String.init)
            if !parts.isEmpty { parts.removeFirst() } // host
            let skip: Set<String> = ["channel", "c", "user", "in", "u", "profile", "people", "user_profile"]
            while let first = parts.first, skip.contains(first.lowercased()), parts.count > 1 { parts.removeFirst() }
            s = parts.first ?? ""
        }
        while s.hasPrefix("@") { s.removeFirst() }
        while s.hasSuffix("/") { s.removeLast() }
        return s.trimmingSpaces().lowercased()
    }

    /// The platform implied by a pasted profile URL, if any.
    public static func platform(fromURL input: String) -> Platform? {
        var s = input.trimmingWhitespace()
        if let r = s.range(of: "://") { s = String(s[r.upperBound...]) }
        guard let host = s.split(separator: "/").first else { return nil }
        return Platform.from(host: String(host))
    }
}

/// Normalises email addresses for duplicate detection (trim, lower-case); does not strip `+tags`, since those can be separate inboxes.
public enum EmailAddress {
    public static func normalise(_ input: String) -> String {
        input.trimmingWhitespace().lowercased()
    }

    /// A pragmatic shape check: one `@`, non-empty local part, a dot in the domain, no spaces.
    public static func isValid(_ input: String) -> Bool {
        let s = input.trimmingSpaces()
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        // ASCII text is checked byte by byte (Character by Character cost a tenth of an import's time).
        let hasSpace = s.utf8.allSatisfy { $0 < 0x80 } ? s.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
            : s.contains(where: \.isWhitespace)
        guard parts.count == 2, !parts[0].isEmpty, !hasSpace else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
