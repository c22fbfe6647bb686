import Foundation
import PropertyBased
import Testing
@testable import ReachCore

@Suite struct HandleTests {
    @Test(arguments: [
        ("@Name", "name"), ("  @@Liga.Skin ", "liga.skin"), ("https://www.instagram.com/name/", "name"),
        ("tiktok.com/@name", "name"), ("https://www.tiktok.com/@Name?lang=en", "name"), ("https://youtube.com/@Chan", "chan"),
        ("https://www.youtube.com/channel/UCabc123", "ucabc123"), ("x.com/Someone", "someone"), ("https://www.linkedin.com/in/jane-doe/", "jane-doe"),
        ("plainhandle", "plainhandle"),
    ])
    func normalise(_ input: String, _ expected: String) {
        #expect(Handle.normalise(input) == expected)
    }

    /// Pieces of what people paste into handle and email cells, so random joins reach every branch of both paths.
    static let pieces = ["@", "/", ".", ":", "://", "www.", "WWW.", "http", "https", "?", "#", " ", "\t", "a", "Z", "_", "-", "0",
                         "Līga", "ლ", "名", "👩🏽‍💻", "com", "in", "channel", "x", "\u{301}", "\r\n", "\u{A0}", ".."]

    @Test func theQuickPathForPlainHandlesAgreesWithTheGeneralOne() async {
        #expect(Handle.plainHandle("@@Liga.SKIN") == "liga.skin")
        #expect(Handle.plainHandle("www.x") == nil && Handle.plainHandle("a/b") == nil && Handle.plainHandle(" a") == nil)
        await propertyCheck(count: 3000, input: Gen.element(of: Self.pieces).array(of: 0...8)) { parts in
            let text = parts.compactMap { $0 }.joined()
            if let plain = Handle.plainHandle(text) { #expect(plain == Handle.normaliseAnyForm(text), "\(text.debugDescription)") }
        }
    }

    @Test func asciiEmailsAreCheckedAsAnyOtherText() async {
        #expect(EmailAddress.isValid(" a.b+c@mail.example.lv "))
        for bad in ["@x.lv", "a@x", "a@.x", "a@x.", "a@x..lv", "a@b@x.lv", "a b@x.lv", "a@x.lv\t1"] { #expect(!EmailAddress.isValid(bad), "\(bad)") }
        let ascii = ["@", ".", "..", "a", "Z", "+", "-", " ", "\t", "x.y", "com", "\r\n"]
        await propertyCheck(count: 3000, input: Gen.element(of: ascii).array(of: 0...7)) { parts in
            let text = parts.compactMap { $0 }.joined()
            #expect(EmailAddress.isValidASCII(text.utf8) == EmailAddress.isValidAnyText(text), "\(text.debugDescription)")
        }
    }

    @Test func platformFromURL() {
        #expect(Handle.platform(fromURL: "https://twitter.com/x") == .x)
        #expect(Handle.platform(fromURL: "www.tiktok.com/@a") == .tiktok)
        #expect(Handle.platform(fromURL: "example.com/a") == nil)
        #expect(PlatformAccount(platform: .instagram, handle: "https://instagram.com/Liga/").handle == "liga")
    }

    @Test func emails() {
        #expect(EmailAddress.isValid("liga@example.lv"))
        #expect(!EmailAddress.isValid("liga@example"))
        #expect(!EmailAddress.isValid("liga example@x.lv"))
        #expect(EmailAddress.normalise(" Liga@Example.LV ") == "liga@example.lv")
    }

    @Test func duplicates() {
        let a = Fx.influencer("Līga", handle: "liga.skin", n: 1)
        var b = Fx.influencer("Liga B", handle: "LIGA.SKIN", n: 2)
        b.contact.email = "other@x.lv"
        var c = Fx.influencer("Someone", handle: "someone", n: 3)
        c.contact.email = "LIGA@example.lv"
        var d = Fx.influencer("Nobody", handle: "nobody", n: 4)
        d.contact.email = nil
        let matches = DuplicateDetector.matches(for: a, in: [a, b, c, d])
        #expect(Set(matches.map(\.existingID)) == [b.id, c.id])
        #expect(matches.first { $0.existingID == b.id }?.reasons == [.sameHandle(.instagram, "liga.skin")])
        #expect(DuplicateDetector.groups(in: [a, b, c, d]) == [[a.id, b.id, c.id].sorted()])

        var extra = b
        extra.accounts.append(PlatformAccount(platform: .tiktok, handle: "liga_tt"))
        extra.tags = ["tiktok", "serum"]
        let merged = a.merged(with: extra, at: Fx.day(5))
        #expect(merged.accounts.count == 2)
        #expect(merged.accounts.filter(\.isMain).count == 1)
        #expect(merged.tags == ["serum", "tiktok"])
        #expect(merged.updatedAt == Fx.day(5))
    }
}
