import Foundation

/// Inline forwards: mailers put the original into the body after a marker line and a few pseudo-headers.
///
///     ---------- Forwarded message ---------          (Gmail; Thunderbird: -------- Forwarded Message --------)
///     From: Nino Beridze <nino@example.ge>
///     Date: Tue, Dec 3, 2026 at 10:00 AM
///     Subject: Collab
///     To: <anna@agency.example>
///
///     the original text…
///
/// Apple Mail starts with "Begin forwarded message:", Outlook with "-----Original Message-----" or a line of
/// underscores. Pseudo-header labels are matched in a few languages, may be *bold*, and may be quoted with ">"
/// (Apple Mail quotes the whole block). The pseudo-header dates are written for people, so they go through the
/// lenient `MailDate` with the outer message's zone as the default (the forwarder's mailer printed them in its
/// own zone).
enum MailForwardBlock {
    /// The line index of the first forward marker followed by pseudo-headers, or nil. With `bareHeaders`, a
    /// header block without a marker line also counts (the index is then the line before its "From:").
    static func markerLine(in lines: [Substring], bareHeaders: Bool = false) -> Int? {
        for (index, line) in lines.enumerated() {
            if isMarker(line) && headerBlock(in: lines, after: index) != nil { return index }
            if bareHeaders && isBareHeaderBlock(lines, at: index) { return index - 1 }
        }
        return nil
    }

    /// The forwarded original in `body`, or nil when there is no inline forward block. `subject` is the outer
    /// message's: when it says "Fwd:"/"FW:", a header block without a marker line is also taken as the forward,
    /// because Outlook's HTML forwards have none (just "From: … Sent: … To: … Subject: …").
    static func parse(body: String, subject: String = "", defaultOffset: Int?, depth: Int) -> MailMessage? {
        guard depth < MailParser.maximumDepth else { return nil }
        let lines = MailText.lines(body)
        guard let marker = markerLine(in: lines, bareHeaders: isForwardSubject(subject)),
              let block = headerBlock(in: lines, after: marker) else { return nil }
        let fields = block.fields
        var rest = lines[block.bodyStart...]
        if block.isQuoted {
            // A quoted original ends where the quoting does.
            if let end = rest.firstIndex(where: { !$0.hasPrefix(">") && !MailText.isBlank($0) }) { rest = rest[..<end] }
        }
        let bodyLines = rest.map { block.isQuoted ? unquoted($0) ?? $0 : $0 }
        let text = MailText.joinTrimmingBlankLines(bodyLines)
        let date = fields["date"].flatMap { MailDate.parse($0, defaultOffset: defaultOffset) }
        return MailMessage(
            from: fields["from"].map { MailAddressList.parse(cleanedAddresses($0)) } ?? [],
            to: fields["to"].map { MailAddressList.parse(cleanedAddresses($0)) } ?? [],
            cc: fields["cc"].map { MailAddressList.parse(cleanedAddresses($0)) } ?? [],
            subject: fields["subject"] ?? "",
            date: date?.date,
            body: text,
            forwarded: parse(body: text, subject: fields["subject"] ?? "", defaultOffset: date?.offset ?? defaultOffset,
                             depth: depth + 1)
        )
    }

    /// "From: …" followed within a few lines by "Sent:"/"Date:" and "To:"/"Subject:", unquoted: the header block
    /// Outlook (and others, in several languages) put above the message being answered or forwarded.
    static func isBareHeaderBlock(_ lines: [Substring], at index: Int) -> Bool {
        guard lines[index].utf8.prefix(24).contains(0x3A), let (field, _) = pseudoHeader(lines[index]), field == "from" else {
            return false
        }
        var sawDate = false
        var sawOther = false
        for next in lines[(index + 1) ..< min(lines.count, index + 6)] {
            guard let (field, _) = pseudoHeader(next) else { break }
            if field == "date" { sawDate = true }
            if field == "to" || field == "subject" || field == "cc" { sawOther = true }
        }
        return sawDate && sawOther
    }

    /// Whether a subject's prefixes ("Re: Fwd: …", "FW:", "WG:", "TR:", "RV:", "Enc:") mark a forward.
    static func isForwardSubject(_ subject: String) -> Bool {
        var rest = Substring(subject)
        for _ in 0 ..< 5 {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let colon = rest.prefix(8).firstIndex(of: ":") else { return false }
            let prefix = rest[..<colon].lowercased().trimmingMailWhitespace()
            if ["fw", "fwd", "wg", "tr", "rv", "enc", "doorst", "i", "pārs"].contains(prefix) { return true }
            rest = rest[rest.index(after: colon)...]
        }
        return false
    }

    /// A marker line: the dashed "Forwarded message"/"Original Message" lines, "Begin forwarded message:", or a
    /// long line of underscores (Outlook). Quote marks before it are allowed.
    static func isMarker(_ line: Substring) -> Bool {
        // Cheap byte test first: this runs on every line of what may be a very large body.
        guard line.utf8.count <= 120, line.utf8.contains(where: { $0 == 0x2D || $0 == 0x5F || $0 == 0x3A }) else { return false }
        var text = line.trimmingMailWhitespace()
        while text.hasPrefix(">") { text = String(text.dropFirst()).trimmingMailWhitespace() }
        if text.count >= 10, text.allSatisfy({ $0 == "_" }) { return true }
        guard text.contains("-") || text.lowercased().hasPrefix("begin forwarded") else { return false }
        let core = text.trimmingCharacters(in: CharacterSet(charactersIn: "- ")).lowercased()
        return markerTexts.contains(core)
    }

    private static let markerTexts: Set<String> = [
        "forwarded message", "original message", "begin forwarded message:", "forwarded message follows",
        "weitergeleitete nachricht", "ursprüngliche nachricht", "message transféré", "message d'origine",
        "mensaje reenviado", "mensaje original", "messaggio inoltrato", "messaggio originale",
        "doorgestuurd bericht", "oorspronkelijk bericht", "пересылаемое сообщение", "исходное сообщение",
        "pārsūtīta ziņa", "pārsūtītā ziņa", "sākotnējā ziņa", "転送メッセージ", "元のメッセージ",
    ]

    /// Pseudo-header labels (lowercase, without the colon) and the field they fill.
    private static let labels: [String: String] = [
        "from": "from", "sender": "from", "von": "from", "de": "from", "van": "from", "da": "from", "no": "from", "от": "from",
        "date": "date", "sent": "date", "datum": "date", "gesendet": "date", "envoyé": "date", "fecha": "date",
        "enviado": "date", "data": "date", "inviato": "date", "verzonden": "date", "datums": "date", "nosūtīts": "date",
        "отправлено": "date", "дата": "date", "送信日時": "date", "日付": "date",
        "subject": "subject", "betreff": "subject", "objet": "subject", "asunto": "subject", "assunto": "subject",
        "oggetto": "subject", "onderwerp": "subject", "tēma": "subject", "temats": "subject", "тема": "subject", "件名": "subject",
        "to": "to", "an": "to", "à": "to", "para": "to", "a": "to", "aan": "to", "kam": "to", "кому": "to", "宛先": "to",
        "cc": "cc", "kopie": "cc", "копия": "cc",
    ]

    struct HeaderBlock {
        var fields: [String: String]
        var bodyStart: Int
        var isQuoted: Bool
    }

    /// The pseudo-headers after the marker at `marker`: at least a From or Subject line within the first lines.
    static func headerBlock(in lines: [Substring], after marker: Int) -> HeaderBlock? {
        var index = marker + 1
        while index < lines.count, MailText.isBlank(lines[index]) || lines[index].trimmingMailWhitespace() == ">" {
            index += 1
            if index - marker > 3 { return nil }
        }
        guard index < lines.count else { return nil }
        let isQuoted = lines[index].hasPrefix(">")
        var fields: [String: String] = [:]
        var lastField: String?
        // Bounded: a real block is a handful of lines (a long To: list perhaps a few dozen), and an unbounded scan
        // from every marker-like line of a hostile body would be quadratic.
        let limit = min(lines.count, index + 40)
        while index < limit {
            var line = lines[index]
            if isQuoted {
                guard let inner = unquoted(line) else { break }
                line = inner
            }
            if MailText.isBlank(line) {
                if !fields.isEmpty {
                    index += 1
                    break
                }
            } else if let (field, value) = pseudoHeader(line) {
                if fields[field] == nil { fields[field] = value }
                lastField = field
            } else if let field = lastField, isContinuation(line, of: field, value: fields[field] ?? "") {
                fields[field, default: ""] += " " + line.trimmingMailWhitespace()
            } else {
                break  // no blank line between pseudo-headers and the text
            }
            if fields.isEmpty && index - marker > 3 { return nil }
            index += 1
        }
        guard fields["from"] != nil || fields["subject"] != nil else { return nil }
        return HeaderBlock(fields: fields, bodyStart: index, isQuoted: isQuoted)
    }

    /// A wrapped pseudo-header line: indented, or the rest of a long To/Cc list (Gmail wraps it at ~78
    /// columns, often inside an address).
    private static func isContinuation(_ line: Substring, of field: String, value: String) -> Bool {
        if line.first == " " || line.first == "\t" { return true }
        guard field == "to" || field == "cc" else { return false }
        return line.contains("@") || value.hasSuffix(",") || value.hasSuffix(";")
    }

    /// "From: x", "*From:* x", "**From:** x" → ("from", "x").
    static func pseudoHeader(_ line: Substring) -> (String, String)? {
        // Labels are short: a colon further in is not a pseudo-header (and this runs on many lines).
        guard line.utf8.prefix(40).contains(0x3A), let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].filter { $0 != "*" }.trimmingMailWhitespace().lowercased()
        guard label.count <= 12, let field = labels[label] else { return nil }
        let value = line[line.index(after: colon)...].drop { $0 == "*" }.trimmingMailWhitespace()
        return (field, value)
    }

    /// One level of ">" quoting removed, or nil when the line is not quoted.
    private static func unquoted(_ line: Substring) -> Substring? {
        guard line.hasPrefix(">") else { return nil }
        let rest = line.dropFirst()
        return rest.hasPrefix(" ") ? rest.dropFirst() : rest
    }

    /// Outlook writes `Name [mailto:a@x]` and HTML-to-text leaves `a@x<mailto:a@x>`; both become plain addresses.
    private static func cleanedAddresses(_ value: String) -> String {
        var text = value
        while let start = text.range(of: "<mailto:", options: .caseInsensitive),
              let end = text[start.upperBound...].firstIndex(of: ">") {
            text.removeSubrange(start.lowerBound ... end)
        }
        while let start = text.range(of: "[mailto:", options: .caseInsensitive),
              let end = text[start.upperBound...].firstIndex(of: "]") {
            let address = text[start.upperBound ..< end]
            text.replaceSubrange(start.lowerBound ... end, with: "<" + address + ">")
        }
        return text
    }
}
