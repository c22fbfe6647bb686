import Foundation
import ReachJSON

/// A streaming RFC 4180 reader for the CSV files people actually have: UTF-8 with or without a BOM,
/// `,` `;` or tab separated (detected from the header), quoted fields with commas, quotes and line
/// breaks inside, CRLF/LF/CR line ends, blank lines.
///
/// Written here rather than using CSV.swift's reader because an import must report the physical line
/// of each row (a quoted field with line breaks spans several), name the line of the first byte that
/// is not UTF-8, and say when a quote is never closed; CSV.swift's reader offers none of these.
public struct DelimitedTextReader {
    /// One record and the physical line of the file it starts on (1-based).
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// The file as named in messages.
    public let fileName: String
    /// `,`, `;` or tab: whichever occurs most often outside quotes in the first record.
    public private(set) var delimiter: UInt8 = comma
    private var chunks: ByteChunks
    private var line = 1
    private var field: [UInt8] = []

    private static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")
    private static let quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Opens the file at `path` and detects its encoding marks and delimiter.
    public init(path: String) throws(InterchangeError) {
        try self.init(chunks: ByteChunks(path: path), fileName: path)
    }

    /// Reads `bytes` as if they were a file called `fileName`.
    public init(bytes: [UInt8], fileName: String) throws(InterchangeError) {
        try self.init(chunks: ByteChunks(bytes: bytes, name: fileName), fileName: fileName)
    }

    private init(chunks: ByteChunks, fileName: String) throws(InterchangeError) {
        self.chunks = chunks
        self.fileName = fileName
        let head = chunks.buffer
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.prefix(4096).contains(0) {
            throw .notUTF8(file: fileName, line: 1, encoding: "UTF-16 (Excel's \"Unicode Text\")")
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { self.chunks.skip(3) }
        delimiter = Self.sniffDelimiter(head.dropFirst(self.chunks.index))
    }

    /// Counts candidate delimiters outside quotes in the first record.
    private static func sniffDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [comma: 0, semicolon: 0, tab: 0]
        var inQuotes = false
        for byte in bytes {
            if byte == quote { inQuotes.toggle() }
            else if !inQuotes && (byte == lf || byte == cr) { break }
            else if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = [comma, semicolon, tab].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? comma
        return (counts[best] ?? 0) > 0 ? best : comma
    }

    /// The share of the file read so far (0–1), for a progress line; nil when the size is unknown.
    public var fractionRead: Double? {
        chunks.size.map { $0 > 0 ? min(1, Double(chunks.offset) / Double($0)) : 1 }
    }

    /// The next non-blank record, or nil at the end of the file.
    public mutating func next() throws(InterchangeError) -> Row? {
        while try chunks.peek() != nil {
            let start = line
            var fields: [String] = []
            var endOfRecord = false
            while !endOfRecord {
                let (text, ended) = try readField()
                fields.append(text)
                endOfRecord = ended
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            return Row(line: start, fields: fields)
        }
        return nil
    }

    private func isBlank(_ byte: UInt8) -> Bool {
        byte == Self.space || (byte == Self.tab && delimiter != Self.tab)
    }

    /// Reads one field; the flag is true when it ended the record. Unquoted fields are trimmed;
    /// quoted ones are kept exactly (so leading spaces survive an export/import round trip).
    private mutating func readField() throws(InterchangeError) -> (String, Bool) {
        field.removeAll(keepingCapacity: true)
        let fieldLine = line
        while let byte = try chunks.peek(), isBlank(byte) { chunks.skip(1) }
        var quoted = false
        if try chunks.peek() == Self.quote {
            quoted = true
            chunks.skip(1)
            try readQuoted()
        }
        while true {
            guard let byte = try chunks.next() else { return (try finish(quoted: quoted, line: fieldLine), true) }
            switch byte {
            case delimiter:
                return (try finish(quoted: quoted, line: fieldLine), false)
            case Self.lf:
                line += 1
                return (try finish(quoted: quoted, line: fieldLine), true)
            case Self.cr:
                line += 1
                if try chunks.peek() == Self.lf { chunks.skip(1) }
                return (try finish(quoted: quoted, line: fieldLine), true)
            default:
                // Text after a closing quote is malformed; keep it rather than lose data (spaces are dropped).
                if !(quoted && isBlank(byte)) { field.append(byte) }
            }
        }
    }

    /// Reads up to and including the closing quote; `""` is a literal quote.
    private mutating func readQuoted() throws(InterchangeError) {
        let openedOn = line
        while true {
            guard let byte = try chunks.next() else { throw .unterminatedQuote(file: fileName, line: openedOn) }
            switch byte {
            case Self.quote:
                guard try chunks.peek() == Self.quote else { return }
                chunks.skip(1)
                field.append(Self.quote)
            case Self.lf:
                line += 1
                field.append(byte)
            case Self.cr:
                line += 1
                field.append(byte)
                if try chunks.peek() == Self.lf {
                    chunks.skip(1)
                    field.append(Self.lf)
                }
            default:
                field.append(byte)
            }
        }
    }

    /// Decodes the field's bytes as UTF-8, or names the line of the first byte that is not.
    private func finish(quoted: Bool, line fieldLine: Int) throws(InterchangeError) -> String {
        var bytes = field[...]
        if !quoted {
            while let last = bytes.last, isBlank(last) { bytes = bytes.dropLast() }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let bad = bytes.withContiguousStorageIfAvailable { UTF8Check.firstInvalidOffset(in: $0) } ?? nil
        let before = bytes.prefix(bad ?? 0)
        let breaks = before.filter { $0 == Self.lf }.count + before.filter { $0 == Self.cr }.count
            - zip(before, before.dropFirst()).filter { $0 == Self.cr && $1 == Self.lf }.count
        throw .notUTF8(file: fileName, line: fieldLine + breaks, encoding: "Latin-1 or Windows-1252")
    }
}
