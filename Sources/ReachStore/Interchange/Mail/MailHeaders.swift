/// The header fields of a message or MIME part, unfolded, in their original order.
/// Values are raw (RFC 2047 words still encoded): how to decode depends on the field's syntax.
struct MailHeaders: Sendable {
    struct Field: Sendable {
        /// Lowercased, because header names are case-insensitive.
        var name: String
        /// Unfolded (the line breaks of folding removed, the whitespace after them kept) and trimmed.
        var value: String
    }

    var fields: [Field] = []

    /// The first field named `name` (lowercase). The first wins for duplicates: later copies are usually added by
    /// lists or gateways, and the first is what the sender's mailer wrote.
    func first(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Whether any field is one an email message has; text that merely starts with "Note: …" is not a message.
    var looksLikeMessage: Bool {
        fields.contains { MailHeaders.messageFieldNames.contains($0.name) }
    }

    private static let messageFieldNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "sender", "reply-to", "received", "return-path",
        "delivered-to", "mime-version", "content-type", "in-reply-to", "references", "x-mailer", "user-agent",
        "resent-from", "resent-date", "envelope-to", "dkim-signature", "authentication-results", "list-id",
    ]
}

/// One entity (a message or a MIME body part): its headers and the bytes of its body.
struct MailEntity: Sendable {
    var headers: MailHeaders
    var body: ArraySlice<UInt8>

    /// Splits at the first empty line. A line that is neither a header nor a continuation also ends the headers
    /// (and starts the body), as mailers do with broken messages, instead of swallowing the text as a header.
    /// With `isTopLevel`, a UTF-8 BOM, leading blank lines and an mbox "From " line (procmail) are skipped first.
    static func split(_ bytes: ArraySlice<UInt8>, isTopLevel: Bool = false) -> MailEntity {
        var index = bytes.startIndex
        let end = bytes.endIndex
        if isTopLevel {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
            while index < end {  // leading blank lines
                let lineEnd = endOfLine(bytes, from: index)
                guard contentEnd(bytes, index, lineEnd) == index else { break }
                index = nextLine(bytes, lineEnd)
            }
            if bytes[index...].starts(with: Array("From ".utf8)) { index = nextLine(bytes, endOfLine(bytes, from: index)) }
        }
        var fields: [MailHeaders.Field] = []
        var name: String?
        var value: [UInt8] = []
        func finishField() {
            if let name {
                fields.append(MailHeaders.Field(name: name, value: MailCharset.guess(value).trimmingMailWhitespace()))
            }
            name = nil
            value.removeAll(keepingCapacity: true)
        }
        while index < end {
            let lineEnd = endOfLine(bytes, from: index)
            let content = contentEnd(bytes, index, lineEnd)
            if content == index {  // the empty line: headers end
                finishField()
                return MailEntity(headers: MailHeaders(fields: fields), body: bytes[nextLine(bytes, lineEnd) ..< end])
            }
            let first = bytes[index]
            if first == 0x20 || first == 0x09 {
                // Continuation: unfolding removes the line break and keeps the whitespace. A stray one before any
                // field is ignored.
                if name != nil { value.append(contentsOf: bytes[index ..< content]) }
            } else if let colon = headerColon(bytes, index, content) {
                finishField()
                name = String(decoding: bytes[index ..< colon], as: UTF8.self).trimmingMailWhitespace().lowercased()
                value.append(contentsOf: bytes[(colon + 1) ..< content])
            } else {
                finishField()
                return MailEntity(headers: MailHeaders(fields: fields), body: bytes[index ..< end])
            }
            index = nextLine(bytes, lineEnd)
        }
        finishField()
        return MailEntity(headers: MailHeaders(fields: fields), body: bytes[end ..< end])
    }

    /// Index of the LF ending the line that starts at `start`, or the end of the bytes.
    static func endOfLine(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
    }

    static func nextLine(_ bytes: ArraySlice<UInt8>, _ lineEnd: Int) -> Int {
        lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
    }

    /// The end of the line's content: before the LF and a CR preceding it.
    static func contentEnd(_ bytes: ArraySlice<UInt8>, _ start: Int, _ lineEnd: Int) -> Int {
        lineEnd > start && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
    }

    /// The colon of a header line: a name of printable ASCII other than ":", optional whitespace (obsolete syntax
    /// "Subject :"), then ":". Nil when the line is not a header.
    private static func headerColon(_ bytes: ArraySlice<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end, bytes[index] > 0x20, bytes[index] < 0x7F, bytes[index] != UInt8(ascii: ":") { index += 1 }
        guard index > start else { return nil }
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index < end && bytes[index] == UInt8(ascii: ":") ? index : nil
    }
}
