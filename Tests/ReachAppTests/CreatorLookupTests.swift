import Foundation
import ReachCore
import ReachDemo
import ReachStore
import Testing
@testable import ReachApp

/// A command's creator lookup reads only the creators it could match (with creators on demand, handing it every
/// creator read every file): over the demo roster, the lookup among those candidates finds what it finds among all.
@Suite struct CreatorLookupTests {
    static let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 3, scale: 200)

    /// Queries a person types: ids, names, real names, handles with and without "@", emails, parts of each, in other
    /// cases and without accents, and some that match nobody or many.
    static func queries() -> [String] {
        var random = SeededRandom(seed: 11)
        var queries = ["zzz-nobody", "a", "  ", "@", "gmail.com"]
        for creator in demo.influencers.shuffled(using: &random).prefix(60) {
            queries.append(creator.id.rawValue.lowercased())
            queries.append(creator.displayName.uppercased())
            queries.append(TextFolding.fold(creator.displayName))
            queries.append(String(creator.displayName.prefix(4)))
            if let real = creator.realName { queries.append(real) }
            if let email = creator.contact.email { queries.append(email); queries.append(String(email.prefix(6))) }
            for account in creator.accounts.prefix(2) { queries.append("@" + account.handle); queries.append(account.handle) }
        }
        return queries
    }

    static func outcome(_ query: String, _ creators: [Influencer]) -> String {
        do {
            return try RecordLookup.influencer(query, in: creators).id.rawValue
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [false, true])
    func theCandidatesHoldEveryMatch(searchIndexBuilt: Bool) {
        var workspace = Workspace(influencers: Self.demo.influencers, rosterIndexesLater: true)
        if searchIndexBuilt { workspace.buildRosterIndexes() }
        for query in Self.queries() {
            #expect(Self.outcome(query, workspace.creatorsALookupCouldMatch(query)) == Self.outcome(query, Self.demo.influencers),
                    "\(query)")
        }
    }

    /// A message from, to or forwarded from a creator's email, or their agent's, finds them among the candidates.
    @Test func aMessagesCandidatesHoldItsCreators() {
        let workspace = Workspace(influencers: Self.demo.influencers)
        var checked = 0
        for creator in Self.demo.influencers {
            for address in [creator.contact.email, creator.agent?.contact.email].compactMap({ $0 }) {
                let from = MailMessage(from: [MailAddress(address: address.uppercased())])
                let to = MailMessage(to: [MailAddress(address: "me@agency.example")], cc: [MailAddress(address: address)])
                var forward = MailMessage(from: [MailAddress(address: "me@agency.example")])
                forward.forwarded = from
                for message in [from, to, forward] {
                    #expect(workspace.creatorsAMessageCouldBeAbout(message).contains { $0.id == creator.id }, "\(address)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(workspace.creatorsAMessageCouldBeAbout(MailMessage(from: [MailAddress(address: "nobody@nowhere.example")])).isEmpty)
    }
}
