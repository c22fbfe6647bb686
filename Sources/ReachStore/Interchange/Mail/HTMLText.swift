/// HTML mail to plain text, for messages without a text/plain version.
///
/// Not a browser: one linear pass over the bytes that keeps the text, turns block elements into line breaks
/// (<p> and headings into paragraphs), list items into "- " lines, and <blockquote> content into "> " lines so
/// that `MailMessage.newText` drops quoted replies the same way as in plain-text mail. <head>, <script>, <style>
/// and comments are dropped; entities are decoded; runs of whitespace collapse to one space except in <pre>.
/// Link targets that the link text does not show are kept as " (https://…)": creators send links to posts and
/// media kits, and the URL is the information. Malformed markup never makes it fail: an unterminated tag or
/// comment ends the text, and each byte is looked at a bounded number of times.
enum MailHTMLText {
    static func text(from html: String) -> String {
        var converter = MailHTMLConverter(input: Array(html.utf8))
        converter.run()
        return converter.result()
    }

    /// Named character references mail actually uses; unknown names stay literal.
    static let entities: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "minus": "\u{2212}",
            "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
            "bdquo": "\u{201E}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "euro": "\u{20AC}", "trade": "\u{2122}",
            "bull": "\u{2022}", "prime": "\u{2032}", "Prime": "\u{2033}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
            "permil": "\u{2030}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "zwnj": "\u{200C}",
            "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}", "larr": "\u{2190}", "uarr": "\u{2191}",
            "rarr": "\u{2192}", "darr": "\u{2193}", "harr": "\u{2194}", "hearts": "\u{2665}", "OElig": "\u{152}",
            "oelig": "\u{153}", "Scaron": "\u{160}", "scaron": "\u{161}", "Yuml": "\u{178}", "fnof": "\u{192}",
            "circ": "\u{2C6}", "tilde": "\u{2DC}", "Zcaron": "\u{17D}", "zcaron": "\u{17E}",
        ]
        // Latin-1 (U+00A0–U+00FF) in code point order.
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
            acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
            Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
            Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
            ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
            oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            if let scalar = Unicode.Scalar(UInt32(0xA0 + offset)) { table[String(name)] = scalar }
        }
        return table
    }()
}

/// The state of one conversion: the input position and the output built line by line, each line remembering
/// the blockquote depth it started at.
private struct MailHTMLConverter {
    let input: [UInt8]
    var index = 0
    var lines: [(depth: Int, text: [UInt8])] = []
    var line: [UInt8] = []
    var lineDepth = 0
    var quoteDepth = 0
    var preDepth = 0
    var pendingSpace = false
    var anchor: (href: [UInt8], text: [UInt8])?
    /// Elements whose closing tag was searched for and not found: searching again could only fail again,
    /// and would make "<style><style>…" quadratic.
    var missingClose: Set<[UInt8]> = []
    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)

    init(input: [UInt8]) {
        self.input = input
    }

    mutating func run() {
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") {
                markup()
            } else if byte == UInt8(ascii: "&") {
                let (bytes, length) = MailHTMLConverter.entity(in: input, at: index)
                index += length
                write(bytes)
            } else if byte == 0xC2, index + 1 < input.count, input[index + 1] == 0xA0 {
                index += 2
                write([0x20])  // a raw no-break space is a space in text
            } else {
                index += 1
                write(byte)
            }
        }
        if !line.isEmpty { newline() }
    }

    func result() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(lines.reduce(0) { $0 + $1.text.count + 4 })
        var previousBlank = true  // also drops leading blank lines
        for (depth, text) in lines {
            var content = text[...]
            while let last = content.last, last == 0x20 || last == 0x09 { content = content.dropLast() }
            let isBlank = content.isEmpty && depth == 0
            if isBlank && previousBlank { continue }
            previousBlank = isBlank
            if depth > 0 {
                output.append(contentsOf: [UInt8](repeating: UInt8(ascii: ">"), count: depth))
                if !content.isEmpty { output.append(0x20) }
            }
            output.append(contentsOf: content)
            output.append(0x0A)
        }
        while let last = output.last, last == 0x0A { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Output

    mutating func write(_ bytes: [UInt8]) {
        for byte in bytes { write(byte) }
    }

    mutating func write(_ byte: UInt8) {
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
            if preDepth > 0 {
                if byte == 0x0A { newline() } else if byte != 0x0D { append(byte) }
            } else {
                pendingSpace = true
            }
            return
        }
        if pendingSpace, !line.isEmpty, line.last != 0x20 { append(0x20) }
        append(byte)
    }

    private mutating func append(_ byte: UInt8) {
        if line.isEmpty { lineDepth = quoteDepth }
        line.append(byte)
        anchor?.text.append(byte)
        pendingSpace = false
    }

    mutating func newline() {
        lines.append((line.isEmpty ? quoteDepth : lineDepth, line))
        line.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    mutating func lineBreak() {
        if !line.isEmpty { newline() }
        pendingSpace = false
    }

    mutating func paragraphBreak() {
        lineBreak()
        if let last = lines.last, !last.text.isEmpty { newline() }
    }

    // MARK: Markup

    /// At "<": a comment, a declaration, a tag, or a literal "<" in text.
    mutating func markup() {
        let next = index + 1
        if input[index...].starts(with: MailHTMLConverter.commentOpen) {
            index = find(MailHTMLConverter.commentClose, from: index + 4).map { $0 + 3 } ?? input.count
            return
        }
        if next < input.count, input[next] == UInt8(ascii: "!") || input[next] == UInt8(ascii: "?") {
            index = find([UInt8(ascii: ">")], from: next).map { $0 + 1 } ?? input.count
            return
        }
        var position = next
        let closing = position < input.count && input[position] == UInt8(ascii: "/")
        if closing { position += 1 }
        guard position < input.count, MailHTMLConverter.isLetter(input[position]) else {
            if closing {
                index = find([UInt8(ascii: ">")], from: position).map { $0 + 1 } ?? input.count
            } else {
                index += 1
                write(UInt8(ascii: "<"))
            }
            return
        }
        let nameStart = position
        while position < input.count, MailHTMLConverter.isNameByte(input[position]) { position += 1 }
        // Short names are small strings (no allocation); nothing we act on is longer than 10 bytes.
        let name = String(decoding: input[nameStart ..< min(position, nameStart + 16)], as: UTF8.self).lowercased()
        var href: [UInt8]?
        (position, href) = attributes(from: position, wantHref: !closing && name == "a")
        index = position
        element(name, closing: closing, href: href)
    }

    /// Skips a tag's attributes up to and including ">", returning where the tag ends and the href if asked.
    private func attributes(from start: Int, wantHref: Bool) -> (Int, [UInt8]?) {
        var position = start
        var href: [UInt8]?
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: ">") { return (position + 1, href) }
            if MailHTMLConverter.isSpace(byte) || byte == UInt8(ascii: "/") {
                position += 1
                continue
            }
            let nameStart = position
            while position < input.count, !MailHTMLConverter.isSpace(input[position]),
                  input[position] != UInt8(ascii: "="), input[position] != UInt8(ascii: ">") {
                position += 1
            }
            let valueNameEnd = position
            while position < input.count, MailHTMLConverter.isSpace(input[position]) { position += 1 }
            guard position < input.count, input[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < input.count, MailHTMLConverter.isSpace(input[position]) { position += 1 }
            var value: ArraySlice<UInt8> = []
            if position < input.count, input[position] == UInt8(ascii: "\"") || input[position] == UInt8(ascii: "'") {
                let quote = input[position]
                let closeQuote = find([quote], from: position + 1) ?? input.count
                value = input[(position + 1) ..< closeQuote]
                position = min(closeQuote + 1, input.count)
            } else {
                let valueStart = position
                while position < input.count, !MailHTMLConverter.isSpace(input[position]), input[position] != UInt8(ascii: ">") {
                    position += 1
                }
                value = input[valueStart ..< position]
            }
            if wantHref, href == nil, position - nameStart >= 4,
               input[nameStart ..< nameStart + 4].map({ $0 | 0x20 }) == Array("href".utf8), nameStart + 4 == valueNameEnd {
                href = MailHTMLConverter.decodeEntities(value)
            }
        }
        return (position, href)
    }

    private mutating func element(_ name: String, closing: Bool, href: [UInt8]?) {
        switch name {
        case "br":
            newline()
        case "p", "h1", "h2", "h3", "h4", "h5", "h6":
            paragraphBreak()
        case "div", "tr", "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "address",
             "center", "form", "fieldset", "figure", "figcaption", "nav", "aside", "main", "hr", "tbody", "thead",
             "tfoot", "caption", "details", "summary":
            lineBreak()
        case "li":
            lineBreak()
            if !closing {
                append(UInt8(ascii: "-"))
                append(0x20)
            }
        case "blockquote":
            lineBreak()
            quoteDepth = closing ? max(0, quoteDepth - 1) : quoteDepth + 1
        case "pre":
            lineBreak()
            preDepth = closing ? max(0, preDepth - 1) : preDepth + 1
        case "td", "th":
            if !closing && !line.isEmpty { pendingSpace = true }
        case "a":
            if closing { finishAnchor() } else if anchor == nil, let href { anchor = (href, []) }
        case "head", "script", "style", "title", "template", "svg", "object", "xml":
            if !closing { skipContent(of: Array(name.utf8)) }
        default:
            break  // inline elements (span, b, font, img…) add nothing
        }
    }

    /// Drops everything up to the element's closing tag. Without one nothing is dropped: a page whose <style>
    /// is never closed still shows its text rather than nothing.
    private mutating func skipContent(of name: [UInt8]) {
        guard !missingClose.contains(name) else { return }
        var position = index
        while let open = find([UInt8(ascii: "<"), UInt8(ascii: "/")], from: position) {
            let nameStart = open + 2
            let nameEnd = nameStart + name.count
            if nameEnd <= input.count, input[nameStart ..< nameEnd].map({ $0 | 0x20 }) == name,
               nameEnd == input.count || !MailHTMLConverter.isNameByte(input[nameEnd]) {
                index = find([UInt8(ascii: ">")], from: nameEnd).map { $0 + 1 } ?? input.count
                return
            }
            position = open + 2
        }
        missingClose.insert(name)
    }

    /// Appends " (url)" after a link whose text does not already show its http(s) target.
    private mutating func finishAnchor() {
        guard let (hrefBytes, textBytes) = anchor else { return }
        anchor = nil
        let href = String(decoding: hrefBytes, as: UTF8.self).trimmingMailWhitespace()
        let text = String(decoding: textBytes, as: UTF8.self).trimmingMailWhitespace()
        let lower = href.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !text.isEmpty else { return }
        let bare = href.drop { $0 != ":" }.dropFirst().drop { $0 == "/" }  // without "https://"
        if text.contains(bare.hasSuffix("/") ? String(bare.dropLast()) : String(bare)) { return }
        pendingSpace = true
        write(Array("(\(href))".utf8))
    }

    // MARK: Scanning helpers

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start < input.count else { return nil }
        var position = start
        while position < input.count {
            guard let hit = input[position...].firstIndex(of: first) else { return nil }
            if input[hit...].starts(with: needle) { return hit }
            position = hit + 1
        }
        return nil
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Decodes the character reference at `start` ("&"): the UTF-8 of the character and how many bytes it took.
    /// Numeric references 128–159 are Windows-1252, as in browsers; invalid ones are U+FFFD; an unknown name is a
    /// literal "&". A soft hyphen (&shy;) decodes to nothing.
    static func entity(in input: [UInt8], at start: Int) -> (bytes: [UInt8], length: Int) {
        var position = start + 1
        if position < input.count, input[position] == UInt8(ascii: "#") {
            position += 1
            let hex = position < input.count && (input[position] | 0x20) == UInt8(ascii: "x")
            if hex { position += 1 }
            var value: UInt32 = 0
            var digits = 0
            while position < input.count {
                let byte = input[position]
                let digit: UInt32?
                if hex {
                    digit = MailTransferEncoding.hexValue(byte).map(UInt32.init)
                } else {
                    digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? UInt32(byte - UInt8(ascii: "0")) : nil
                }
                guard let digit else { break }
                if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
                digits += 1
                position += 1
            }
            guard digits > 0 else { return ([UInt8(ascii: "&")], 1) }
            if position < input.count, input[position] == UInt8(ascii: ";") { position += 1 }
            var scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if value == 0 { scalar = "\u{FFFD}" }
            if value >= 0x80 && value < 0xA0 {
                scalar = MailCharset.windows1252([UInt8(value)]).unicodeScalars.first ?? "\u{FFFD}"
            }
            return (Array(String(scalar).utf8), position - start)
        }
        let nameStart = position
        while position < input.count, position - nameStart < 32, isLetter(input[position]) || (input[position] >= 0x30 && input[position] <= 0x39) {
            position += 1
        }
        guard position < input.count, input[position] == UInt8(ascii: ";"), position > nameStart,
              let scalar = MailHTMLText.entities[String(decoding: input[nameStart ..< position], as: UTF8.self)]
        else { return ([UInt8(ascii: "&")], 1) }
        if scalar == "\u{AD}" { return ([], position + 1 - start) }
        if scalar == "\u{A0}" { return ([0x20], position + 1 - start) }
        return (Array(String(scalar).utf8), position + 1 - start)
    }

    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        var position = 0
        while position < input.count {
            if input[position] == UInt8(ascii: "&") {
                let (decoded, length) = entity(in: input, at: position)
                output.append(contentsOf: decoded)
                position += length
            } else {
                output.append(input[position])
                position += 1
            }
        }
        return output
    }
}
