import Foundation
import Testing
@testable import ReachCore

@Suite struct SearchTests {
    let roster: [Influencer] = [
        Fx.influencer("Ļoti Labs", handle: "loti.labs", n: 1),
        Fx.influencer("Nino ნინო", handle: "nino_ge", n: 2),
        Fx.influencer("さくら Sakura", handle: "sakura.jp", n: 3),
        Fx.influencer("Lotte Larsen", handle: "lotte", n: 4),
        Fx.influencer("Bill Loti-Tanner", handle: "bt", n: 5),
    ]

    @Test func diacriticFoldingAndRanking() {
        let index = SearchIndex(roster)
        let hits = index.search("loti")
        #expect(hits.first?.id == Fx.id(1))  // prefix of name beats word inside a name
        #expect(hits.map(\.id).contains(Fx.id(5)))
        #expect(index.search("ĻOTI").first?.id == Fx.id(1))
        #expect(TextFolding.fold("Ļoti Ørsted") == "loti orsted")
    }

    @Test func subsequenceAndScripts() {
        let index = SearchIndex(roster)
        #expect(index.search("ltlrs").first?.id == Fx.id(4)) // L-o-T-te L-a-Rs-en subsequence
        #expect(index.search("ნინო").map(\.id) == [Fx.id(2)])
        #expect(index.search("さくら").map(\.id) == [Fx.id(3)])
        #expect(index.search("rīga skincare").count == roster.count) // city + niche terms ANDed
        #expect(index.search("zzz").isEmpty)
        #expect(index.search("   ").isEmpty)
    }

    @Test func updateAndRemove() {
        var index = SearchIndex(roster)
        var changed = roster[3]
        changed.displayName = "Mette Moe"
        index.update(changed)
        #expect(index.search("mette").map(\.id) == [Fx.id(4)])
        index.remove(Fx.id(4))
        #expect(index.search("mette").isEmpty)
        #expect(index.count == 4)
        #expect(index.search("sakura").map(\.id) == [Fx.id(3)])
    }

    @Test func filter() {
        var r = roster
        r[1].relationship = .doNotContact
        r[2].accounts[0].snapshots[0].followers = 2_000_000
        r[3].country = "NO"
        r[4].vetting.verdict = .approved
        #expect(RosterFilter(tiers: [.mega]).apply(to: r).map(\.id) == [Fx.id(3)])
        #expect(RosterFilter(countries: ["NO"]).apply(to: r).map(\.id) == [Fx.id(4)])
        #expect(RosterFilter(verdicts: [.approved]).apply(to: r).map(\.id) == [Fx.id(5)])
        #expect(RosterFilter(doNotContact: false).apply(to: r).count == 4)
        #expect(RosterFilter(platforms: [.tiktok]).apply(to: r).isEmpty)
        #expect(RosterFilter(niches: ["Skincare"]).apply(to: r).count == 5)
    }
}
