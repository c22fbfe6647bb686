import Foundation
import ReachCore

/// JSON files holding an array of records, the shape `reach export --format json` writes and
/// `reach import` reads: each element is decoded on its own so one bad record is reported with its
/// line while the others still import.
enum JSONRecordFile {
    /// One element of the array and the line it starts on.
    struct Element {
        var line: Int
        var value: JSONValue
    }

    /// The elements of the array in the file at `path` (whole-file syntax errors name line and column).
    static func elements(path: String) throws(InterchangeError) -> [Element] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotRead(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        let bytes = [UInt8](data)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            if error.reason.hasPrefix("invalid UTF-8") {
                throw .notUTF8(file: path, line: TextPosition.of(offset: error.offset, in: bytes).line, encoding: "Latin-1 or Windows-1252")
            }
            throw .invalidJSON(file: path, position: TextPosition.of(offset: error.offset, in: bytes), reason: error.reason)
        }
        guard case .array(let values) = value else { throw .notAnArray(file: path) }
        let offsets = elementOffsets(bytes)
        var line = 1
        var scanned = 0
        var out: [Element] = []
        out.reserveCapacity(values.count)
        for (index, element) in values.enumerated() {
            let offset = index < offsets.count ? offsets[index] : scanned
            line += bytes[scanned..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            scanned = offset
            out.append(Element(line: line, value: element))
        }
        return out
    }

    /// Byte offsets where the top-level array's elements start, in one pass (asking the parser for
    /// each element's position separately would be quadratic on a 100,000-record file).
    static func elementOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var depth = 0
        var inString = false
        var escaped = false
        var expectElement = false
        for (i, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            default: break
            }
            if depth == 1 && expectElement && byte != UInt8(ascii: "]") {
                offsets.append(i)
                expectElement = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { expectElement = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectElement = true }
            default: break
            }
        }
        return offsets
    }

    /// Decodes one element as a record, or says which field is wrong.
    static func decode<R: Decodable>(_ type: R.Type, from value: JSONValue) -> Result<R, RowRejection> {
        let data = Data(JSONWriter.bytes(of: value))
        do {
            return .success(try RecordCoding.makeDecoder().decode(R.self, from: data))
        } catch {
            return .failure(RowRejection(reason: RecordCoding.explain(error, in: data).reason))
        }
    }

    /// Records as one pretty JSON array in the data folder's own format (stable key order, one trailing newline).
    static func bytes<R: Encodable>(of records: [R]) throws -> [UInt8] {
        try JSONWriter.arrayBytes(count: records.count) { try RecordCoding.encode(records[$0], what: "an exported record") }
    }
}
