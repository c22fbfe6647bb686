/// Parses one RFC 5322 email message, as mutt, aerc or procmail pipe it to `reach log --mail`.
///
/// Everything a real message can contain parses: broken MIME, unknown charsets and bad encodings degrade to
/// raw text or U+FFFD, never to an error. Only input that is not a message at all (empty, or no header block)
/// throws. Work is linear in the input and nesting (multiparts, attached messages, inline forwards) is capped at
/// `maximumDepth`, so hostile input cannot make it crash, recurse without end or hang.
public enum MailParser {
    /// How deep multiparts and forwarded messages may nest; real mail rarely goes past 5.
    public static let maximumDepth = 20

    public static func parse(_ bytes: [UInt8]) throws(MailParseError) -> MailMessage {
        guard bytes.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }) else { throw .empty }
        let entity = MailEntity.split(bytes[...], isTopLevel: true)
        guard entity.headers.looksLikeMessage else { throw .noHeaders }
        return message(entity, depth: 0)
    }

    /// The message in `entity`, which sits `depth` levels deep (0 for the piped message).
    static func message(_ entity: MailEntity, depth: Int) -> MailMessage {
        let headers = entity.headers
        let date = headers.first("date").flatMap { MailDate.parse($0) }
        var from = headers.first("from").map(MailAddressList.parse) ?? []
        if from.isEmpty { from = headers.first("sender").map(MailAddressList.parse) ?? [] }
        // To and Cc may be split over several header fields; all of them count (RFC 5322 allows one, mailers differ).
        var message = MailMessage(
            messageID: messageID(headers.first("message-id")),
            from: from,
            to: headers.all("to").flatMap(MailAddressList.parse),
            cc: headers.all("cc").flatMap(MailAddressList.parse),
            subject: MailEncodedWords.decode(headers.first("subject") ?? "").trimmingMailWhitespace(),
            date: date?.date
        )
        let content = MailMimeParts.content(of: entity, depth: depth)
        message.body = content.body
        if let attached = content.forwarded, attached.depth < maximumDepth {
            message.forwarded = self.message(MailEntity.split(attached.bytes[...]), depth: attached.depth + 1)
        } else {
            message.forwarded = MailForwardBlock.parse(body: content.body, subject: message.subject, defaultOffset: date?.offset,
                                                       depth: depth)
        }
        return message
    }

    /// `<abc@host>` → `abc@host`; without brackets the first word; nil when empty.
    static func messageID(_ value: String?) -> String? {
        guard let value else { return nil }
        var id: Substring
        if let open = value.firstIndex(of: "<") {
            let rest = value[value.index(after: open)...]
            id = rest[..<(rest.firstIndex(of: ">") ?? rest.endIndex)]
        } else {
            id = value[...].split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        }
        let trimmed = id.trimmingMailWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
