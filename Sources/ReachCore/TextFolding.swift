import Foundation
import Synchronization

/// Folds text for matching: lower-case, diacritics removed (`Ļoti` → `loti`), a few non-decomposing letters mapped (ø → o).
public enum TextFolding {
    private static let extra: [Character: String] = [
        "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ı": "i", "ħ": "h", "þ": "th", "ŧ": "t",
    ]

    /// The folded form used by search keys and queries.
    ///
    /// ASCII (handles, e-mails, most tags, most of every name) only needs lower-casing, done on bytes. The rest is
    /// folded a piece at a time, by Foundation once and then from `remembered`: a run of bytes that are not ASCII,
    /// with the ASCII byte before it (the base letter of any combining mark in the run). Foundation's folding costs
    /// about a microsecond per call, and 100,000 creators' Latvian, Georgian or Japanese names made it 2% of a first
    /// build of the folder index. Folding piece by piece gives what folding the whole text gives: case folding and the
    /// width and diacritic foldings map each character (a letter with its combining marks) by itself, and no
    /// character spans two pieces.
    public static func fold(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes.lazy.map(lowercased), as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                var end = index + 1
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                if end == index + 1, bytes[index] < 0x80 {
                    result.append(lowercased(bytes[index]))
                } else {
                    result += folded(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// The pieces folded so far, by their bytes, at most `maxRemembered` of them: a folder's names use a few hundred.
    private static let remembered = Mutex<[[UInt8]: [UInt8]]>([:])
    private static let maxRemembered = 8_192

    /// One piece of text (`fold`), folded.
    private static func folded(_ piece: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let key = Array(piece)
        if let known = remembered.withLock({ $0[key] }) { return known }
        var text = ""
        for character in String(decoding: piece, as: UTF8.self) { if let other = extra[character] { text += other } else { text.append(character) } }
        let folded = Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased().utf8)
        remembered.withLock { if $0.count < maxRemembered { $0[key] = folded } }
        return folded
    }
}
