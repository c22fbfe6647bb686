import Foundation
import ReachCore
import Testing

/// `trimmingWhitespace()` / `trimmingSpaces()` must give exactly what Foundation's trimming gives.
@Suite struct TrimmingTests {
    /// Every scalar either set could contain, plus neighbours that must not be trimmed.
    static let edges: [String] = [
        " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{1C}", "\u{1F}", "\u{7F}", "",
    ]
    static let middles = ["", "a", "Līga Ozola", "ნინო", "山田 花子", "👩🏽‍🎤", "a b", "x\u{0301}", "\u{0301}", "@nino_k"]

    @Test func matchesFoundationOnEveryEdgeCombination() {
        for middle in Self.middles {
            for left in Self.edges {
                for right in Self.edges {
                    let text = left + middle + right
                    #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map(\.value))")
                    #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.unicodeScalars.map(\.value))")
                    // A slice of a larger string (scalar-aligned: "x" + a combining mark is one Character).
                    let padded = "x" + text + "y"
                    let sub = padded[padded.unicodeScalars.index(after: padded.startIndex)..<padded.unicodeScalars.index(before: padded.endIndex)]
                    #expect(sub.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
    }

    /// Codes are kept trimmed and in one case; the ones already so skip the work and must come out the same.
    @Test func codesAreTrimmedAndCasedAsFoundationWouldCaseThem() {
        let codes = ["EUR", "eur", " Eur\t", "", " ", "A1B2", "summer15", "SUMMER15", "ÉTÉ", "straße", "ß", "İstanbul", "ı",
                     "tiktok", "TikTok", " x ", "ǆ", "ﬁ", "ＥＵＲ", "\u{A0}EUR\u{A0}", "EU R", "eur\n"]
        for code in codes {
            #expect(code.trimmedUpperCased() == code.trimmingCharacters(in: .whitespaces).uppercased(), "\(code)")
            #expect(code.trimmedLowerCased() == code.trimmingCharacters(in: .whitespaces).lowercased(), "\(code)")
        }
        #expect(CurrencyCode(rawValue: " eur ") == .eur && Platform(rawValue: " TikTok") == Platform(rawValue: "tiktok"))
        #expect(Tracking.key(" summer15 ") == "SUMMER15" && Tracking.key(" ") == nil)
    }

    @Test func whitespaceOnlyBecomesEmpty() {
        #expect(" \u{3000}\n\t".trimmingWhitespace().isEmpty)
        #expect(" \u{3000}\n\t".trimmingSpaces() == "\n")
    }
}
