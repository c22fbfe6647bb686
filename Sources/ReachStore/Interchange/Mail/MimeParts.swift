/// Walks a message's MIME tree for the two things Reach wants: the readable body and a forwarded original.
///
/// The body is the first readable text part in document order; in a multipart/alternative the text/plain
/// version is preferred (it is what the sender's mailer wrote for text readers, with its ">" quoting intact) and
/// the HTML one is the fallback, also when the plain one is blank. Attachments (Content-Disposition: attachment)
/// and non-text parts are skipped. The first message/rfc822 part anywhere is the forwarded original.
/// Nesting is capped at `MailParser.maximumDepth`, so a hostile message cannot recurse without end.
enum MailMimeParts {
    struct Content {
        var body: String
        /// The raw bytes of the first message/rfc822 part (transfer encoding undone) and the depth it was found at.
        var forwarded: (bytes: [UInt8], depth: Int)?
    }

    private struct Candidate {
        var text: String
        var isHTML: Bool
        var isBlank: Bool { MailText.isBlank(text) }
    }

    static func content(of entity: MailEntity, depth: Int) -> Content {
        var forwarded: (bytes: [UInt8], depth: Int)?
        let candidate = walk(entity, depth: depth, isRoot: true, parentIsDigest: false, wantBody: true, forwarded: &forwarded)
        var body = ""
        if let candidate {
            body = candidate.isHTML ? MailHTMLText.text(from: candidate.text) : candidate.text
            body = MailText.joinTrimmingBlankLines(MailText.lines(body))
        }
        return Content(body: body, forwarded: forwarded)
    }

    /// The readable text of `entity` (when `wantBody`), recording the first message/rfc822 part in `forwarded`.
    /// With `wantBody` false only the search for a forwarded part continues, without decoding text parts.
    private static func walk(_ entity: MailEntity, depth: Int, isRoot: Bool = false, parentIsDigest: Bool, wantBody: Bool,
                             forwarded: inout (bytes: [UInt8], depth: Int)?) -> Candidate? {
        guard depth <= MailParser.maximumDepth else { return nil }
        let type = MailContentType(header: entity.headers.first("content-type"), parentIsDigest: parentIsDigest)
        let disposition = entity.headers.first("content-disposition").map { MailHeaderValue(parsing: $0).value }
        // A whole message marked "attachment" (some mailers do) is still the message, not something attached to it.
        let isAttachment = disposition == "attachment" && !isRoot

        switch type.type {
        case "multipart":
            guard let boundary = type.boundary else {
                // A multipart without a boundary cannot be split; its body is the best text there is.
                return wantBody && !isAttachment ? Candidate(text: decodeText(entity, type: type), isHTML: false) : nil
            }
            let parts = bodyParts(entity.body, boundary: boundary).map { MailEntity.split($0) }
            let isDigest = type.subtype == "digest"
            if type.subtype == "alternative" {
                var html: Candidate?
                var fallback: Candidate?
                for part in parts {
                    let found = walk(part, depth: depth + 1, parentIsDigest: isDigest, wantBody: wantBody, forwarded: &forwarded)
                    guard let found else { continue }
                    if !found.isHTML && !found.isBlank { return found }
                    if found.isHTML && !found.isBlank && html == nil { html = found }
                    if fallback == nil { fallback = found }
                }
                return html ?? fallback
            }
            var chosen: Candidate?
            for part in parts {
                let found = walk(part, depth: depth + 1, parentIsDigest: isDigest, wantBody: wantBody && chosen == nil,
                                 forwarded: &forwarded)
                if chosen == nil { chosen = found }
                if forwarded != nil && (chosen != nil || !wantBody) { break }
            }
            return chosen
        case "message" where type.subtype == "rfc822" || type.subtype == "global":
            if forwarded == nil {
                let encoding = entity.headers.first("content-transfer-encoding")
                forwarded = (MailTransferEncoding.decode(entity.body, encoding: encoding), depth)
            }
            return nil
        case "text":
            guard wantBody, !isAttachment else { return nil }
            switch type.subtype {
            case "plain", "markdown", "x-markdown":
                return Candidate(text: decodeText(entity, type: type), isHTML: false)
            case "html":
                return Candidate(text: decodeText(entity, type: type), isHTML: true)
            default:
                return nil  // calendar invitations, vCards, CSV…: not a message body
            }
        default:
            return nil
        }
    }

    /// Transfer decoding, then charset conversion, then LF line ends; format=flowed is unwrapped (RFC 3676).
    private static func decodeText(_ entity: MailEntity, type: MailContentType) -> String {
        let bytes = MailTransferEncoding.decode(entity.body, encoding: entity.headers.first("content-transfer-encoding"))
        let text = MailText.normalizingNewlines(MailCharset.decodeOrGuess(bytes, charset: type.charset))
        if type.subtype == "plain", type.parameters["format"]?.lowercased() == "flowed" {
            return MailFlowedText.unflow(text, deleteSpace: type.parameters["delsp"]?.lowercased() == "yes")
        }
        return text
    }

    /// The body parts of a multipart body (RFC 2046 §5.1.1): what lies between delimiter lines "--boundary",
    /// without the line break before each delimiter (it belongs to the delimiter). The preamble and the epilogue
    /// after "--boundary--" are dropped; without a close delimiter the last part runs to the end. A line that only
    /// starts with the delimiter (a longer boundary of a nested part) is not a delimiter.
    static func bodyParts(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        let end = body.endIndex
        while lineStart < end {
            let lineEnd = MailEntity.endOfLine(body, from: lineStart)
            let content = MailEntity.contentEnd(body, lineStart, lineEnd)
            if content - lineStart >= delimiter.count, body[lineStart ..< content].starts(with: delimiter) {
                var rest = body[(lineStart + delimiter.count) ..< content]
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if isClose { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let start = partStart {
                        var partEnd = lineStart
                        if partEnd > start, body[partEnd - 1] == 0x0A { partEnd -= 1 }
                        if partEnd > start, body[partEnd - 1] == 0x0D { partEnd -= 1 }
                        parts.append(body[start ..< partEnd])
                    }
                    if isClose { return parts }
                    partStart = MailEntity.nextLine(body, lineEnd)
                }
            }
            lineStart = MailEntity.nextLine(body, lineEnd)
        }
        if let start = partStart { parts.append(body[start ..< end]) }
        return parts
    }
}
