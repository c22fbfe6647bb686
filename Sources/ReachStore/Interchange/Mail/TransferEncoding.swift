/// Content-Transfer-Encoding decoders. Both are forgiving because mailers and gateways are not: a broken escape
/// is kept as written, and base64 noise (line breaks, stray characters, missing padding) is skipped.
enum MailTransferEncoding {
    /// Decodes `bytes` according to a Content-Transfer-Encoding value; 7bit, 8bit, binary and unknown values pass through.
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch encoding?.lowercased().trimmingMailWhitespace() {
        case "quoted-printable": return quotedPrintable(bytes)
        case "base64": return base64(bytes)
        default: return Array(bytes)
        }
    }

    /// RFC 2045 §6.7: `=XX` (either case) is a byte, `=` before a line end is a soft break, other `=` stay literal,
    /// and whitespace a transport added at the end of a line is dropped.
    static func quotedPrintable(_ input: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var trailingSpaceStart: Int?  // where literal spaces/tabs at the end of the output began
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "="):
                if index + 2 < count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    trailingSpaceStart = nil
                    index += 3
                    continue
                }
                // A soft line break, possibly with whitespace between "=" and the line end.
                var look = index + 1
                while look < count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look < count, bytes[look] == 0x0A {
                    index = look + 1
                    continue
                }
                if look + 1 < count, bytes[look] == 0x0D, bytes[look + 1] == 0x0A {
                    index = look + 2
                    continue
                }
                if look == count { index = count; continue }  // "=" at the very end: a soft break before EOF
                output.append(byte)
                trailingSpaceStart = nil
                index += 1
            case 0x20, 0x09:
                if trailingSpaceStart == nil { trailingSpaceStart = output.count }
                output.append(byte)
                index += 1
            case 0x0D, 0x0A:
                if let start = trailingSpaceStart { output.removeSubrange(start...) }
                trailingSpaceStart = nil
                output.append(byte)
                index += 1
            default:
                output.append(byte)
                trailingSpaceStart = nil
                index += 1
            }
        }
        return output
    }

    /// RFC 2045 §6.8, leniently: characters outside the alphabet are ignored, "=" ends a quantum (so concatenated
    /// encodings with padding in the middle still decode), and a final quantum without padding is used as far as it goes.
    static func base64(_ input: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var sextets = 0
        func flushPartial() {
            // 2 sextets carry 1 byte, 3 carry 2; a single sextet carries nothing.
            if sextets == 2 { output.append(UInt8(truncatingIfNeeded: accumulator >> 4)) }
            if sextets == 3 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
            }
            accumulator = 0
            sextets = 0
        }
        for byte in input {
            if byte == UInt8(ascii: "=") {
                flushPartial()
                continue
            }
            let value = base64Values[Int(byte)]
            if value == 0xFF { continue }
            accumulator = accumulator << 6 | UInt32(value)
            sextets += 1
            if sextets == 4 {
                output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                output.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                sextets = 0
            }
        }
        flushPartial()
        return output
    }

    /// 0xFF marks bytes outside the base64 alphabet.
    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
