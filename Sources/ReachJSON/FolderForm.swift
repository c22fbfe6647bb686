import Foundation

/// Whether a document is byte for byte what the data folder's writer (`JSONWriter.bytes`) makes of it: two-space
/// indent, one member or element a line, keys in byte order, strings escaped as `JSONEscaping` does, a final newline.
///
/// Every file Reach writes is; a hand-edited one may not be. The JSON export copies a file in this form as it is
/// (indented one level more) instead of parsing it into a tree and writing the tree again: that was two thirds of
/// exporting 200,000 deals. Anything else (or a document the tape refuses) is left to the parse.
package struct FolderForm {
    private let bytes: UnsafePointer<UInt8>
    private let tape: UnsafePointer<DirectTape.Entry>
    private let count: Int
    /// Where the next byte of the writer's output would be.
    private var position = 0

    private init(_ root: DirectValue, count: Int) {
        bytes = root.bytes
        tape = root.tape
        self.count = count
    }

    /// True when the document of `bytes`, whose tape's root is `root`, is in the folder's form.
    package static func holds(_ root: DirectValue, count: Int) -> Bool {
        var check = FolderForm(root, count: count)
        return check.value(0, depth: 0) && check.expect(UInt8(ascii: "\n")) && check.position == count
    }

    /// The export's text of a document in the folder's form: the same lines, each but the first indented one level
    /// more, without the final newline (`JSONWriter.ArrayStream.text(of:)` of its value).
    package static func elementText(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes.dropLast() {
            out.append(byte)
            // Strings hold no raw newline (the form escapes it), so each is a line break.
            if byte == UInt8(ascii: "\n") { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
        }
        return out
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        guard position < count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func expectLineBreak(depth: Int) -> Bool {
        guard expect(UInt8(ascii: "\n")), count - position >= depth * 2 else { return false }
        for _ in 0..<depth * 2 where !expect(UInt8(ascii: " ")) { return false }
        return true
    }

    /// Checks the value at tape entry `index`; moves past it.
    private mutating func value(_ index: Int, depth: Int) -> Bool {
        let entry = tape[index]
        switch entry.kind {
        case .null, .bool, .number:
            guard Int(entry.start) == position else { return false }
            position = entry.kind == .number ? Int(entry.end)
                : entry.kind == .null ? position + 4 : position + (entry.end == 1 ? 4 : 5)
            return true
        case .string:
            return string(index)
        case .object:
            return container(index, depth: depth, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
        case .array:
            return container(index, depth: depth, open: UInt8(ascii: "["), close: UInt8(ascii: "]"))
        }
    }

    private mutating func container(_ index: Int, depth: Int, open: UInt8, close: UInt8) -> Bool {
        let entry = tape[index]
        guard Int(entry.start) == position, expect(open) else { return false }
        guard entry.aux > 0 else { return expect(close) }
        let isObject = entry.kind == .object
        var member = index + 1
        var previousKey: Int?
        for element in 0..<Int(entry.aux) {
            if element > 0, !expect(UInt8(ascii: ",")) { return false }
            guard expectLineBreak(depth: depth + 1) else { return false }
            if isObject {
                guard keyFollows(previousKey, member), string(member), expect(UInt8(ascii: ":")), expect(UInt8(ascii: " "))
                else { return false }
                previousKey = member
                member += 1
            }
            guard value(member, depth: depth + 1) else { return false }
            member = DirectValue(bytes: bytes, tape: tape, index: member).next
        }
        return expectLineBreak(depth: depth) && expect(close)
    }

    /// Keys in strictly increasing byte order, as the writer sorts them.
    private func keyFollows(_ previous: Int?, _ key: Int) -> Bool {
        guard let previous else { return true }
        let a = tape[previous], b = tape[key]
        let aCount = Int(a.end - a.start), bCount = Int(b.end - b.start)
        let common = memcmp(bytes + Int(a.start), bytes + Int(b.start), min(aCount, bCount))
        return common < 0 || (common == 0 && aCount < bCount)
    }

    /// A string at `position`, written as `JSONEscaping` writes its value.
    private mutating func string(_ index: Int) -> Bool {
        let entry = tape[index]
        let start = Int(entry.start), end = Int(entry.end)
        guard start == position + 1, expect(UInt8(ascii: "\"")) else { return false }
        var plain = entry.flags & DirectTape.Entry.escaped == 0
        if plain {
            for offset in start..<end where bytes[offset] >= 0x7F {
                plain = false
                break
            }
        }
        if !plain {
            guard let text = try? DirectValue(bytes: bytes, tape: tape, index: index).string() else { return false }
            var written: [UInt8] = []
            JSONEscaping.writeString(text, into: &written)
            guard written.count == end - start + 2,
                  written.withUnsafeBufferPointer({ memcmp($0.baseAddress! + 1, bytes + start, end - start) == 0 })
            else { return false }
        }
        position = end
        return expect(UInt8(ascii: "\""))
    }
}

extension DirectDecoding {
    /// `body` given the root of the document's tape, or nil when the tape refuses the document.
    package static func withDocument<T>(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch,
                                        _ body: (DirectValue) -> T?) -> T? {
        guard let count = scratch.tape.build(bytes), count > 0, let base = bytes.baseAddress else { return nil }
        return body(DirectValue(bytes: base, tape: scratch.tape.entries, index: 0))
    }
}
