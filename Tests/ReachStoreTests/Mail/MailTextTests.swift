import Foundation
import Testing
@testable import ReachStore

/// HTML to text, reply stripping (`newText`) and inline forward blocks.
@Suite struct MailTextTests {
    // MARK: HTML

    @Test func entities() {
        let html = "&amp;&lt;&gt;&quot;&apos;|&ndash;&mdash;&hellip;&rsquo;&lsquo;&ldquo;&rdquo;&euro;|&#233;&#xE9;&#XE9;&#150;"
            + "|&bogus; &amp &#; &#0; &#x110000; &AElig;&shy;x"
        #expect(MailHTMLText.text(from: html) == "&<>\"'|–—…’‘“”€|ééé–|&bogus; &amp &#; \u{FFFD} \u{FFFD} Æx")
        #expect(MailHTMLText.text(from: "a&nbsp;&nbsp;b") == "a b")
    }

    @Test func headScriptStyleAndCommentsAreDropped() {
        let html = """
            <!DOCTYPE html><html><head><title>T</title><style>p { color: red }</style></head>
            <body><!-- hidden --><script type="text/javascript">var a = "<p>no</p>";</script>
            <p>Visible</p><!--[if mso]><xml><o:shapedefaults /></xml><![endif]--></body></html>
            """
        #expect(MailHTMLText.text(from: html) == "Visible")
    }

    @Test func blockElementsBreakLinesAndWhitespaceCollapses() {
        let html = """
            <div>Line   one</div><div>Line
            two</div><div><br></div><p>Para one</p><p>Para two<br>next line</p>
            <h2>Heading</h2><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>
            <ul><li>first</li><li> second </li></ul><pre>  keep   this
              layout</pre>
            """
        #expect(MailHTMLText.text(from: html) == """
            Line one
            Line two

            Para one

            Para two
            next line

            Heading

            a b
            c d
            - first
            - second
              keep   this
              layout
            """)
    }

    @Test func blockquotesBecomeQuotedLines() {
        let html = "<p>New</p><div>On Tue, Anna wrote:</div><blockquote>Old<br><br>text<blockquote>older</blockquote></blockquote>"
        #expect(MailHTMLText.text(from: html) == "New\n\nOn Tue, Anna wrote:\n> Old\n>\n> text\n>> older")
    }

    @Test func linksKeepTheirTargetWhenTheTextHidesIt() {
        #expect(MailHTMLText.text(from: #"<a href="https://x.example/kit.pdf">media kit</a>"#)
            == "media kit (https://x.example/kit.pdf)")
        #expect(MailHTMLText.text(from: #"<a href="https://x.example/">x.example</a>"#) == "x.example")
        #expect(MailHTMLText.text(from: #"<a href="mailto:a@x.example">a@x.example</a>"#) == "a@x.example")
        #expect(MailHTMLText.text(from: #"<a href='https://x.example/?a=1&amp;b=2'>here</a>"#) == "here (https://x.example/?a=1&b=2)")
        #expect(MailHTMLText.text(from: #"<a href="https://x.example/"><img src="logo.png"></a>"#) == "")
    }

    @Test func malformedHTMLNeverFails() {
        #expect(MailHTMLText.text(from: "a < b and c <3") == "a < b and c <3")
        #expect(MailHTMLText.text(from: "before <!-- never closed") == "before")
        #expect(MailHTMLText.text(from: "before <a href=\"never closed>after") == "before")
        #expect(MailHTMLText.text(from: "x</ >y<//>z") == "xyz")
        #expect(MailHTMLText.text(from: "<style>unclosed style text") == "unclosed style text")
        #expect(MailHTMLText.text(from: "") == "")
        #expect(MailHTMLText.text(from: "<<<<>>>>") == "<<<<>>>>")
    }

    /// Each byte is looked at a bounded number of times; how long these take is `reach-bench`'s `mail.pathological`.
    @Test func pathologicalHTMLGivesBoundedText() {
        let inputs = [
            String(repeating: "<style>", count: 50_000),
            String(repeating: "<!--", count: 50_000),
            String(repeating: "<a href=x>", count: 50_000),
            String(repeating: "<blockquote>", count: 20_000) + "deep",
            String(repeating: "&#x", count: 50_000),
            String(repeating: "</", count: 50_000),
        ]
        for html in inputs {
            #expect(MailHTMLText.text(from: html).utf8.count <= html.utf8.count, "\(html.prefix(20))")
        }
    }

    // MARK: Reply text

    @Test func attributionOnOneLine() {
        let body = "Yes, the 14th works.\n\nOn Tue, 1 Dec 2026 at 16:20, Anna <anna@agency.example> wrote:\n> Can you do the 14th?\n> Anna"
        #expect(MailMessage(body: body).newText == "Yes, the 14th works.")
    }

    @Test func attributionWrappedOverTwoLines() {
        let body = """
            Yes, the 14th works.

            On Tue, 1 Dec 2026 at 16:20, Līga Bērziņa <liga@studio.lv>
            wrote:

            > Can you do the 14th?
            """
        #expect(MailMessage(body: body).newText == "Yes, the 14th works.")
        let split = "Fine.\nOn Tue, 1 Dec 2026 at 16:20, Anna Kowalska\n<anna@agency.example> wrote:\n> old"
        #expect(MailMessage(body: split).newText == "Fine.")
    }

    @Test func attributionsInOtherLanguages() {
        let samples = [
            "Am 01.12.2026 um 16:20 schrieb Anna Kowalska:",
            "Le mar. 1 déc. 2026 à 16:20, Anna a écrit :",
            "2026年12月1日(火) 16:20 Anna Kowalska <anna@agency.example>:",
            "Otrd., 2026. g. 1. dec., plkst. 16:20 — Anna rakstīja:",
        ]
        for attribution in samples {
            #expect(MailMessage(body: "Jā.\n\n\(attribution)\n> vecais teksts").newText == "Jā.", "\(attribution)")
        }
    }

    @Test func interleavedAnswersStay() {
        let body = """
            On Tue, Anna wrote:
            > Can you do the 14th?

            Yes.

            > And the price?

            1 800 €.
            """
        #expect(MailMessage(body: body).newText == "Yes.\n\n1 800 €.")
    }

    @Test func signatureIsDropped() {
        #expect(MailMessage(body: "Thanks!\n-- \nLīga\nstudio.lv").newText == "Thanks!")
        #expect(MailMessage(body: "Thanks!\n--\nnot a signature separator").newText == "Thanks!\n--\nnot a signature separator")
        #expect(MailMessage(body: "Thanks!\n\n> quoted\n> -- \n> old sig\n\n-- \nnew sig").newText == "Thanks!")
    }

    @Test func outlookOriginalMessageBlocks() {
        let marker = """
            Sounds good.

            -----Original Message-----
            From: Anna Kowalska [mailto:anna@agency.example]
            Sent: Tuesday, December 1, 2026 4:20 PM
            To: Līga Bērziņa <liga@studio.lv>
            Subject: Shoot date

            Can you do the 14th?
            """
        #expect(MailMessage(body: marker).newText == "Sounds good.")
        let headerOnly = """
            Sounds good.

            ________________________________
            From: Anna Kowalska <anna@agency.example>
            Sent: Tuesday, December 1, 2026 4:20 PM
            To: Līga Bērziņa <liga@studio.lv>
            Subject: Shoot date

            Can you do the 14th?
            """
        #expect(MailMessage(body: headerOnly).newText == "Sounds good.")
        let bold = "Sounds good.\n\n*From:* Anna <anna@agency.example>\n*Sent:* Tuesday, December 1, 2026 4:20 PM\n*To:* Līga\n\nOld"
        #expect(MailMessage(body: bold).newText == "Sounds good.")
        // A lone "From:" line in the text is not a header block.
        #expect(MailMessage(body: "From: the team\nThanks for everything.").newText == "From: the team\nThanks for everything.")
    }

    @Test func newTextTrimsAndCollapsesBlankLines() {
        #expect(MailMessage(body: "\n\n  \nA\n\n\n\nB\n\n").newText == "A\n\nB")
        #expect(MailMessage(body: "").newText == "")
        #expect(MailMessage(body: "> only quoted\n> text").newText == "")
    }

    // MARK: Inline forwards

    @Test func appleMailForwardWithQuotedBlock() throws {
        let body = """
            Have a look.

            Begin forwarded message:

            > From: Nino Beridze <nino@example.ge>
            > Subject: Rates
            > Date: 1 December 2026 at 09:41:00 EET
            > To: Anna Kowalska <anna@agency.example>
            >
            > Hi Anna,
            >
            > my rates are attached.
            """
        let original = try #require(MailForwardBlock.parse(body: body, defaultOffset: nil, depth: 0))
        #expect(original.from == [MailAddress(name: "Nino Beridze", address: "nino@example.ge")])
        #expect(original.to == [MailAddress(name: "Anna Kowalska", address: "anna@agency.example")])
        #expect(original.subject == "Rates")
        #expect(original.date == MailFixtures.utc(2026, 12, 1, 7, 41))
        #expect(original.body == "Hi Anna,\n\nmy rates are attached.")
        #expect(MailMessage(body: body).newText == "Have a look.")
    }

    @Test func appleMailForwardUnquoted() throws {
        let body = """
            Begin forwarded message:

            From: Nino Beridze <nino@example.ge>
            Subject: Rates
            Date: December 1, 2026 at 9:41:00 AM GMT+4
            To: anna@agency.example

            Hi Anna
            """
        let original = try #require(MailForwardBlock.parse(body: body, defaultOffset: nil, depth: 0))
        #expect(original.date == MailFixtures.utc(2026, 12, 1, 5, 41))
        #expect(original.body == "Hi Anna")
        #expect(MailMessage(body: body).newText == "")
    }

    @Test func outlookAndThunderbirdForwards() throws {
        let outlook = """
            FYI

            -----Original Message-----
            From: Nino Beridze [mailto:nino@example.ge]
            Sent: Tuesday, December 1, 2026 9:41 AM
            To: Anna Kowalska <anna@agency.example>; Team <team@agency.example>
            Cc: boss@agency.example
            Subject: RE: Rates

            Hi Anna
            """
        let fromOutlook = try #require(MailForwardBlock.parse(body: outlook, defaultOffset: 3_600, depth: 0))
        #expect(fromOutlook.from == [MailAddress(name: "Nino Beridze", address: "nino@example.ge")])
        #expect(fromOutlook.cc == [MailAddress(address: "boss@agency.example")])
        #expect(fromOutlook.subject == "RE: Rates")
        #expect(fromOutlook.date == MailFixtures.utc(2026, 12, 1, 8, 41))
        #expect(fromOutlook.body == "Hi Anna")

        let thunderbird = """
            -------- Forwarded Message --------
            Subject: \tRates
            Date: \tTue, 1 Dec 2026 09:41:07 +0400
            From: \tნინო ბერიძე <nino@example.ge>
            To: \tanna@agency.example

            Hi Anna
            """
        let fromThunderbird = try #require(MailForwardBlock.parse(body: thunderbird, defaultOffset: nil, depth: 0))
        #expect(fromThunderbird.from == [MailAddress(name: "ნინო ბერიძე", address: "nino@example.ge")])
        #expect(fromThunderbird.date == MailFixtures.utc(2026, 12, 1, 5, 41, 7))
    }

    @Test func outlookForwardWithoutMarkerNeedsAForwardSubject() throws {
        let body = """
            FYI

            From: Nino Beridze <nino@example.ge>
            Sent: Tuesday, December 1, 2026 9:41 AM
            To: Anna Kowalska <anna@agency.example>
            Subject: Rates

            Hi Anna
            """
        let original = try #require(MailForwardBlock.parse(body: body, subject: "FW: Rates", defaultOffset: 0, depth: 0))
        #expect(original.from == [MailAddress(name: "Nino Beridze", address: "nino@example.ge")])
        #expect(original.body == "Hi Anna")
        #expect(MailForwardBlock.parse(body: body, subject: "Re: Rates", defaultOffset: 0, depth: 0) == nil)
        #expect(MailMessage(body: body).newText == "FYI")
        #expect(MailForwardBlock.isForwardSubject("Re: Fwd: Rates"))
        #expect(MailForwardBlock.isForwardSubject("WG: Angebot"))
        #expect(!MailForwardBlock.isForwardSubject("Meeting: Fwd"))
        #expect(!MailForwardBlock.isForwardSubject(""))
    }

    @Test func markerWithoutHeadersIsNotAForward() {
        #expect(MailForwardBlock.parse(body: "---------- Forwarded message ---------\n\nJust text", defaultOffset: nil, depth: 0) == nil)
        #expect(MailForwardBlock.parse(body: "I forwarded message to you", defaultOffset: nil, depth: 0) == nil)
        #expect(MailForwardBlock.parse(body: "----------\nFrom: here on, we talk", defaultOffset: nil, depth: 0) == nil)
    }

    @Test func forwardOfAForward() throws {
        let body = """
            ---------- Forwarded message ---------
            From: Anna <anna@agency.example>
            Subject: Fwd: Rates

            See below.

            ---------- Forwarded message ---------
            From: Nino <nino@example.ge>
            Subject: Rates

            Hi
            """
        let first = try #require(MailForwardBlock.parse(body: body, defaultOffset: nil, depth: 0))
        #expect(first.from.first?.address == "anna@agency.example")
        #expect(first.newText == "See below.")
        #expect(first.forwarded?.from.first?.address == "nino@example.ge")
        #expect(first.forwarded?.body == "Hi")
    }
}
