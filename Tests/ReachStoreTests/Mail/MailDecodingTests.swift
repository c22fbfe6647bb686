import Foundation
import Testing
@testable import ReachStore

/// RFC 2047 encoded words, transfer encodings and charsets.
@Suite struct MailDecodingTests {
    // MARK: Encoded words

    @Test func bAndQEncodings() {
        #expect(MailEncodedWords.decode("=?UTF-8?B?SsSBbmlzIE96b2xpxYbFoQ==?=") == "Jānis Ozoliņš")
        #expect(MailEncodedWords.decode("=?utf-8?b?SsSBbmlzIE96b2xpxYbFoQ?=") == "Jānis Ozoliņš")  // no padding
        #expect(MailEncodedWords.decode("=?iso-8859-1?q?caf=e9_cr=E8me?=") == "café crème")  // lowercase hex, "_"
        #expect(MailEncodedWords.decode("Re: =?UTF-8?Q?Par_sadarb=C4=ABbu?= (2)") == "Re: Par sadarbību (2)")
        #expect(MailEncodedWords.decode("no words here") == "no words here")
        #expect(MailEncodedWords.decode("") == "")
    }

    @Test func charsetsFromTheWild() {
        let samples: [(String, String)] = [
            ("=?windows-1257?Q?J=E2nis_Ozoli=F2=F0?=", "Jānis Ozoliņš"),
            ("=?cp1257?Q?J=E2nis_Ozoli=F2=F0?=", "Jānis Ozoliņš"),
            ("=?iso-8859-13?Q?J=E2nis_Ozoli=F2=F0?=", "Jānis Ozoliņš"),
            ("=?iso-8859-4?Q?J=E0nis_Ozoli=F1=B9?=", "Jānis Ozoliņš"),
            ("=?iso-8859-2?Q?Za=BF=F3=B3=E6_g=EA=B6l=B1_ja=BC=F1?=", "Zażółć gęślą jaźń"),
            ("=?koi8-r?B?8NLJ18XULCDNydI=?=", "Привет, мир"),
            ("=?shift_jis?B?k/qWe4zqgsyDZYNYg2c=?=", "日本語のテスト"),
            ("=?x-sjis?B?k/qWe4zqgsyDZYNYg2c=?=", "日本語のテスト"),
            ("=?euc-jp?B?xvzL3LjspM6lxqW5pcg=?=", "日本語のテスト"),
            ("=?gb2312?B?xOO6w8rAvec=?=", "你好世界"),
            ("=?GBK?B?xOO6w8rAvec=?=", "你好世界"),
            ("=?iso-2022-jp?B?GyRCOjRGIxsoQg==?=", "佐藤"),
            ("=?utf8?Q?=C4=81?=", "ā"),
            ("=?latin1?Q?=E9?=", "é"),
            ("=?UTF-8*lv?Q?=C4=81?=", "ā"),  // RFC 2231 language suffix
        ]
        for (encoded, expected) in samples {
            #expect(MailEncodedWords.decode(encoded) == expected, "\(encoded)")
        }
    }

    @Test func adjacentWordsAreJoinedWithoutTheWhitespace() {
        #expect(MailEncodedWords.decode("=?UTF-8?Q?Par_?= =?UTF-8?Q?sadarb=C4=ABbu?=") == "Par sadarbību")
        #expect(MailEncodedWords.decode("=?UTF-8?Q?a?=\t  =?UTF-8?Q?b?=  =?ISO-8859-1?Q?c?=") == "abc")
        #expect(MailEncodedWords.decode("=?UTF-8?Q?a?= x =?UTF-8?Q?b?=") == "a x b")
        #expect(MailEncodedWords.decode("x =?UTF-8?Q?a?= y") == "x a y")
        // A UTF-8 sequence and an ISO-2022-JP run split across words are joined before conversion.
        #expect(MailEncodedWords.decode("=?UTF-8?B?xA==?= =?UTF-8?B?gQ==?=") == "ā")
        #expect(MailEncodedWords.decode("=?iso-2022-jp?B?GyRCOjRGIw==?= =?iso-2022-jp?B?SH46aRsoQg==?=") == "佐藤美咲")
    }

    @Test func unknownCharsetOrBrokenEncodingKeepsTheRawText() {
        #expect(MailEncodedWords.decode("=?x-klingon?Q?abc?=") == "=?x-klingon?Q?abc?=")
        #expect(MailEncodedWords.decode("Re: =?x-klingon?Q?a?= =?x-klingon?Q?b?=") == "Re: =?x-klingon?Q?a?= =?x-klingon?Q?b?=")
        #expect(MailEncodedWords.decode("=?UTF-8?B?@@@?=") == "=?UTF-8?B?@@@?=")
        #expect(MailEncodedWords.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(MailEncodedWords.decode("=?../../etc/passwd?Q?abc?=") == "=?../../etc/passwd?Q?abc?=")
        #expect(MailEncodedWords.decode("a =? b ?= c") == "a =? b ?= c")
        #expect(MailEncodedWords.decode("=?UTF-8?Q?unterminated") == "=?UTF-8?Q?unterminated")
        #expect(MailEncodedWords.decode("=?UTF-8?Q?ok?= =?bogus-charset?Q?raw?=") == "ok =?bogus-charset?Q?raw?=")
        // Invalid bytes in a known charset become U+FFFD instead.
        #expect(MailEncodedWords.decode("=?UTF-8?Q?a=FFb?=") == "a\u{FFFD}b")
    }

    // MARK: Quoted-printable

    @Test func quotedPrintable() {
        func qp(_ text: String) -> String { String(decoding: MailTransferEncoding.quotedPrintable(Array(text.utf8)), as: UTF8.self) }
        #expect(qp("L=C4=ABga") == "Līga")
        #expect(qp("L=c4=abga") == "Līga")
        #expect(qp("soft=\r\nbreak and soft=\nbreak") == "softbreak and softbreak")
        #expect(qp("soft=  \nbreak") == "softbreak")  // whitespace after the "=" of a soft break
        #expect(qp("broken =ZZ and = alone and =4") == "broken =ZZ and = alone and =4")
        #expect(qp("ends with =") == "ends with ")
        #expect(qp("trailing   \nspace=20\n") == "trailing\nspace \n")
        #expect(qp("a=3Db") == "a=b")
        #expect(qp("") == "")
    }

    // MARK: Base64

    @Test func base64() {
        func b64(_ text: String) -> String { String(decoding: MailTransferEncoding.base64(Array(text.utf8)), as: UTF8.self) }
        #expect(b64("SGVsbG8=") == "Hello")
        #expect(b64("SGVsbG8") == "Hello")  // missing padding
        #expect(b64("SGVs\r\nbG8*!\n") == "Hello")  // line breaks and garbage
        #expect(b64("SGk=SGk=") == "HiHi")  // concatenated encodings
        #expect(b64("S") == "")
        #expect(b64("") == "")
        #expect(MailTransferEncoding.base64(Array("AAEC/w==".utf8)) == [0, 1, 2, 255])
    }

    @Test func transferEncodingNamesAreCaseInsensitive() {
        let body = Array("SGVsbG8=".utf8)[...]
        #expect(MailTransferEncoding.decode(body, encoding: " BASE64 ") == Array("Hello".utf8))
        #expect(MailTransferEncoding.decode(body, encoding: "8bit") == Array(body))
        #expect(MailTransferEncoding.decode(body, encoding: nil) == Array(body))
        #expect(MailTransferEncoding.decode(body, encoding: "x-uuencode") == Array(body))
    }

    // MARK: Charsets

    @Test func charsetFastPathsAndIconv() {
        #expect(MailCharset.decode([0x4C, 0xC4, 0xAB, 0x67, 0x61], charset: "UTF-8") == "Līga")
        #expect(MailCharset.decode([0x80, 0x93, 0xE9], charset: "iso-8859-1") == "€“é")  // decoded as Windows-1252
        #expect(MailCharset.decode([0xE9], charset: "us-ascii") == "é")  // 8-bit in "ASCII": not UTF-8, so Windows-1252
        #expect(MailCharset.decode([0xC4, 0x81], charset: "us-ascii") == "ā")  // …or UTF-8 when it is valid UTF-8
        #expect(MailCharset.decode([0xC4, 0x81], charset: nil) == "ā")
        #expect(MailCharset.decode([0xEF, 0xE2], charset: "windows-1257") == "ļā")
        #expect(MailCharset.decode([0xEF, 0xE2], charset: "\"Windows-1257\"") == "ļā")
        #expect(MailCharset.decode([0xF0, 0xD2, 0xC9], charset: "KOI8-R") == "При")
        #expect(MailCharset.decode([], charset: "koi8-r") == "")
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        #expect(MailCharset.decode([0x61, 0xFF, 0x62], charset: "utf-8") == "a\u{FFFD}b")
        let sjis = MailCharset.decode([0x82, 0xA0, 0xFF, 0x82, 0xA2], charset: "shift_jis")
        #expect(sjis == "あ\u{FFFD}い")
        let truncated = MailCharset.decode([0x82, 0xA0, 0x82], charset: "shift_jis")
        #expect(truncated == "あ\u{FFFD}")
        #expect(MailCharset.decode([0x61, 0x00, 0x62], charset: "koi8-r") == "a\u{0}b")
    }

    @Test func unknownOrHostileCharsetNames() {
        #expect(MailCharset.decode([0x61], charset: "x-klingon") == nil)
        #expect(MailCharset.decode([0x61], charset: "../../../etc/passwd") == nil)
        #expect(MailCharset.decode([0x61], charset: "UTF-8//TRANSLIT") == "a")
        #expect(MailCharset.decode([0x61], charset: String(repeating: "x", count: 5_000)) == nil)
        #expect(MailCharset.decodeOrGuess([0xC4, 0x81], charset: "x-klingon") == "ā")
    }

    @Test func largeIconvInputIsConvertedInChunks() {
        let bytes = [UInt8](repeating: 0xE2, count: 100_000)  // "ā" in windows-1257, two bytes each in UTF-8
        let text = MailCharset.decode(bytes, charset: "windows-1257")
        #expect(text?.unicodeScalars.count == 100_000)
        #expect(text?.unicodeScalars.allSatisfy { $0 == "ā" } == true)
    }
}
