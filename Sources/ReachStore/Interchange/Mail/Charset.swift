#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Turns bytes in a MIME charset into a String. UTF-8, US-ASCII and Latin-1 are decoded here (most mail is one of
/// them, and they need no converter); everything else goes through glibc's iconv, which knows the Asian, Cyrillic
/// and Baltic charsets that Swift's standard library does not. Invalid bytes become U+FFFD; nothing here fails
/// except an unknown charset name, which returns nil so the caller can keep the raw text instead.
enum MailCharset {
    /// What a label from the wild resolves to.
    enum Resolved: Equatable {
        case utf8
        /// US-ASCII or no usable label: 8-bit bytes are then usually UTF-8 from a careless mailer, else Windows-1252.
        case guess
        /// ISO-8859-1 labels are decoded as Windows-1252, as browsers do: its 0x80–0x9F range (smart quotes, €)
        /// is what senders meant, and C1 control characters are never wanted in mail text.
        case windows1252
        case iconv(String)
    }

    /// Decodes `bytes` in `charset`; nil when the charset is unknown (to us and to iconv).
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String? {
        switch resolve(charset) {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .guess:
            return guess(bytes)
        case .windows1252:
            return windows1252(bytes)
        case let .iconv(name):
            return iconvDecode(Array(bytes), from: name)
        case nil:
            return nil
        }
    }

    /// Decodes with a fallback that never fails: unknown charsets are guessed (UTF-8, else Windows-1252),
    /// because a body in an unknown charset is still better shown than dropped.
    static func decodeOrGuess(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        decode(bytes, charset: charset) ?? guess(bytes)
    }

    /// UTF-8 if the bytes are valid UTF-8 (plain ASCII is), else Windows-1252, which maps every byte to something.
    static func guess(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return windows1252(bytes)
    }

    /// Normalises a label (case, quotes, RFC 2231 language suffix, aliases seen in the wild); nil if unusable.
    static func resolve(_ label: String?) -> Resolved? {
        guard let label else { return .guess }
        var name = label.lowercased()
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231: charset*language
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        if let slashes = name.range(of: "//") { name = String(name[..<slashes.lowerBound]) }  // never let a label ask iconv to //TRANSLIT
        if name.isEmpty { return .guess }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8":
            return .utf8
        case "us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us", "cp367", "ibm367", "csascii",
             "unknown-8bit", "x-unknown", "unknown", "x-user-defined", "default", "charset", "none", "8bit", "7bit":
            return .guess
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "iso_8859-1:1987", "latin1", "latin-1", "l1",
             "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252", "x-windows-1252", "ms-ansi", "csisolatin1":
            return .windows1252
        default:
            break
        }
        // Only plain charset names reach iconv: no paths, options or absurd lengths from a hostile header.
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || "-_.:+()".unicodeScalars.contains(scalar)
        }
        guard allowed, name.count <= 40 else { return nil }
        return .iconv(iconvName(name))
    }

    /// Labels iconv lacks or decodes too strictly, mapped to the (superset) converter mailers actually meant.
    private static func iconvName(_ name: String) -> String {
        switch name {
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "x-ms-cp932", "ms932", "cp932", "windows-31j":
            return "CP932"  // Windows' Shift_JIS: adds NEC/IBM characters Japanese mailers use under the Shift_JIS label
        case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese":
            return "EUC-JP-MS"
        case "iso-2022-jp", "csiso2022jp", "jis", "x-iso-2022-jp":
            return "ISO-2022-JP-2"  // superset; tolerates the extra escape sequences some mailers emit
        case "gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "x-euc-cn", "csgb2312", "gb_2312-80", "chinese", "gb18030":
            return "GB18030"  // text labelled GB2312 routinely contains GBK characters; GB18030 contains both
        case "big5", "x-big5", "cn-big5", "csbig5", "big5-hkscs":
            return "BIG5-HKSCS"
        case "ks_c_5601-1987", "ks_c_5601", "euc-kr", "korean", "cp949", "x-windows-949", "csksc56011987", "windows-949":
            return "CP949"
        case "windows-874", "x-windows-874", "tis-620", "iso-8859-11":
            return "CP874"
        case "x-mac-roman", "mac", "macintosh", "x-mac", "csmacintosh":
            return "MACINTOSH"
        case "iso-8859-8-i", "iso-8859-8-e":
            return "ISO-8859-8"
        case "iso-8859-6-i", "iso-8859-6-e":
            return "ISO-8859-6"
        default:
            break
        }
        // "x-cp1257", "windows-1257", "x-windows-1251" → "CP1257"/"CP1251", names glibc always has.
        for prefix in ["x-windows-", "windows-", "x-cp", "cp-"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return "CP" + digits }
        }
        return name.uppercased()
    }

    /// Windows-1252 to String; the five bytes it leaves undefined map to the C1 code points, as browsers do.
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                let value = windows1252High[Int(byte) - 0x80]
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Converts through iconv to UTF-8. An invalid byte becomes U+FFFD and the conversion resumes at the next byte;
    /// a truncated sequence at the end becomes one U+FFFD. Returns nil when iconv does not know `name`.
    static func iconvDecode(_ input: [UInt8], from name: String) -> String? {
        guard let converter = iconv_open("UTF-8", name), converter != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        if input.isEmpty { return "" }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        input.withUnsafeBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                // iconv's prototype takes char** for the input but never writes through it.
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let before = inLeft
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = errno
                    output.append(contentsOf: outBuffer[0 ..< (outBuffer.count - outLeft)])
                    if result != -1 { continue }
                    switch failure {
                    case E2BIG:
                        if before == inLeft && outLeft == outBuffer.count { output.append(contentsOf: replacement); return }
                    case EILSEQ:
                        output.append(contentsOf: replacement)
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    default:  // EINVAL: an incomplete sequence ends the input
                        output.append(contentsOf: replacement)
                        return
                    }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
