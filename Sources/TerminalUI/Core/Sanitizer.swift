import Foundation

/// One drawable grapheme with its precomputed column width.
public struct Glyph: Hashable, Sendable {
    public var character: Character
    public var width: Int
    public init(_ character: Character, width: Int) { self.character = character; self.width = width }
}

/// Turns arbitrary (possibly hostile) text into safe glyphs: no escape sequence from data ever reaches the terminal.
///
/// C0 controls, DEL and `\r` become caret placeholders (`^[`, `^G`, `^M`), C1 controls become `<9B>`,
/// bidi overrides/isolates become `�` so reordering attacks stay visible, and invisible zero-width
/// characters are dropped for display. A mark with nothing to sit on is drawn on a space (or as `�`).
/// The stored text is never changed; this only affects drawing.
public enum Sanitizer {
    /// Display glyphs for `text`, NFC-normalised and sanitised.
    public static func glyphs(_ text: String) -> [Glyph] {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return text.utf8.map { Glyph(Character(Unicode.Scalar($0)), width: 1) }
        }
        var result: [Glyph] = []
        result.reserveCapacity(text.utf8.count)
        for character in sanitized(text).precomposedStringWithCanonicalMapping {
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A cluster with no base (e.g. a combining mark at the start) gets a space to sit on. One that cannot
                // attach to a space (a lone Hangul vowel, U+0600, a language tag) shows its first scalar as U+FFFD.
                let seated = " " + String(character)
                if seated.count == 1 {
                    result.append(Glyph(Character(seated), width: 1))
                } else {
                    result.append(Glyph("\u{FFFD}", width: 1))
                    result += glyphs(String(String.UnicodeScalarView(character.unicodeScalars.dropFirst())))
                }
            } else {
                result.append(Glyph(character, width: width))
            }
        }
        return result
    }

    /// `glyphs(text)` as far as `width` columns, and past them when the text goes on, so a one-row write can tell it
    /// must cut: a 100 KB search shown in the roster's info line is not sanitised whole on every frame. The text is
    /// cut between grapheme clusters, so every glyph is the whole text's but the last, which ends past the width
    /// and is never drawn (a mark after the cut may sit on it, as on a control's `^[`).
    public static func glyphs(_ text: String, beyond width: Int) -> [Glyph] {
        // Every cluster but an invisible one takes a column: width + 1 of them usually go past the width.
        var clusters = width + 1
        while text.utf8.count > 4 * clusters + 64,
              let cut = text.index(text.startIndex, offsetBy: clusters, limitedBy: text.endIndex), cut < text.endIndex {
            let shown = glyphs(String(text[..<cut]))
            if shown.reduce(0, { $0 + $1.width }) > width { return shown }
            clusters *= 2
        }
        return glyphs(text)
    }

    /// The text with every unsafe scalar replaced or dropped, still as a string.
    public static func sanitized(_ text: String) -> String {
        isSurelySafe(text) ? text : rebuilt(text)
    }

    /// `sanitized`, scalar by scalar.
    static func rebuilt(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x00...0x1F:
                output.append("^")
                output.append(Unicode.Scalar(UInt8(value) + 0x40))
            case 0x7F:
                output.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F:
                output.append(contentsOf: "<\(String(value, radix: 16, uppercase: true))>".unicodeScalars)
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029:
                output.append("\u{FFFD}")
            case 0x200B, 0x2060...0x2064, 0xFEFF, 0x00AD:
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// True when no scalar of `text` is one `sanitized` changes, judged from its UTF-8 bytes alone (a `reach today`
    /// of 50k lines spent a tenth of its time rebuilding clean strings scalar by scalar). It may say false for a safe
    /// text (a zero-width joiner in an emoji): the careful path then runs, so it is never wrong the other way.
    static func isSurelySafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            for index in 0..<count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return false }
                guard byte >= 0xC2 else { continue }
                let next = index + 1 < count ? bytes[index + 1] : 0, third = index + 2 < count ? bytes[index + 2] : 0
                switch byte {
                case 0xC2 where next <= 0x9F || next == 0xAD: return false // C1 controls, soft hyphen
                case 0xD8 where next == 0x9C: return false // U+061C
                case 0xE2 where next == 0x80 && ((0x8B...0x8F).contains(third) || (0xA8...0xAE).contains(third)):
                    return false // U+200B–U+200F, U+2028–U+202E
                case 0xE2 where next == 0x81 && (0xA0...0xAF).contains(third): return false // U+2060–U+206F
                case 0xEF where next == 0xBB: return false // U+FEFF
                default: continue
                }
            }
            return true
        }
    }
}
