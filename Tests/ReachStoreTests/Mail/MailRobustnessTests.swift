import Foundation
import Testing
@testable import ReachStore

/// Hostile input: random bytes, mutated real messages, huge headers and bodies. The parser must return or throw
/// one of its errors, never crash or hang. Sizes stay moderate so debug builds run these in seconds.
@Suite struct MailRobustnessTests {
    /// The suite's seeded generator (`SeededRNG`), with what the mail tests draw from it.
    struct SeededBytes {
        var rng: SeededRNG

        init(state: UInt64) { rng = SeededRNG(seed: state) }

        mutating func next() -> UInt64 { rng.next() }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

        /// Bytes biased towards the ones mail syntax cares about, so the random input reaches deep code paths.
        mutating func bytes(count: Int) -> [UInt8] {
            let interesting = Array(":;<>\"()=?_-\r\n \t@,&#/\\*".utf8) + Array("From: To: Subject: Content-Type: multipart/mixed; boundary=".utf8)
            return (0 ..< count).map { _ in
                below(3) == 0 ? UInt8(truncatingIfNeeded: next()) : interesting[below(interesting.count)]
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededBytes(state: 2026)
        for _ in 0 ..< 400 {
            let input = random.bytes(count: random.below(600))
            exercise(input)
            exercise(Array("From: a@x.example\nContent-Type: multipart/mixed; boundary=-\n\n".utf8) + input)
        }
    }

    @Test func mutatedFixturesNeverCrash() throws {
        var random = SeededBytes(state: 5322)
        for name in MailFixtures.all {
            let original = try MailFixtures.bytes(name)
            for _ in 0 ..< 40 {
                var bytes = original
                for _ in 0 ..< 1 + random.below(12) {
                    guard !bytes.isEmpty else { break }
                    let position = random.below(bytes.count)
                    switch random.below(4) {
                    case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                    case 1: bytes.remove(at: position)
                    case 2: bytes.insert(contentsOf: Array("=?\r\n--<>\0".utf8).shuffled(using: &random), at: position)
                    default: bytes.removeSubrange(position...)
                    }
                }
                exercise(bytes)
            }
        }
    }

    @Test func randomEncodedWordsAndDates() {
        var random = SeededBytes(state: 2047)
        for _ in 0 ..< 300 {
            let text = String(decoding: random.bytes(count: random.below(200)), as: UTF8.self)
            _ = MailEncodedWords.decode("=?utf-8?q?" + text + "?= " + text)
            _ = MailDate.parse(text)
            _ = MailAddressList.parse(text)
            _ = MailHTMLText.text(from: text)
            _ = MailHeaderValue(parsing: text)
            _ = MailCharset.decode(Array(text.utf8), charset: "iso-2022-jp")
        }
    }

    @Test func largeBodyIsParsedWhole() throws {
        let line = "Līga's rates for reels, stories and posts are attached below. =C4=81\n"
        let count = 4_000_000 / line.utf8.count
        let text = "From: a@x.example\nSubject: big\nContent-Type: text/plain; charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n" + String(repeating: line, count: count)
        let mail = try MailFixtures.message(text)
        #expect(mail.body.utf8.count > 3_000_000)
        #expect(mail.body.hasSuffix("below. ā"))
        #expect(mail.newText.utf8.count == mail.body.utf8.count)
    }

    @Test func largeHTMLBodyIsConverted() throws {
        let paragraph = "<div>Rates &amp; dates <b>for</b> the <a href=\"https://x.example/a\">spring</a> campaign</div>\n"
        let html = String(repeating: paragraph, count: 2_000_000 / paragraph.utf8.count)
        let encoded = Data(html.utf8).base64EncodedString(options: .lineLength76Characters)
        let mail = try MailFixtures.message("From: a@x.example\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n" + encoded)
        #expect(mail.body.hasPrefix("Rates & dates for the spring (https://x.example/a) campaign\nRates"))
    }

    @Test func hugeHeadersAndManyParts() throws {
        let subject = String(repeating: "=?UTF-8?Q?=C4=81?= ", count: 100_000)
        let to = String(repeating: "\"Name, Surname\" <a@x.example>, ", count: 20_000)
        let mail = try MailFixtures.message("From: a@x.example\nSubject: \(subject)\nTo: \(to)\n\nBody")
        #expect(mail.subject == String(repeating: "ā", count: 100_000))
        #expect(mail.to.count == 20_000)

        let parts = String(repeating: "--p\nContent-Type: image/png\n\nx\n", count: 20_000)
        let many = try MailFixtures.message("From: a@x.example\nContent-Type: multipart/mixed; boundary=p\n\n\(parts)--p\nContent-Type: text/plain\n\nLast\n--p--\n")
        #expect(many.body == "Last")
    }

    @Test func headerBlockWithoutBodyOrLineEnds() throws {
        #expect(try MailFixtures.message("From: a@x.example").body == "")
        #expect(try MailFixtures.message("From: a@x.example\r\n\r\n").body == "")
        #expect(try MailFixtures.message(String(repeating: "X-Long: " + String(repeating: "y", count: 1_000) + "\n", count: 500)
            + "From: a@x.example\n\nok").body == "ok")
    }

    @Test func deeplyNestedBoundariesWithTheSameName() throws {
        let nested = String(repeating: "--b\nContent-Type: multipart/mixed; boundary=b\n\n", count: 5_000)
        let mail = try MailFixtures.message("From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n" + nested + "--b--\n")
        #expect(mail.body == "")
    }

    /// How long these take is `reach-bench`'s `mail.pathological`; here, that they parse to bounded text.
    @Test func manyForwardMarkersParse() throws {
        let block = "---------- Forwarded message ---------\nTo: a@x.example\nnot a header\n"
        let outlook = "From: a@x.example\nSent: Tuesday\nnot a header\n"
        for chunk in [block, outlook, "Begin forwarded message:\n> To: a\n> x\n", "On Tue, Anna wrote:\n> x\n\n"] {
            let text = "From: a@x.example\nSubject: Fwd: x\n\n" + String(repeating: chunk, count: 10_000)
            let mail = try MailFixtures.message(text)
            #expect(mail.newText.utf8.count <= text.utf8.count, "\(chunk.prefix(20))")
        }
    }

    /// Parses and touches every field, including the computed ones.
    private func exercise(_ bytes: [UInt8]) {
        do {
            let mail = try MailParser.parse(bytes)
            _ = mail.newText
            _ = mail.forwarded?.newText
            _ = mail.from.map(\.address)
        } catch {
            #expect(error == .empty || error == .noHeaders)
        }
    }
}

extension MailRobustnessTests.SeededBytes: RandomNumberGenerator {}
