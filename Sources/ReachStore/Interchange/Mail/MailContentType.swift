/// A structured MIME header value: `text/plain; charset="utf-8"` or `attachment; filename*=UTF-8''na%C3%AFve.txt`.
/// Used for Content-Type and Content-Disposition, where only the main value and a few parameters matter to us.
struct MailHeaderValue: Sendable, Equatable {
    /// The part before the first ";", lowercased and trimmed.
    var value: String
    /// Parameter names lowercased; RFC 2231 continuations and charsets already joined and decoded.
    var parameters: [String: String]

    init(value: String, parameters: [String: String] = [:]) {
        self.value = value
        self.parameters = parameters
    }

    /// Parses leniently: unquoted values may contain spaces, an unterminated quote runs to the end, comments
    /// are dropped, and junk without "=" is ignored.
    init(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        value = MailHeaderValue.readUntilSemicolon(scalars, &index).lowercased()
        var plain: [String: String] = [:]
        var extended: [String: [Int: (text: String, isEncoded: Bool)]] = [:]
        while index < scalars.count {
            index += 1  // the ";"
            var name = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
            name = name.trimmingMailWhitespace().lowercased()
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
            let parameter: String
            if index < scalars.count, scalars[index] == "\"" {
                parameter = MailHeaderValue.readQuoted(scalars, &index)
                _ = MailHeaderValue.readUntilSemicolon(scalars, &index)  // anything after the closing quote
            } else {
                parameter = MailHeaderValue.readUntilSemicolon(scalars, &index)
            }
            guard !name.isEmpty else { continue }
            // RFC 2231: name*=charset'lang'%XX…, name*0=…, name*1*=…
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                var rest = name[name.index(after: star)...]
                let isEncoded = rest.hasSuffix("*") || rest.isEmpty
                if rest.hasSuffix("*") { rest = rest.dropLast() }
                guard let section = rest.isEmpty ? 0 : Int(rest), section >= 0, section < 1_000 else { continue }
                extended[base, default: [:]][section] = (parameter, isEncoded)
            } else if plain[name] == nil {
                plain[name] = parameter
            }
        }
        for (name, sections) in extended {
            plain[name] = MailHeaderValue.joinRFC2231(sections)
        }
        parameters = plain
    }

    /// RFC 2231 §3–4: sections in order; encoded ones are %XX bytes, and the first carries "charset'language'".
    private static func joinRFC2231(_ sections: [Int: (text: String, isEncoded: Bool)]) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        let numbers = sections.keys.sorted()
        for number in numbers {
            guard let section = sections[number] else { continue }
            guard section.isEncoded else {
                bytes.append(contentsOf: section.text.utf8)
                continue
            }
            var text = Substring(section.text)
            if number == numbers.first {
                let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    text = pieces[2]
                }
            }
            bytes.append(contentsOf: percentDecoded(text.utf8))
        }
        return MailCharset.decodeOrGuess(bytes, charset: charset)
    }

    private static func percentDecoded(_ utf8: Substring.UTF8View) -> [UInt8] {
        let input = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = MailTransferEncoding.hexValue(input[index + 1]), let low = MailTransferEncoding.hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }

    /// Reads up to (not including) the next ";", dropping (comments); trimmed.
    private static func readUntilSemicolon(_ scalars: [Unicode.Scalar], _ index: inout Int) -> String {
        var text = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != ";" {
            if scalars[index] == "(" {
                skipComment(scalars, &index)
                continue
            }
            text.append(scalars[index])
            index += 1
        }
        return String(text).trimmingMailWhitespace()
    }

    /// Reads a quoted string starting at its opening quote, handling backslash escapes; an unterminated one runs to the end.
    static func readQuoted(_ scalars: [Unicode.Scalar], _ index: inout Int) -> String {
        var text = String.UnicodeScalarView()
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\"" { break }
            if scalar == "\\", index < scalars.count {
                text.append(scalars[index])
                index += 1
                continue
            }
            text.append(scalar)
        }
        return String(text)
    }

    /// Skips a (possibly nested) comment starting at its "("; returns its text for callers that want it.
    @discardableResult
    static func skipComment(_ scalars: [Unicode.Scalar], _ index: inout Int) -> String {
        var text = String.UnicodeScalarView()
        var depth = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "(":
                depth += 1
                if depth > 1 { text.append(scalar) }
            case ")":
                depth -= 1
                if depth == 0 { return String(text) }
                text.append(scalar)
            case "\\":
                if index < scalars.count {
                    text.append(scalars[index])
                    index += 1
                }
            default:
                text.append(scalar)
            }
        }
        return String(text)
    }
}

/// The Content-Type of an entity, with the RFC 2045 default (text/plain; charset=us-ascii) when it is missing or
/// unusable, and message/rfc822 inside a multipart/digest (RFC 2046 §5.1.5).
struct MailContentType: Sendable, Equatable {
    var type: String
    var subtype: String
    var parameters: [String: String]

    var mimeType: String { type + "/" + subtype }
    var charset: String? { parameters["charset"] }
    var boundary: String? { parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 } }

    init(header: String?, parentIsDigest: Bool = false) {
        let fallback = parentIsDigest ? ("message", "rfc822") : ("text", "plain")
        guard let header else {
            (type, subtype, parameters) = (fallback.0, fallback.1, [:])
            return
        }
        let parsed = MailHeaderValue(parsing: header)
        parameters = parsed.parameters
        let pieces = parsed.value.split(separator: "/", maxSplits: 1).map { $0.trimmingMailWhitespace() }
        if pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty {
            (type, subtype) = (pieces[0], pieces[1])
        } else if parsed.value == "text" {
            (type, subtype) = ("text", "plain")  // "Content-Type: text" from old mailers
        } else {
            (type, subtype) = ("text", "plain")
            parameters = [:]
        }
    }
}
