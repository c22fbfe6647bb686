/// What the sender newly wrote, for `MailMessage.newText`: a logged reply should read as the reply, not as the
/// whole thread again.
///
/// In order: the text is cut at an inline forward block or an Outlook "Original Message" / "From: … Sent: …"
/// header block (everything after is older mail), then at the signature separator "-- "; then ">" quoted lines
/// are dropped, each quoted block together with the attribution line before it ("On … wrote:", possibly wrapped
/// over two lines, or any line ending in ":" that names an address). Interleaved answers between quoted blocks
/// stay. Runs of blank lines left behind collapse to one; leading and trailing blank lines go.
enum MailReplyText {
    static func newText(of body: String) -> String {
        var lines = MailText.lines(body)
        if let cut = lines.indices.first(where: { startsOlderMail(lines, at: $0) }) { lines.removeSubrange(cut...) }
        if let signature = lines.firstIndex(where: { $0 == "-- " }) { lines.removeSubrange(signature...) }

        var kept: [Substring] = []
        var inQuote = false
        for line in lines {
            if isQuoted(line) {
                if !inQuote { dropAttribution(&kept) }
                inQuote = true
            } else {
                if !MailText.isBlank(line) { inQuote = false }
                kept.append(line)
            }
        }

        var collapsed: [Substring] = []
        for line in kept {
            if MailText.isBlank(line), let last = collapsed.last, MailText.isBlank(last) { continue }
            collapsed.append(line)
        }
        return MailText.joinTrimmingBlankLines(collapsed)
    }

    /// A forward marker with pseudo-headers, an "Original Message" line, or an Outlook header block.
    private static func startsOlderMail(_ lines: [Substring], at index: Int) -> Bool {
        let line = lines[index]
        if MailForwardBlock.isMarker(line) {
            if line.lowercased().contains("original message") { return true }
            return MailForwardBlock.headerBlock(in: lines, after: index) != nil
        }
        return MailForwardBlock.isBareHeaderBlock(lines, at: index)
    }

    private static func isQuoted(_ line: Substring) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.hasPrefix(">")
    }

    /// Removes the attribution at the end of `kept` (blank lines after it included), if there is one.
    private static func dropAttribution(_ kept: inout [Substring]) {
        guard let last = kept.lastIndex(where: { !MailText.isBlank($0) }) else { return }
        let line = kept[last].trimmingMailWhitespace()
        guard line.hasSuffix(":") else { return }
        let previous = last > 0 && !MailText.isBlank(kept[last - 1]) ? kept[last - 1].trimmingMailWhitespace() : nil
        let previousOpens = previous.map(opensAttribution) ?? false
        if isAttribution(line) {
            kept.removeSubrange((previousOpens ? last - 1 : last)...)
        } else if let previous, previousOpens, isAttribution(previous + " " + line) {
            kept.removeSubrange((last - 1)...)
        }
    }

    /// An attribution line: ends with ":" and has a "wrote" word (in some languages) or an address in it.
    private static func isAttribution(_ line: String) -> Bool {
        guard line.hasSuffix(":"), line.utf8.count <= 400 else { return false }
        if line.contains("@") { return true }
        let lower = line.lowercased()
        return attributionWords.contains { lower.contains($0) }
    }

    private static let attributionWords = [
        "wrote", "writes", "schrieb", "a écrit", "escribió", "ha scritto", "schreef", "написал", "napisał", "skrev",
        "kirjoitti", "escreveu", "rakstīja", "kirjutas", "rašė", "yazdı", "napsal", "írta", "写道", "작성", "のメッセージ",
        "書きました",
    ]

    /// The first line of an attribution wrapped over two lines: "On Tue, 3 Dec 2026 at 10:00, Līga <l@x.lv>".
    private static func opensAttribution(_ line: String) -> Bool {
        guard !line.hasSuffix("."), !line.hasSuffix(":") else { return false }
        return ["On ", "Am ", "Le ", "El ", "Il ", "Op ", "Em ", "W dniu ", "Den ", "Dne ", "På ", "Pada "].contains {
            line.hasPrefix($0)
        }
    }
}
