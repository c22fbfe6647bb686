/// Small text helpers shared by the mail parser. They work on UTF-8 bytes or Unicode scalars rather than Characters,
/// because Swift treats "\r\n" as one Character and a hostile body must not cost grapheme breaking per byte.
enum MailText {
    /// CRLF → LF. Lone CRs stay: control characters are the display layer's business.
    static func normalizingNewlines(_ text: String) -> String {
        var utf8 = Array(text.utf8)
        guard utf8.contains(0x0D) else { return text }
        var write = 0
        var read = 0
        let count = utf8.count
        while read < count {
            let byte = utf8[read]
            if byte == 0x0D, read + 1 < count, utf8[read + 1] == 0x0A {
                read += 1
                continue
            }
            utf8[write] = byte
            write += 1
            read += 1
        }
        utf8.removeSubrange(write...)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The lines of LF-separated text; a final empty line after a trailing LF is kept. Split on UTF-8 bytes:
    /// splitting on Characters would be much slower on a large body, and would not split "\r\n" at all.
    static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { text[$0.startIndex ..< $0.endIndex] }
    }

    static func isBlank(_ line: some StringProtocol) -> Bool {
        line.unicodeScalars.allSatisfy(isWhitespace)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{A0}"
    }

    /// Joins lines and drops leading and trailing blank lines (whitespace-only lines count as blank).
    static func joinTrimmingBlankLines(_ lines: some BidirectionalCollection<some StringProtocol>) -> String {
        guard let first = lines.firstIndex(where: { !isBlank($0) }),
              let last = lines.lastIndex(where: { !isBlank($0) }) else { return "" }
        return lines[first ... last].joined(separator: "\n")
    }
}

extension Substring {
    /// Trims spaces, tabs, CR, LF (not NBSP or other Unicode spaces, which can be content in a name).
    /// Works on the UTF-8 bytes: the trimmed characters are ASCII, and headers can be megabytes long.
    func trimmingMailWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }),
              let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start ... end])
    }
}

extension String {
    func trimmingMailWhitespace() -> String { self[...].trimmingMailWhitespace() }
}
