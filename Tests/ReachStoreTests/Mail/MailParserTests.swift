import Foundation
import Testing
@testable import ReachStore

/// Whole messages: the fixture files (also used by the end-to-end tests of `reach log --mail`) and the errors.
@Suite struct MailParserTests {
    @Test func multipartAlternativePrefersThePlainPart() throws {
        let mail = try MailFixtures.parse("alternative.eml")
        #expect(mail.messageID == "CAHx7Lq3v8y1pQ+ZrB0m2kT5nWfS9dJ4@mail.gmail.com")
        #expect(mail.from == [MailAddress(name: "Līga Bērziņa", address: "liga@studio.lv")])
        #expect(mail.to == [MailAddress(address: "anna@agency.example")])
        #expect(mail.cc.isEmpty)
        #expect(mail.subject == "Spring campaign – rates for reels")
        #expect(mail.date == MailFixtures.utc(2026, 12, 3, 8, 0, 12))
        #expect(mail.body == """
            Sveika, Anna!

            Thanks for the brief for the spring campaign – I'd love to join. For 3 Instagram reels and 5 stories my rate is \
            1 800 € (usage rights for 6 months included), and I can deliver the first draft by 20 March.

            Shall I send my media kit with last month's statistics?

            Līga
            """)
        #expect(mail.newText == mail.body)
        #expect(mail.forwarded == nil)
    }

    @Test func latvianEncodedWordsInWindows1257ISO885913AndUTF8() throws {
        let mail = try MailFixtures.parse("latvian-encoded.eml")
        #expect(mail.subject == "Par sadarbību — ļoti labprāt")
        #expect(mail.from == [MailAddress(name: "Jānis Ozoliņš", address: "janis@ozolins.lv")])
        #expect(mail.to == [MailAddress(name: "Anna Kowalska", address: "anna@agency.example")])
        #expect(mail.cc == [MailAddress(name: "Kristīne Kalniņa", address: "kristine@agency.example")])
        #expect(mail.date == MailFixtures.utc(2026, 12, 4, 7, 12, 33))
        #expect(mail.body.hasPrefix("Labdien, Anna!\n\nPaldies par piedāvājumu. Ļoti labprāt piedalītos pavasara kampaņā — man der"))
        #expect(mail.body.contains("Mana cena: 1 200 € par visu paketi"))
        #expect(mail.body.hasSuffix("Ar cieņu,\nJānis Ozoliņš"))
    }

    @Test func japaneseISO2022JPHeadersAndBody() throws {
        let mail = try MailFixtures.parse("japanese-iso2022.eml")
        #expect(mail.messageID == "20261207093000.A1B2C3D4E5@example.jp")
        #expect(mail.from == [MailAddress(name: "佐藤 美咲", address: "misaki.sato@example.jp")])
        #expect(mail.subject == "コラボのご提案について")
        #expect(mail.date == MailFixtures.utc(2026, 12, 7, 0, 30, 0))
        #expect(mail.body == """
            アンナ様

            いつもお世話になっております。佐藤美咲です。
            春のキャンペーンのコラボについて、ぜひ参加させていただきたいと思います。
            リール動画３本で、料金は１５万円を希望いたします。

            よろしくお願いいたします。
            佐藤 美咲
            """)
        #expect(!mail.body.contains("\u{FFFD}"))
    }

    @Test func gmailInlineForward() throws {
        let mail = try MailFixtures.parse("forwarded.eml")
        #expect(mail.from == [MailAddress(name: "Anna Kowalska", address: "anna@agency.example")])
        #expect(mail.subject == "Fwd: Rates for the winter campaign")
        #expect(mail.newText == "FYI – Nino's rates for the winter campaign, please log them on her deal.")
        #expect(mail.body.contains("---------- Forwarded message ---------"))
        let original = try #require(mail.forwarded)
        #expect(original.from == [MailAddress(name: "Nino Beridze", address: "nino@example.ge")])
        #expect(original.to == [MailAddress(address: "anna@agency.example")])
        #expect(original.subject == "Rates for the winter campaign")
        // "9:41 AM" carries no zone: the forwarder's zone (+0200, from the outer Date) is assumed.
        #expect(original.date == MailFixtures.utc(2026, 12, 1, 7, 41, 0))
        #expect(original.messageID == nil)
        #expect(original.body == """
            Hi Anna,

            Thanks for reaching out! For the winter campaign I can offer:
            - 2 reels: 1 400 €
            - 4 stories: 600 €

            Best wishes,
            ნინო ბერიძე (Nino Beridze)
            """)
        #expect(original.forwarded == nil)
    }

    @Test func gmailInlineForwardFromTheHTMLPartAlone() throws {
        // The same message with its text/plain part removed: the HTML conversion must keep the block parseable.
        let text = try MailFixtures.text("forwarded.eml")
        let htmlStart = try #require(text.range(of: "--0000000000009f8e7d6c5b4a3921\nContent-Type: text/html"))
        let firstPart = try #require(text.range(of: "--0000000000009f8e7d6c5b4a3921\nContent-Type: text/plain"))
        let htmlOnly = String(text[..<firstPart.lowerBound]) + String(text[htmlStart.lowerBound...])
        let mail = try MailParser.parse(Array(htmlOnly.utf8))
        #expect(mail.newText == "FYI – Nino's rates for the winter campaign, please log them on her deal.")
        let original = try #require(mail.forwarded)
        #expect(original.from == [MailAddress(name: "Nino Beridze", address: "nino@example.ge")])
        #expect(original.to == [MailAddress(address: "anna@agency.example")])
        #expect(original.subject == "Rates for the winter campaign")
        #expect(original.body.hasPrefix("Hi Anna,\n\nThanks for reaching out!"))
        #expect(original.body.hasSuffix("ნინო ბერიძე (Nino Beridze)"))
    }

    @Test func outlookForwardWithoutAMarkerLine() throws {
        let text = try MailFixtures.text("outlook-forward.eml")
        let boundary = "--_000_AM9PR07MB71231F0A2B3C4D5E6F7A8B9CD1234AM9PR07MB7123eurp_"
        let plainPart = try #require(text.range(of: boundary + "\nContent-Type: text/plain"))
        let htmlPart = try #require(text.range(of: boundary + "\nContent-Type: text/html"))
        let htmlOnly = String(text[..<plainPart.lowerBound]) + String(text[htmlPart.lowerBound...])
        for (variant, mail) in [("both", try MailFixtures.parse("outlook-forward.eml")), ("html", try MailFixtures.message(htmlOnly))] {
            #expect(mail.subject == "FW: Rates for the winter campaign", "\(variant)")
            #expect(mail.to == [MailAddress(address: "deals@agency.example")], "\(variant)")
            #expect(mail.date == MailFixtures.utc(2026, 12, 3, 9, 30, 10), "\(variant)")
            #expect(mail.newText == "FYI – Nino’s rates, please add them to the winter campaign.\n\nAnna"
                .replacingOccurrences(of: "’", with: variant == "both" ? "'" : "’"), "\(variant)")
            let original = try #require(mail.forwarded, "\(variant)")
            #expect(original.from == [MailAddress(name: "Nino Beridze", address: "nino@example.ge")], "\(variant)")
            #expect(original.to == [MailAddress(name: "Anna Kowalska", address: "anna@agency.example")], "\(variant)")
            #expect(original.subject == "Rates for the winter campaign", "\(variant)")
            #expect(original.date == MailFixtures.utc(2026, 12, 1, 9, 41), "\(variant)")
            #expect(original.body.hasPrefix("Hi Anna,\n\nFor the winter campaign I can offer 2 reels for 1 400 € and 4 stories"),
                    "\(variant)")
            #expect(original.body.hasSuffix("Best wishes,\n\nNino") || original.body.hasSuffix("Best wishes,\nNino"), "\(variant)")
        }
    }

    @Test func forwardedAsAttachedMessage() throws {
        let mail = try MailFixtures.parse("forwarded-rfc822.eml")
        #expect(mail.messageID == "b7c1d2e3-f405-4a6b-8c9d-0e1f2a3b4c5d@agency.example")
        #expect(mail.body == "Forwarding Nino's original mail with her rates, see attached.")
        #expect(mail.newText == mail.body)
        let original = try #require(mail.forwarded)
        #expect(original.messageID == "CAF9pQ2x7Rk1mZ3nV8bL0cW5yT4uE6sA@mail.gmail.com")
        #expect(original.from == [MailAddress(name: "ნინო ბერიძე", address: "nino@example.ge")])
        #expect(original.to == [MailAddress(address: "anna@agency.example")])
        #expect(original.subject == "Rates for the winter campaign")
        #expect(original.date == MailFixtures.utc(2026, 12, 1, 5, 41, 7))
        #expect(original.body == """
            Hi Anna,

            Thanks for reaching out! For the winter campaign I can offer 2 reels for 1 400 € and 4 stories for 600 €.

            Best wishes,
            Nino
            """)
    }

    @Test func replyNewTextIsOnlyWhatWasWritten() throws {
        let mail = try MailFixtures.parse("reply-quoted.eml")
        #expect(mail.subject == "Re: Shoot date for the spring reels")
        #expect(mail.from == [MailAddress(name: "Līga Bērziņa", address: "liga@studio.lv")])
        #expect(mail.body.contains("> Could you do the shoot on the 14th?"))
        #expect(mail.body.hasSuffix("-- \nLīga Bērziņa\nstudio.lv · @liga.creates"))
        #expect(mail.newText == """
            Hi Anna,

            The 14th works for me. I'll send the first draft of the reel by Friday and the stories the week after.
            """)
        #expect(mail.forwarded == nil)
    }

    @Test func plainMessageWithoutMIMEHeaders() throws {
        let mail = try MailFixtures.parse("unknown-sender.eml")
        #expect(mail.from == [MailAddress(address: "someone@nowhere.example")])
        #expect(mail.to == [MailAddress(address: "anna@agency.example")])
        #expect(mail.messageID == "20261205120209.GA4312@nowhere.example")
        #expect(mail.subject == "Question about your services")
        #expect(mail.date == MailFixtures.utc(2026, 12, 5, 12, 2, 9))
        #expect(mail.body == "Hello,\n\nI found your agency online. Do you also work with podcast hosts?\n\nRegards")
    }

    @Test func htmlOnlyBase64() throws {
        let mail = try MailFixtures.parse("html-only.eml")
        #expect(mail.from == [MailAddress(name: "Sophie Martin", address: "sophie@beaute.example")])
        #expect(mail.messageID == "A1F3C5E7-9B2D-4F6A-8C0E-1D3B5F7A9C2E@beaute.example")
        #expect(mail.date == MailFixtures.utc(2026, 12, 2, 17, 47, 3))
        #expect(mail.body == """
            Bonjour Anna,

            Merci pour votre message ! Our rates for the spring campaign:

            - 1 reel – 900 €
            - 3 stories – 450 €

            Media kit: here (https://beaute.example/media-kit.pdf)
            Tom & Jerry’s "favourite" <brand> 😊

            Bien à vous,
            Sophie

            Le 1 déc. 2026 à 16:20, Anna Kowalska <anna@agency.example> a écrit :
            > Hi Sophie,
            >
            > Could you send me your rates for the spring campaign?
            """)
        #expect(mail.newText == """
            Bonjour Anna,

            Merci pour votre message ! Our rates for the spring campaign:

            - 1 reel – 900 €
            - 3 stories – 450 €

            Media kit: here (https://beaute.example/media-kit.pdf)
            Tom & Jerry’s "favourite" <brand> 😊

            Bien à vous,
            Sophie
            """)
    }

    @Test func everyFixtureHasAMessageIDAndASender() throws {
        for name in MailFixtures.all {
            let mail = try MailFixtures.parse(name)
            #expect(mail.messageID != nil, "\(name)")
            #expect(!mail.from.isEmpty, "\(name)")
            #expect(!mail.body.isEmpty, "\(name)")
            #expect(!mail.body.contains("\r"), "\(name)")
        }
    }

    // MARK: Errors

    @Test func emptyInputIsAnError() {
        #expect(throws: MailParseError.empty) { try MailParser.parse([]) }
        #expect(throws: MailParseError.empty) { try MailParser.parse(Array(" \r\n\n\t\n".utf8)) }
    }

    @Test func textWithoutHeadersIsNotAMessage() {
        #expect(throws: MailParseError.noHeaders) { try MailParser.parse(Array("Hi Anna,\n\nthe rates are attached.\n".utf8)) }
        #expect(throws: MailParseError.noHeaders) { try MailParser.parse(Array("hello world\nFrom: a@x.example\n\nbody".utf8)) }
        #expect(throws: MailParseError.noHeaders) { try MailParser.parse(Array("Note: buy milk\n\nand eggs".utf8)) }
        #expect(throws: MailParseError.noHeaders) { try MailParser.parse([0x00, 0xFF, 0xFE, 0x0A, 0x0A, 0x41]) }
    }

    @Test func errorMessagesSayWhatToDo() {
        for error in [MailParseError.empty, .noHeaders] {
            #expect(error.description.contains("pipe a whole message"))
            #expect(error.description.contains("standard input"))
        }
    }

    // MARK: Headers

    @Test func headerNamesAreCaseInsensitiveAndTheFirstDuplicateWins() throws {
        let mail = try MailFixtures.message("""
            FROM: First <first@x.example>
            subject: First subject
            Message-Id: <first@x.example>
            From: Second <second@x.example>
            Subject: Second subject
            MESSAGE-ID: <second@x.example>
            To: a@x.example
            To: b@x.example

            Body
            """)
        #expect(mail.from == [MailAddress(name: "First", address: "first@x.example")])
        #expect(mail.subject == "First subject")
        #expect(mail.messageID == "first@x.example")
        #expect(mail.to.map(\.address) == ["a@x.example", "b@x.example"])
    }

    @Test func foldedHeadersWithCRLFAndLF() throws {
        for newline in ["\r\n", "\n"] {
            let text = [
                "From: =?UTF-8?Q?L=C4=ABga?=", "  <liga@studio.lv>", "Subject: A long subject that was", "\tfolded twice",
                "  by the mailer", "To: a@x.example,", " b@x.example", "", "Line one", "Line two", "",
            ].joined(separator: newline)
            let mail = try MailParser.parse(Array(text.utf8))
            #expect(mail.from == [MailAddress(name: "Līga", address: "liga@studio.lv")])
            #expect(mail.subject == "A long subject that was\tfolded twice  by the mailer")
            #expect(mail.to.map(\.address) == ["a@x.example", "b@x.example"])
            #expect(mail.body == "Line one\nLine two")
        }
    }

    @Test func mboxFromLineAndBOMAreSkipped() throws {
        let text = "\u{FEFF}From someone@nowhere.example Sat Dec  5 12:02:09 2026\nFrom: someone@nowhere.example\nSubject: Hi\n\nBody\n"
        let mail = try MailParser.parse(Array(text.utf8))
        #expect(mail.from == [MailAddress(address: "someone@nowhere.example")])
        #expect(mail.subject == "Hi")
    }

    @Test func messageIDVariants() {
        #expect(MailParser.messageID("<abc@host.example>") == "abc@host.example")
        #expect(MailParser.messageID("  < abc@host.example > (comment)") == "abc@host.example")
        #expect(MailParser.messageID("abc@host.example extra") == "abc@host.example")
        #expect(MailParser.messageID("<>") == nil)
        #expect(MailParser.messageID("") == nil)
        #expect(MailParser.messageID(nil) == nil)
    }

    @Test func missingHeadersGiveEmptyValues() throws {
        let mail = try MailFixtures.message("Date: not a date at all\nX-Spam: yes\n\nBody")
        #expect(mail.from.isEmpty)
        #expect(mail.subject == "")
        #expect(mail.messageID == nil)
        #expect(mail.date == nil)
        #expect(mail.body == "Body")
    }

    @Test func senderStandsInForAMissingFrom() throws {
        let mail = try MailFixtures.message("Sender: list@x.example\nSubject: s\n\nBody")
        #expect(mail.from == [MailAddress(address: "list@x.example")])
    }

    @Test func eightBitHeadersAreReadAsUTF8OrWindows1252() throws {
        var bytes = Array("From: ".utf8) + Array("Jānis <j@x.example>".utf8) + [0x0A]
        bytes += Array("Subject: caf".utf8) + [0xE9] + Array("\n\nBody".utf8)
        let mail = try MailParser.parse(bytes)
        #expect(mail.from.first?.name == "Jānis")
        #expect(mail.subject == "café")
    }

    @Test func nulBytesDoNotStopTheParse() throws {
        let bytes = Array("From: a\u{0}b@x.example\nSubject: x\u{0}y\n\nbefore\u{0}after\n".utf8)
        let mail = try MailParser.parse(bytes)
        #expect(mail.subject == "x\u{0}y")
        #expect(mail.body == "before\u{0}after")
    }
}

/// Reads the fixture messages next to this file.
enum MailFixtures {
    static let all = [
        "alternative.eml", "latvian-encoded.eml", "japanese-iso2022.eml", "forwarded.eml", "forwarded-rfc822.eml",
        "reply-quoted.eml", "unknown-sender.eml", "html-only.eml", "outlook-forward.eml",
    ]

    static func path(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// The fixture as text with LF line ends (for tests that edit it).
    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    static func parse(_ name: String) throws -> MailMessage {
        try MailParser.parse(bytes(name))
    }

    static func message(_ text: String) throws -> MailMessage {
        try MailParser.parse(Array(text.utf8))
    }

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }
}
