import ReachJSON

/// Writes `JSONValue` as the on-disk format: two-space indent, keys sorted by UTF-8 bytes, trailing newline.
///
/// Byte-order key sorting is the same on every platform and Foundation version, so a file only
/// changes where its data changed and diffs stay readable.
enum JSONWriter {
    static func bytes(of value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, indent: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// `bytes(of: .array(...))` with each element made only when it is written: an export of 100,000 records
    /// then holds one record's tree at a time, not all of them (1 GB at 100k).
    static func arrayBytes(count: Int, element: (Int) throws -> JSONValue) rethrows -> [UInt8] {
        var out: [UInt8] = []
        var array = ArrayStream()
        for position in 0..<count { array.append(try element(position), into: &out) }
        array.end(into: &out)
        return out
    }

    /// A top-level array written an element at a time, into as many buffers as the caller likes: the same bytes
    /// as `bytes(of: .array(...))`, so an export can go out while it is read.
    struct ArrayStream {
        private var count = 0

        /// An element's text as the stream writes it, made apart (on another thread) and added with `append`.
        static func text(of element: JSONValue) -> [UInt8] {
            var out: [UInt8] = []
            JSONWriter.write(element, indent: 1, into: &out)
            return out
        }

        mutating func append(_ element: JSONValue, into out: inout [UInt8]) {
            startElement(into: &out)
            JSONWriter.write(element, indent: 1, into: &out)
        }

        mutating func append(text element: [UInt8], into out: inout [UInt8]) {
            startElement(into: &out)
            out.append(contentsOf: element)
        }

        private mutating func startElement(into out: inout [UInt8]) {
            out.append(UInt8(ascii: count == 0 ? "[" : ","))
            JSONWriter.newline(1, into: &out)
            count += 1
        }

        func end(into out: inout [UInt8]) {
            if count == 0 {
                out.append(contentsOf: "[]".utf8)
            } else {
                JSONWriter.newline(0, into: &out)
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// An array at `indent`, its elements asked for one at a time.
    private static func writeArray(count: Int, indent: Int, into out: inout [UInt8],
                                   element: (Int) throws -> JSONValue) rethrows {
        guard count > 0 else { return out.append(contentsOf: "[]".utf8) }
        out.append(UInt8(ascii: "["))
        for position in 0..<count {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            newline(indent + 1, into: &out)
            write(try element(position), indent: indent + 1, into: &out)
        }
        newline(indent, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): JSONEscaping.writeString(text, into: &out)
        case .array(let elements):
            writeArray(count: elements.count, indent: indent, into: &out) { elements[$0] }
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (position, key) in keys.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                JSONEscaping.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                if let member = members[key] { write(member, indent: indent + 1, into: &out) }
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }
}
