/// Text a hostile or merely international user could put into Reach: escape sequences, controls, bidi overrides,
/// invisible characters, combining marks, wide scripts and emoji. Used by the fuzzer and the hostile-text tests.
enum HostileText {
    /// Terminal escape sequences that must never reach the terminal raw.
    static let escapes = [
        "\u{1b}]0;pwned\u{7}", "\u{1b}[2J", "\u{1b}[31m", "\u{1b}[?1049l", "\u{1b}]52;c;cHduZWQ=\u{7}",
        "\u{9b}31m", "\u{1b}P+q\u{1b}\\", "\u{1b}[6n", "\u{1b}c", "\u{1b}]8;;http://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    ]
    /// Controls other than line breaks (single-line fields turn line breaks into spaces by design).
    static let controls = ["\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{1b}", "\u{7f}", "\u{80}", "\u{90}", "\u{9b}", "\u{9f}", "\t"]
    static let lineBreaks = ["\n", "\r", "\r\n", "\u{0b}", "\u{0c}", "\u{85}", "\u{2028}", "\u{2029}"]
    static let bidi = ["\u{202e}", "\u{202d}", "\u{202a}", "\u{202b}", "\u{202c}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
                       "\u{200e}", "\u{200f}", "\u{61c}"]
    static let invisible = ["\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{ad}", "\u{2061}", "\u{180e}"]
    /// Scalars that do not attach to a preceding space (format characters, prepend marks, lone Hangul jamo, tags).
    static let awkward = ["\u{1160}", "\u{11a8}", "\u{600}", "\u{fff9}", "\u{e0001}", "\u{e0041}", "\u{206a}", "\u{110bd}",
                          "\u{301}", "\u{20dd}", "\u{fe0f}", "\u{1f3fd}", "\u{1f1f1}", "\u{e000}", "\u{fffe}", "\u{10ffff}"]
    /// Names and words in many scripts.
    static let words = [
        "Līga Bērziņa", "Ģirts Ķēniņš", "ნინო ბერიძე", "田中さくら", "김민지", "王小明", "Дильноза Каримова", "Ελένη",
        "مرحبا بالعالم", "שלום", "नमस्ते", "สวัสดีครับ", "தமிழ்", "Ola Nordmann", "Zoë Ångström", "ＡＢＣ全角",
        "𝐁𝐨𝐥𝐝", "e\u{301}\u{302}\u{303}\u{304}", "Z\u{36b}\u{36c}\u{36d}\u{36e}algo", "👩‍💻 Dev", "🇱🇻🇬🇪🇯🇵", "❤️", "👍🏽",
        "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "각", "x", "@handle", "https://instagram.com/someone", "a@b.lv", "+3d", "2024-07-01",
    ]

    /// A random piece of hostile or international text of up to `maxPieces` fragments.
    static func random(_ rng: inout SeededRandom, maxPieces: Int = 6) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...max(1, maxPieces), using: &rng) {
            text += fragment(&rng)
        }
        return text
    }

    static func fragment(_ rng: inout SeededRandom) -> String {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: rng.pick(escapes)
        case 1: rng.pick(controls)
        case 2: rng.pick(lineBreaks)
        case 3: rng.pick(bidi)
        case 4: rng.pick(invisible)
        case 5: rng.pick(awkward)
        case 6: String(randomScalar(&rng))
        case 7: String(repeating: rng.pick(["a", "日", "👍", " ", "e\u{301}"]), count: Int.random(in: 1...40, using: &rng))
        default: rng.pick(words)
        }
    }

    /// Any Unicode scalar (no surrogates), biased towards the interesting low planes.
    static func randomScalar(_ rng: inout SeededRandom) -> Unicode.Scalar {
        while true {
            let upper: UInt32 = rng.weighted([(4, 0x7FF), (4, 0xFFFF), (2, 0x2FFFF), (1, 0x10FFFF)])
            if let scalar = Unicode.Scalar(UInt32.random(in: 0...upper, using: &rng)) { return scalar }
        }
    }

    /// One character a user could type (a grapheme, possibly several scalars).
    static func randomCharacter(_ rng: inout SeededRandom) -> Character {
        let text = rng.chance(0.5) ? rng.pick(words) : fragment(&rng)
        return text.isEmpty ? "x" : rng.pick(Array(text))
    }

    /// About `bytes` UTF-8 bytes mixing everything above, for paste tests; no line breaks when `singleLine`.
    static func big(bytes: Int, singleLine: Bool = true) -> String {
        var rng = SeededRandom(seed: 0xB16_7E47)
        var text = ""
        while text.utf8.count < bytes {
            var piece = fragment(&rng)
            if singleLine, piece.contains(where: \.isNewline) { piece = "·" }
            text += piece + (rng.chance(0.3) ? " " : "")
        }
        return text
    }
}
