import Foundation
import ReachJSON

/// A JSON syntax problem at a byte offset; the loader turns the offset into a line and column.
struct JSONSyntaxError: Error, Sendable {
    var offset: Int
    var reason: String
}

/// One step of a path into a JSON document (a `DecodingError`'s coding path, for instance).
enum JSONPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// A strict RFC 8259 parser into `JSONValue` that reports exact byte offsets and bounds nesting depth.
///
/// Foundation's parsers report neither a reliable position nor a clear reason on Linux, and a
/// hand-edited record file deserves "line 12, column 3: expected ',' or '}'".
struct JSONParser {
    /// Deeper documents are refused instead of risking the stack; no record is anywhere near this deep.
    /// The same limit as Foundation's JSONDecoder: a file it loads must also parse here, or its
    /// record would load but never save (the save re-parses it to keep unknown fields).
    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private var target: [JSONPathComponent]?
    private var path: [JSONPathComponent] = []
    private var found: Int?

    private init(bytes: UnsafeBufferPointer<UInt8>, target: [JSONPathComponent]?) {
        self.bytes = bytes
        self.target = target
    }

    /// Parses a whole document: exactly one value surrounded by optional whitespace.
    static func parse(_ data: some ContiguousBytes) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var parser = JSONParser(bytes: buffer, target: nil)
            do throws(JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The byte offset where the value at `path` starts, or nil if the document has no such value.
    static func offset(of path: [JSONPathComponent], in data: some ContiguousBytes) -> Int? {
        data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), target: path)
            _ = try? parser.parseDocument()
            return parser.found
        }
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if let bad = UTF8Check.firstInvalidOffset(in: bytes) {
            throw JSONSyntaxError(offset: bad, reason: "invalid UTF-8 (the file is not text, or not saved as UTF-8)")
        }
        skipWhitespace()
        guard index < bytes.count else {
            throw JSONSyntaxError(offset: index, reason: bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
        }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else {
            throw JSONSyntaxError(offset: index, reason: "unexpected \(describeCurrent()) after the end of the JSON value")
        }
        return value
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        if let target, found == nil, path == target { found = index }
        guard index < bytes.count else { throw endOfFile("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw JSONSyntaxError(offset: index, reason: "expected a value but found \(describeCurrent())")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw JSONSyntaxError(offset: index, reason: "nested more than \(Self.maxDepth) levels deep")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endOfFile("a member name") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(offset: index, reason: "expected a member name in double quotes but found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw endOfFile("':'") }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: index, reason: "expected ':' after member name \"\(key)\" but found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            if target != nil { path.append(.key(key)) }
            members[key] = try parseValue()
            if target != nil { path.removeLast() }
            if try closesAfterElement(UInt8(ascii: "}")) { return .object(members) }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if target != nil { path.append(.index(elements.count)) }
            elements.append(try parseValue())
            if target != nil { path.removeLast() }
            if try closesAfterElement(UInt8(ascii: "]")) { return .array(elements) }
        }
    }

    /// After an object member or array element: consumes `,` (false: another follows) or `closer`
    /// (true: the container ends and its depth is left); anything else is a syntax error naming both.
    private mutating func closesAfterElement(_ closer: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        let expected = "',' or '\(Character(Unicode.Scalar(closer)))'"
        guard index < bytes.count else { throw endOfFile(expected) }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        guard bytes[index] == closer else {
            throw JSONSyntaxError(offset: index, reason: "expected \(expected) but found \(describeCurrent())")
        }
        index += 1
        depth -= 1
        return true
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let opening = index
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw controlCharacter() }
            index += 1
        }
        throw JSONSyntaxError(offset: opening, reason: "a string starting here is never closed (the file looks truncated)")
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapeStart = index
                index += 1
                guard index < bytes.count else { throw endOfFile("an escape sequence") }
                if let byte = JSONEscaping.byte(ofEscape: bytes[index]) {
                    buffer.append(byte)
                } else if bytes[index] == UInt8(ascii: "u") {
                    let scalar = try parseUnicodeEscape(escapeStart: escapeStart)
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                    continue
                } else {
                    throw JSONSyntaxError(offset: escapeStart, reason: "unknown escape sequence \\\(describeCurrent())")
                }
                index += 1
            default:
                if byte < 0x20 { throw controlCharacter() }
                buffer.append(byte)
                index += 1
            }
        }
        throw JSONSyntaxError(offset: start - 1, reason: "a string starting here is never closed (the file looks truncated)")
    }

    /// Reads `uXXXX` (index on the `u`), joining a surrogate pair when one follows.
    private mutating func parseUnicodeEscape(escapeStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try readHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONSyntaxError(offset: escapeStart, reason: "a \\u escape is half of a surrogate pair without its other half")
            }
            index += 1
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONSyntaxError(offset: escapeStart, reason: "a \\u surrogate pair is invalid")
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            if let scalar = Unicode.Scalar(value) { return scalar }
        } else if let scalar = Unicode.Scalar(high) {
            return scalar
        }
        throw JSONSyntaxError(offset: escapeStart, reason: "a \\u escape is half of a surrogate pair without its other half")
    }

    /// Reads four hex digits after the `u` at `index`; leaves `index` just past them.
    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        index += 1
        guard index + 4 <= bytes.count else { throw endOfFile("four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = HexDigit.value(bytes[index]) else {
                throw JSONSyntaxError(offset: index, reason: "expected a hex digit in a \\u escape but found \(describeCurrent())")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw endOfFile("a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            skipDigits()
        } else {
            throw JSONSyntaxError(offset: index, reason: "expected a digit but found \(describeCurrent())")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: index, reason: "expected a digit after the decimal point")
            }
            skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONSyntaxError(offset: index, reason: "expected a digit in the exponent")
            }
            skipDigits()
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard index < bytes.count else { throw endOfFile("'\(literal)'") }
            guard bytes[index] == byte else {
                throw JSONSyntaxError(offset: start, reason: "expected a value but found \(describe(at: start))")
            }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func endOfFile(_ expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: bytes.count, reason: "the file ends where \(expected) was expected (the file looks truncated)")
    }

    private func controlCharacter() -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: "a control character inside a string must be escaped")
    }

    private func describeCurrent() -> String { describe(at: index) }

    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        if let scalar = text.unicodeScalars.first, scalar.properties.isWhitespace || scalar.value < 0x20 {
            return "character U+\(String(scalar.value, radix: 16, uppercase: true))"
        }
        return "'\(text)'"
    }
}
