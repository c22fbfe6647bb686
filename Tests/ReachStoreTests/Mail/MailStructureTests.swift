import Foundation
import Testing
@testable import ReachStore

/// Address lists, dates, MIME parameters and the MIME tree.
@Suite struct MailStructureTests {
    // MARK: Addresses

    @Test func addressListWithQuotedNamesCommentsGroupsAndBareAddresses() {
        let list = MailAddressList.parse(
            #""Bērziņa, Līga" <liga@studio.lv>, bob@x.example (Bob Stone), <carol@y.example>, undisclosed-recipients:;, "#
                + #"Dan "The Man" Ek <dan@z.example>, =?UTF-8?Q?J=C4=81nis?= <janis@ozolins.lv>"#)
        #expect(list == [
            MailAddress(name: "Bērziņa, Līga", address: "liga@studio.lv"),
            MailAddress(name: "Bob Stone", address: "bob@x.example"),
            MailAddress(address: "carol@y.example"),
            MailAddress(name: "Dan The Man Ek", address: "dan@z.example"),
            MailAddress(name: "Jānis", address: "janis@ozolins.lv"),
        ])
    }

    @Test func groupsContributeTheirMembers() {
        let list = MailAddressList.parse(#"Team: a@x.example, "B" <b@x.example>;, c@x.example"#)
        #expect(list.map(\.address) == ["a@x.example", "b@x.example", "c@x.example"])
        #expect(MailAddressList.parse("undisclosed-recipients:;").isEmpty)
        #expect(MailAddressList.parse("").isEmpty)
        #expect(MailAddressList.parse(" , ,, ").isEmpty)
    }

    @Test func aCommaInsideAnEncodedNameDoesNotSplitIt() {
        let list = MailAddressList.parse("=?UTF-8?Q?Ozoli=C5=86=C5=A1,_J=C4=81nis?= <j@ozolins.lv>, k@x.example")
        #expect(list == [MailAddress(name: "Ozoliņš, Jānis", address: "j@ozolins.lv"), MailAddress(address: "k@x.example")])
    }

    @Test func addressesAreKeptAsWrittenAndTrimmed() {
        #expect(MailAddressList.parse("  Anna.Kowalska@Agency.Example  ") == [MailAddress(address: "Anna.Kowalska@Agency.Example")])
        #expect(MailAddressList.parse("Anna < anna@agency.example >") == [MailAddress(name: "Anna", address: "anna@agency.example")])
        #expect(MailAddressList.parse("<@relay.example:user@host.example>") == [MailAddress(address: "user@host.example")])
        #expect(MailAddressList.parse(#""john doe"@x.example"#) == [MailAddress(address: #""john doe"@x.example"#)])
    }

    @Test func outlookQuotedAddressAsNameIsNoName() {
        #expect(MailAddressList.parse("'anna@agency.example' <anna@agency.example>") == [MailAddress(address: "anna@agency.example")])
        #expect(MailAddressList.parse("'Anna Kowalska' <anna@agency.example>")
            == [MailAddress(name: "Anna Kowalska", address: "anna@agency.example")])
    }

    @Test func brokenAddressListsDoNotFail() {
        #expect(MailAddressList.parse("Broken <a@x.example") == [MailAddress(name: "Broken", address: "a@x.example")])
        #expect(MailAddressList.parse(#""Unterminated <a@x.example>"#).count <= 1)
        #expect(MailAddressList.parse("a@x.example (unterminated comment").map(\.address) == ["a@x.example"])
        #expect(MailAddressList.parse("))) >>> a@x.example").map(\.address) == ["a@x.example"])
        #expect(MailAddressList.parse("Name <>").isEmpty)
    }

    // MARK: Dates

    @Test func rfc5322Dates() {
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:12 +0200")?.date == MailFixtures.utc(2026, 12, 3, 8, 0, 12))
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:12 +0200")?.offset == 7_200)
        #expect(MailDate.parse("3 Dec 2026 10:00 -0530")?.date == MailFixtures.utc(2026, 12, 3, 15, 30))
        #expect(MailDate.parse("Thu,  3 Dec 2026 10:00:00 +0000 (UTC)")?.date == MailFixtures.utc(2026, 12, 3, 10))
        #expect(MailDate.parse("Thu, 29 Feb 2024 23:59:60 +0000")?.date == MailFixtures.utc(2024, 3, 1, 0, 0, 0))
    }

    @Test func obsoleteZonesAndYears() {
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:00 EST")?.date == MailFixtures.utc(2026, 12, 3, 15))
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:00 PDT")?.date == MailFixtures.utc(2026, 12, 3, 17))
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:00 GMT")?.date == MailFixtures.utc(2026, 12, 3, 10))
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:00 UT")?.date == MailFixtures.utc(2026, 12, 3, 10))
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:00 A")?.date == MailFixtures.utc(2026, 12, 3, 10))  // military: -0000
        #expect(MailDate.parse("Thu, 03 Dec 26 10:00:00 GMT")?.date == MailFixtures.utc(2026, 12, 3, 10))
        #expect(MailDate.parse("Fri, 03 Dec 99 10:00:00 GMT")?.date == MailFixtures.utc(1999, 12, 3, 10))
        #expect(MailDate.parse("Fri, 03 Dec 104 10:00:00 GMT")?.date == MailFixtures.utc(2004, 12, 3, 10))
        #expect(MailDate.parse("Thu, 3 Dec 2026 10:00:00 EET")?.date == MailFixtures.utc(2026, 12, 3, 8))
    }

    @Test func humanDatesFromForwardedHeaders() {
        #expect(MailDate.parse("Tue, Dec 1, 2026 at 9:41 AM", defaultOffset: 7_200)?.date == MailFixtures.utc(2026, 12, 1, 7, 41))
        #expect(MailDate.parse("Tue, Dec 1, 2026 at 9:41 PM")?.date == MailFixtures.utc(2026, 12, 1, 21, 41))
        #expect(MailDate.parse("Tue, Dec 1, 2026 at 12:05 AM")?.date == MailFixtures.utc(2026, 12, 1, 0, 5))
        #expect(MailDate.parse("1 December 2026 at 09:41:00 EET")?.date == MailFixtures.utc(2026, 12, 1, 7, 41))
        #expect(MailDate.parse("December 1, 2026 at 9:41:00 AM GMT+2")?.date == MailFixtures.utc(2026, 12, 1, 7, 41))
        #expect(MailDate.parse("Tuesday, December 1, 2026 9:41 AM")?.date == MailFixtures.utc(2026, 12, 1, 9, 41))
        #expect(MailDate.parse("2026-12-01 09:41")?.date == MailFixtures.utc(2026, 12, 1, 9, 41))
        #expect(MailDate.parse("2026-12-01T09:41:00Z")?.date == MailFixtures.utc(2026, 12, 1, 9, 41))
        #expect(MailDate.parse("01.12.2026 09:41")?.date == MailFixtures.utc(2026, 12, 1, 9, 41))
        #expect(MailDate.parse("2026年12月1日(火) 9:41")?.date == MailFixtures.utc(2026, 12, 1, 9, 41))
        #expect(MailDate.parse("Sept 1, 2026 UTC+05:30")?.date == MailFixtures.utc(2026, 8, 31, 18, 30))
        #expect(MailDate.parse("Tue, Dec 1, 2026")?.offset == nil)
    }

    @Test func unparseableDatesAreNil() {
        for text in ["", "yesterday", "31 Feb 2026 10:00 +0000", "Thu, 3 Foo 2026 10:00", "3 Dec 2026 25:00 +0000",
                     "1/2/2026", "13 PM Dec 3 2026 13:00 PM", String(repeating: "9", count: 10_000)] {
            #expect(MailDate.parse(text) == nil, "\(text.prefix(40))")
        }
    }

    // MARK: MIME parameters

    @Test func contentTypeParameters() {
        let type = MailContentType(header: #"Multipart/Alternative; boundary="b1;=x" ; CHARSET=UTF-8 (comment)"#)
        #expect(type.mimeType == "multipart/alternative")
        #expect(type.boundary == "b1;=x")
        #expect(type.charset == "UTF-8")
        #expect(MailContentType(header: nil).mimeType == "text/plain")
        #expect(MailContentType(header: "garbage").mimeType == "text/plain")
        #expect(MailContentType(header: "text; charset=koi8-r").charset == "koi8-r")
        #expect(MailContentType(header: nil, parentIsDigest: true).mimeType == "message/rfc822")
    }

    @Test func rfc2231Parameters() {
        let disposition = MailHeaderValue(parsing: "attachment; filename*0*=UTF-8''na%C3%AFve%20; filename*1=\"file.txt\"")
        #expect(disposition.value == "attachment")
        #expect(disposition.parameters["filename"] == "naïve file.txt")
        let type = MailContentType(header: "multipart/mixed; boundary*0=\"abc\"; boundary*1=\"def\"; charset*=us-ascii'en'utf-8")
        #expect(type.boundary == "abcdef")
        #expect(type.charset == "utf-8")
        let latvian = MailHeaderValue(parsing: "attachment; filename*=windows-1257''L%EEgums.pdf; filename=\"Ligums.pdf\"")
        #expect(latvian.parameters["filename"] == "Līgums.pdf")
    }

    // MARK: MIME tree

    @Test func missingContentTypeIsPlainText() throws {
        let mail = try MailFixtures.message("From: a@x.example\n\nJust text =41 here\n")
        #expect(mail.body == "Just text =41 here")
    }

    @Test func boundaryWithQuotesPreambleEpilogueAndMissingClose() throws {
        let mail = try MailFixtures.message("""
            From: a@x.example
            Content-Type: multipart/mixed;
             boundary="==_b o u n d a r y_=="

            This is the preamble; it is not shown.
            --==_b o u n d a r y_==
            Content-Type: text/plain; charset=utf-8

            First part
            --==_b o u n d a r y_==
            Content-Type: application/pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            """)
        #expect(mail.body == "First part")

        let closed = try MailFixtures.message("""
            From: a@x.example
            Content-Type: multipart/alternative; boundary=plain

            --plain
            Content-Type: text/plain

            Text
            --plain--
            The epilogue is not shown.
            """)
        #expect(closed.body == "Text")
    }

    @Test func alternativeFallsBackToHTMLWhenThePlainPartIsBlank() throws {
        let mail = try MailFixtures.message("""
            From: a@x.example
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain

            \("  ")
            --b
            Content-Type: text/html

            <p>Hello <b>there</b></p>
            --b--
            """)
        #expect(mail.body == "Hello there")
    }

    @Test func nestedMixedRelatedAlternativeAndAttachments() throws {
        let mail = try MailFixtures.message("""
            From: a@x.example
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment; filename="notes.txt"

            An attached text file, not the body.
            --outer
            Content-Type: multipart/alternative; boundary=alt

            --alt
            Content-Type: multipart/related; boundary=rel

            --rel
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <p>HTML version caf=E9</p>
            --rel
            Content-Type: image/png
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --rel--
            --alt
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Plain version caf=E9
            --alt--
            --outer
            Content-Type: application/pdf; name="brief.pdf"
            Content-Disposition: attachment; filename="brief.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """)
        #expect(mail.body == "Plain version café")
    }

    @Test func nonTextPartsAreSkippedUntilTheFirstText() throws {
        let mail = try MailFixtures.message("""
            From: a@x.example
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: image/jpeg

            binary
            --m
            Content-Type: text/calendar

            BEGIN:VCALENDAR
            --m
            Content-Type: text/plain; charset=koi8-r
            Content-Transfer-Encoding: base64

            8NLJ18XULCDNydI
            --m--
            """)
        #expect(mail.body == "Привет, мир")
    }

    @Test func formatFlowedIsUnwrapped() throws {
        let mail = try MailFixtures.message(
            "From: a@x.example\nContent-Type: text/plain; charset=utf-8; format=flowed; delsp=no\n\n"
                + "This paragraph was \nwrapped by the \nsender.\n\n> quoted \n> line\n>> deeper\n\n-- \nSig\n")
        #expect(mail.body == "This paragraph was wrapped by the sender.\n\n> quoted line\n>> deeper\n\n-- \nSig")
        #expect(mail.newText == "This paragraph was wrapped by the sender.")
        #expect(MailFlowedText.unflow("Hello wo \nrld\n", deleteSpace: true) == "Hello world\n")
        #expect(MailFlowedText.unflow(" >not a quote\n", deleteSpace: false) == ">not a quote\n")
    }

    @Test func aWholeMessageMarkedAsAttachmentIsStillRead() throws {
        let mail = try MailFixtures.message("From: a@x.example\nContent-Disposition: attachment; filename=x.txt\n\nText\n")
        #expect(mail.body == "Text")
    }

    @Test func multipartWithoutBoundaryIsReadAsText() throws {
        let mail = try MailFixtures.message("From: a@x.example\nContent-Type: multipart/mixed\n\nText anyway\n")
        #expect(mail.body == "Text anyway")
    }

    @Test func nestingBeyondTheCapIsIgnoredNotFollowed() throws {
        func nested(_ depth: Int) -> String {
            var text = "Content-Type: text/plain\n\nDeep text\n"
            for level in 0 ..< depth {
                text = "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n\(text)--b\(level)--\n"
            }
            return "From: a@x.example\n" + text
        }
        #expect(try MailFixtures.message(nested(5)).body == "Deep text")
        #expect(try MailFixtures.message(nested(MailParser.maximumDepth)).body == "Deep text")
        #expect(try MailFixtures.message(nested(MailParser.maximumDepth + 1)).body == "")
        #expect(try MailFixtures.message(nested(500)).body == "")
    }

    @Test func attachedMessagesNestOnlyToTheCap() throws {
        var text = "From: inner@x.example\nSubject: innermost\n\nInnermost\n"
        for level in 0 ..< 50 {
            text = "From: level\(level)@x.example\nContent-Type: multipart/mixed; boundary=m\(level)\n\n--m\(level)\n"
                + "Content-Type: message/rfc822\n\n\(text)--m\(level)--\n"
        }
        let mail = try MailFixtures.message(text)
        var depth = 0
        var current: MailMessage? = mail
        while let next = current?.forwarded {
            depth += 1
            current = next
        }
        #expect(depth > 0 && depth <= MailParser.maximumDepth)
        #expect(mail.from.first?.address == "level49@x.example")
    }

    @Test func base64AttachedMessageIsDecoded() throws {
        let inner = "From: nino@example.ge\nSubject: Original\n\nHello\n"
        let encoded = Data(inner.utf8).base64EncodedString()
        let mail = try MailFixtures.message("""
            From: anna@agency.example
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: text/plain

            See attached.
            --x
            Content-Type: message/rfc822
            Content-Transfer-Encoding: base64

            \(encoded)
            --x--
            """)
        #expect(mail.body == "See attached.")
        #expect(mail.forwarded?.subject == "Original")
        #expect(mail.forwarded?.body == "Hello")
    }
}
