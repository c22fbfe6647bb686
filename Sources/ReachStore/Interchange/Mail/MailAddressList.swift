/// Parses address headers (From, To, Cc): `"Bērziņa, Līga" <liga@studio.lv>, bob@x.example (Bob), team: a@x, b@y;`.
///
/// RFC 5322 syntax, leniently: quoted names may contain commas, comments are names for bare addresses, groups
/// contribute their members (an empty group such as `undisclosed-recipients:;` contributes none), an unclosed
/// quote, comment or bracket runs to the end. Encoded words in names are decoded after the list is split, so a
/// comma inside an encoded name cannot split it.
enum MailAddressList {
    private enum Token {
        case word(String, raw: String, spaceBefore: Bool)  // an atom or quoted string; raw keeps the quotes
        case comment(String)
        case angle(String)
        case comma, colon, semicolon
    }

    static func parse(_ value: String) -> [MailAddress] {
        var addresses: [MailAddress] = []
        var words: [(text: String, raw: String, spaceBefore: Bool)] = []
        var comments: [String] = []
        var angle: String?
        var inGroup = false

        func finishMailbox() {
            defer {
                words.removeAll()
                comments.removeAll()
                angle = nil
            }
            if let angle {
                let address = stripRoute(angle).trimmingMailWhitespace()
                guard !address.isEmpty else { return }
                let phrase = words.map(\.text).joined(separator: " ")
                addresses.append(MailAddress(name: displayName(phrase, address: address), address: address))
            } else if !words.isEmpty {
                var address = ""
                for (offset, word) in words.enumerated() {
                    if offset > 0 && word.spaceBefore { address += " " }
                    address += word.raw
                }
                address = address.trimmingMailWhitespace()
                guard !address.isEmpty else { return }
                let name = comments.first.flatMap { displayName($0, address: address) }
                addresses.append(MailAddress(name: name, address: address))
            }
        }

        for token in tokens(value) {
            switch token {
            case let .word(text, raw, spaceBefore):
                if angle == nil { words.append((text, raw, spaceBefore)) }  // text after <addr> is junk
            case let .comment(text):
                comments.append(text)
            case let .angle(text):
                if angle == nil { angle = text }
            case .comma:
                finishMailbox()
            case .colon:
                if inGroup || angle != nil {
                    // Not a group start; a stray colon inside something else. Keep it as part of the text.
                    words.append((":", ":", false))
                } else {
                    words.removeAll()  // the group's name is not an address
                    comments.removeAll()
                    inGroup = true
                }
            case .semicolon:
                finishMailbox()
                inGroup = false
            }
        }
        finishMailbox()
        return addresses
    }

    /// The decoded display name, or nil when empty or just the address again (Outlook's `'a@x' <a@x>`).
    private static func displayName(_ phrase: String, address: String) -> String? {
        var name = MailEncodedWords.decode(phrase).trimmingMailWhitespace()
        // Outlook wraps names in single quotes; some mailers double-quote inside an encoded word.
        for quote in ["'", "\""] where name.count >= 2 && name.hasPrefix(quote) && name.hasSuffix(quote) {
            name = String(name.dropFirst().dropLast()).trimmingMailWhitespace()
        }
        if name.isEmpty || name.lowercased() == address.lowercased() { return nil }
        return name
    }

    /// Drops an obsolete source route: `<@relay.example:user@host>` is `user@host`.
    private static func stripRoute(_ address: String) -> String {
        let trimmed = address.trimmingMailWhitespace()
        guard trimmed.hasPrefix("@"), let colon = trimmed.lastIndex(of: ":") else { return trimmed }
        return String(trimmed[trimmed.index(after: colon)...])
    }

    private static func tokens(_ value: String) -> [Token] {
        let scalars = Array(value.unicodeScalars)
        var result: [Token] = []
        var index = 0
        var spaceBefore = false
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r", "\n":
                spaceBefore = true
                index += 1
                continue
            case "(":
                result.append(.comment(MailHeaderValue.skipComment(scalars, &index).trimmingMailWhitespace()))
            case "\"":
                let start = index
                let text = MailHeaderValue.readQuoted(scalars, &index)
                let raw = String(String.UnicodeScalarView(scalars[start ..< index]))
                result.append(.word(text, raw: raw, spaceBefore: spaceBefore))
            case "<":
                var text = String.UnicodeScalarView()
                index += 1
                while index < scalars.count, scalars[index] != ">" {
                    text.append(scalars[index])
                    index += 1
                }
                index += 1
                result.append(.angle(String(text)))
            case ",":
                result.append(.comma)
                index += 1
            case ":":
                result.append(.colon)
                index += 1
            case ";":
                result.append(.semicolon)
                index += 1
            case ")", ">":
                index += 1  // stray closers: nothing to pair them with
            default:
                var text = String.UnicodeScalarView()
                while index < scalars.count {
                    // Mailers put raw commas and colons inside encoded words; the word is one piece of the name.
                    if let end = encodedWordEnd(scalars, at: index) {
                        text.append(contentsOf: scalars[index ..< end])
                        index = end
                        continue
                    }
                    guard !isSpecial(scalars[index]) else { break }
                    text.append(scalars[index])
                    index += 1
                }
                let word = String(text)
                result.append(.word(word, raw: word, spaceBefore: spaceBefore))
            }
            spaceBefore = false
        }
        return result
    }

    /// The end of an RFC 2047 encoded word starting at `start` ("=?charset?B|Q?text?="), or nil if there is none.
    /// Bounded, so scanning a long header for words stays linear.
    private static func encodedWordEnd(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard start + 1 < scalars.count, scalars[start] == "=", scalars[start + 1] == "?" else { return nil }
        var questionMarks = 0
        var index = start + 2
        let limit = min(scalars.count, start + 600)
        while index < limit {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" { return nil }
            if scalar == "?" {
                questionMarks += 1
                if questionMarks == 3 {
                    return index + 1 < scalars.count && scalars[index + 1] == "=" ? index + 2 : nil
                }
            }
            index += 1
        }
        return nil
    }

    /// Characters that end an atom. "@", "." and "[" "]" are kept inside so an addr-spec is one word.
    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\r", "\n", "(", ")", "<", ">", ",", ":", ";", "\"": return true
        default: return false
        }
    }
}
