/// RFC 2047 encoded words (`=?windows-1257?Q?Par_sadarb=EEbu?=`) in unstructured headers and display names.
///
/// Lenient where mailers are sloppy: words are decoded even when glued to other text or inside quotes, and a
/// word may contain spaces. Adjacent words separated only by whitespace are joined without it (§6.2); when they
/// share a charset their bytes are joined *before* charset conversion, because encoders split multi-byte
/// characters across words (ISO-2022-JP escape sequences, UTF-8 sequences). A word whose charset is unknown or
/// whose encoding is broken stays as raw text rather than failing or vanishing.
enum MailEncodedWords {
    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, containsMarker(bytes) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        // The current run of adjacent words in one charset: its charset, decoded bytes, and raw source range.
        var runCharset: String?
        var runBytes: [UInt8] = []
        var runRaw = 0 ..< 0
        func flushRun() {
            guard let charset = runCharset else { return }
            if let decoded = MailCharset.decode(runBytes, charset: charset) {
                output.append(contentsOf: decoded.utf8)
            } else {
                output.append(contentsOf: bytes[runRaw])
            }
            runCharset = nil
            runBytes.removeAll(keepingCapacity: true)
        }
        var literalStart = 0
        var previousWasWord = false
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                  let word = parseWord(bytes, at: index) else {
                index += 1
                continue
            }
            let between = bytes[literalStart ..< index]
            let onlyWhitespace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            let joinsPrevious = previousWasWord && onlyWhitespace
            if !joinsPrevious {
                flushRun()
                output.append(contentsOf: between)
            }
            if let decoded = word.decoded, MailCharset.resolve(word.charset) != nil {
                if joinsPrevious, let charset = runCharset, charset.lowercased() == word.charset.lowercased() {
                    runBytes.append(contentsOf: decoded)
                    runRaw = runRaw.lowerBound ..< word.end
                } else {
                    flushRun()
                    runCharset = word.charset
                    runBytes.append(contentsOf: decoded)
                    // The raw range includes the whitespace a join dropped, in case the charset turns out unknown.
                    runRaw = (joinsPrevious ? literalStart : index) ..< word.end
                }
                previousWasWord = true
            } else {
                // Keep the raw word, and the whitespace before it that a join would have dropped.
                flushRun()
                if joinsPrevious { output.append(contentsOf: between) }
                output.append(contentsOf: bytes[index ..< word.end])
                previousWasWord = false
            }
            index = word.end
            literalStart = word.end
        }
        flushRun()
        output.append(contentsOf: bytes[literalStart...])
        return String(decoding: output, as: UTF8.self)
    }

    private static func containsMarker(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    /// One word starting at `start` ("=?"): its charset, its decoded bytes (nil when the encoding is broken) and
    /// the index after its closing "?=". Nil when the text there is not an encoded word at all.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (charset: String, decoded: [UInt8]?, end: Int)? {
        let question = UInt8(ascii: "?")
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != question {
            if bytes[index] <= 0x20 || index - charsetStart > 64 { return nil }
            index += 1
        }
        guard index > charsetStart, index + 3 < bytes.count, bytes[index + 2] == question else { return nil }
        let charset = String(decoding: bytes[charsetStart ..< index], as: UTF8.self)
        let encoding = bytes[index + 1] | 0x20  // lowercase
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        guard let close = bytes[textStart...].firstIndex(of: question), close + 1 < bytes.count,
              bytes[close + 1] == UInt8(ascii: "=") else { return nil }
        let text = bytes[textStart ..< close]
        if text.contains(0x0A) || text.contains(0x0D) { return nil }
        let decoded = encoding == UInt8(ascii: "b") ? decodeB(text) : decodeQ(text)
        return (charset, decoded, close + 2)
    }

    /// Base64, but nil when the text has characters outside the alphabet: then it was not really base64.
    private static func decodeB(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let valid = text.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }
        return valid ? MailTransferEncoding.base64(text) : nil
    }

    /// RFC 2047 §4.2: "_" is a space, "=XX" a byte; a broken "=" stays literal.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < text.endIndex,
                      let high = MailTransferEncoding.hexValue(text[index + 1]),
                      let low = MailTransferEncoding.hexValue(text[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
