import Foundation
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
