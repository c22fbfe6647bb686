/// How the data folder's files write a string (`JSONWriter`), shared with the check that a file is already in that
/// form (`FolderForm`).
package enum JSONEscaping {
    /// The byte a one-letter escape (`\n`, `\"`, …) stands for, or nil for `u` and for letters JSON has no escape for.
    @inline(__always)
    package static func byte(ofEscape letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes what JSON requires, and also DEL, C1 controls, bidi controls and line/paragraph
    /// separators: they are valid raw in JSON, but a person reads these files with `cat`, `less` and
    /// `git diff`, where a raw CSI (U+009B) drives the terminal and an RLO (U+202E) reorders the line.
    package static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings are printable ASCII with nothing to escape: copied in one go.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069:
                out.append(contentsOf: "\\u".utf8)
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.append(hexDigits[Int((scalar.value >> UInt32(shift)) & 0xF)])
                }
            case 0..<0x80: out.append(UInt8(scalar.value))
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
