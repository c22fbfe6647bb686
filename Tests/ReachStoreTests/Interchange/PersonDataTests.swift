import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct PersonDataTests {
    static let day = DataFolderFixture.now - 86_400 * 7
    static let annaID = newID(1), bobID = newID(2), campaignID = newID(10), dealID = newID(20), trashedDealID = newID(21)
    static let traces = ["Anna Kowalska", "anna kowalska", "anna.k", "anna.tt", "anna@example.pl", "+48 600 111 222", "Kowalska"]

    /// Anna appears everywhere: her record, a backup of it, two deals (one deleted), a quarantined deal,
    /// a campaign note, another creator's notes and a log file. Bob must survive untouched apart from the mention.
    static func workspace() throws -> DataFolderFixture {
        let ws = try DataFolderFixture()
        try ws.add(Influencer(id: annaID, createdAt: day, displayName: "Anna Kowalska", realName: "Anna Maria Kowalska", firstName: "Ania",
                              contact: ContactInfo(email: "anna@example.pl", phone: "+48 600 111 222"), country: "PL",
                              notes: "Met at Beauty Days",
                              accounts: [PlatformAccount(platform: .instagram, handle: "anna.k", url: "https://instagram.com/anna.k", isMain: true),
                                         PlatformAccount(platform: .tiktok, handle: "anna.tt")],
                              consent: DataConsent(source: "inbound form", consentAt: day, lawfulBasis: "consent", note: "ticked the box")))
        try ws.add(Influencer(id: bobID, createdAt: day, displayName: "Bob Stone", notes: "Friend of @anna.k, met via her",
                              accounts: [PlatformAccount(platform: .youtube, handle: "bobstone")]))
        try ws.add(Campaign(id: campaignID, createdAt: day, name: "Glow", brand: "Glow Lab", budget: Money(major: 5_000, currency: .eur),
                            notes: "Shortlist: Anna Kowalska and Bob"))
        let results = DeliverableResults(reach: 10_000, impressions: 20_000, likes: 900, conversions: 12, revenue: Money(major: 1_500, currency: .eur))
        try ws.add(Deal(id: dealID, createdAt: day, influencerID: annaID, campaignID: campaignID, stage: .published,
                        agreedFee: Money(major: 800, currency: .eur),
                        deliverables: [Deliverable(platform: .instagram, contentType: .reel, status: .live,
                                                   liveURL: "https://instagram.com/p/XyZ123", results: results)],
                        tracking: Tracking(discountCode: "ANNA15", referralLink: "https://glow.example/?utm_content=anna.k"),
                        payments: [Payment(amount: Money(major: 500, currency: .eur), status: .paid, paidAt: day, invoiceRef: "INV-7")],
                        activities: [Activity(at: day, channel: .email, direction: .outbound, summary: "Emailed Anna Kowalska about rates"),
                                     Activity(at: day, channel: .call, summary: "Call: Ania agreed to two reels"),
                                     Activity(at: day, channel: .note, summary: "Budget approved")],
                        nextAction: NextAction(summary: "Send brief to anna@example.pl", due: DataFolderFixture.now),
                        notes: "Ania prefers mornings"))
        let trashed = try ws.add(Deal(id: trashedDealID, createdAt: day, influencerID: annaID, campaignID: campaignID, notes: "Old deal with @anna.tt"))
        _ = try ws.store.delete(Deal.self, id: trashed.id, expectedRevision: trashed.revision)
        try ws.add(Deal(id: newID(22), createdAt: day, influencerID: bobID, campaignID: campaignID, notes: "Bob's own deal"))
        writeText("{\"displayName\": \"Anna Kowalska\", \"schemaVersion\": 0}\n", to: ws.folder.data + "/backups/influencers/\(annaID).v0.json")
        writeText("{ broken deal mentioning anna@example.pl and Anna Kowalska",
                  to: ws.folder.data + "/quarantine/deals/\(newID(23)).json.20240101T000000Z")
        writeText("2024-06-01 saved record for Anna Kowalska\n2024-06-01 other line\n", to: ws.folder.data + "/logs/reach.log")
        return ws
    }

    /// Files (data-folder-relative) whose bytes contain `term`, ignoring case.
    static func files(_ ws: DataFolderFixture, containing term: String) -> [String] {
        ws.snapshot().filter { String(decoding: $0.value, as: UTF8.self).lowercased().contains(term.lowercased()) }.map(\.key).sorted()
    }

    @Test func eraseLeavesNoTraceButKeepsMoneyAndResults() throws {
        let ws = try Self.workspace()
        for term in Self.traces { #expect(!Self.files(ws, containing: term).isEmpty, "fixture should mention \(term)") }
        let campaign = try #require(try ws.store.load(Campaign.self, id: Self.campaignID))
        let before = CampaignReport.make(campaign: campaign, deals: ws.store.loadAll(Deal.self).records, rates: CurrencyRates(), now: DataFolderFixture.now)

        let subject = try PersonData.find("anna.k", store: ws.store)
        let plan = try PersonData.erase(subject, store: ws.store, now: DataFolderFixture.now)
        #expect(plan.applied)
        #expect(plan.problems.isEmpty)
        #expect(plan.removed == ["backups/influencers/\(Self.annaID).v0.json", "influencers/\(Self.annaID).json"])
        #expect(Set(plan.anonymised.map(\.file)) == ["campaigns/\(Self.campaignID).json", "deals/\(Self.dealID).json",
                                                     "influencers/\(Self.bobID).json", "logs/reach.log",
                                                     "quarantine/deals/\(newID(23)).json.20240101T000000Z",
                                                     "trash/deals/\(Self.trashedDealID).json"])

        for term in Self.traces + ["ANNA15", "Ania", "XyZ123"] {
            #expect(Self.files(ws, containing: term).isEmpty, "\(term) still in \(Self.files(ws, containing: term))")
        }
        let loaded = ws.store.loadAll(Deal.self)
        #expect(loaded.problems.isEmpty)
        let deal = try #require(loaded.records.first { $0.id == Self.dealID })
        #expect(deal.influencerID == Self.annaID)
        #expect(deal.revision == 2)
        #expect(deal.notes == "erased")
        #expect(deal.activities.map(\.summary) == ["erased", "erased", "Budget approved"])
        #expect(deal.nextAction?.summary == "erased")
        #expect(deal.tracking.discountCode == "erased")
        #expect(deal.deliverables.first?.liveURL == "erased")
        #expect(deal.payments.first?.invoiceRef == "INV-7")
        #expect(deal.payments.first?.amount == Money(major: 500, currency: .eur))
        #expect(deal.deliverables.first?.results?.revenue == Money(major: 1_500, currency: .eur))
        let after = CampaignReport.make(campaign: try #require(try ws.store.load(Campaign.self, id: Self.campaignID)),
                                        deals: loaded.records, rates: CurrencyRates(), now: DataFolderFixture.now)
        #expect(after.budget == before.budget)
        #expect(after.totals == before.totals)

        let bob = try #require(try ws.store.load(Influencer.self, id: Self.bobID))
        #expect(bob.notes == "erased")
        #expect(bob.displayName == "Bob Stone")
        #expect(ws.store.loadAll(Deal.self).records.first { $0.id == newID(22) }?.notes == "Bob's own deal")
        #expect(try ws.store.load(Influencer.self, id: Self.annaID) == nil)
        #expect(ws.store.loadTrash(Deal.self).records.first?.notes == "erased")
        #expect(readText(ws.folder.data + "/logs/reach.log") == "2024-06-01 saved record for erased\n2024-06-01 other line\n")

        let log = try #require(readText(ws.folder.data + "/logs/erasures.jsonl"))
        #expect(log.split(separator: "\n").count == 1)
        let entry = try RecordCoding.makeDecoder().decode(ErasureLog.Entry.self, from: Data(log.utf8))
        #expect(entry.influencerID == Self.annaID)
        #expect(entry.erasedAt == DataFolderFixture.now)
        #expect(entry.removedFiles == plan.removed)
        #expect(mode(ws.folder.data + "/logs/erasures.jsonl") == 0o600)
    }

    @Test func withoutConfirmationNothingChanges() throws {
        let ws = try Self.workspace()
        let before = ws.snapshot()
        let plan = PersonData.planErasure(try PersonData.find("Anna Kowalska", store: ws.store), store: ws.store, now: DataFolderFixture.now)
        #expect(!plan.applied)
        #expect(plan.removed.count == 2)
        #expect(plan.anonymised.count == 6)
        #expect(plan.lines.last?.contains("Run again with --yes") == true)
        #expect(ws.snapshot() == before)
    }

    @Test func erasingACreatorWhoIsOnlyInTheTrashWorks() throws {
        let ws = try Self.workspace()
        let anna = try #require(try ws.store.load(Influencer.self, id: Self.annaID))
        _ = try ws.store.delete(Influencer.self, id: anna.id, expectedRevision: anna.revision)
        let subject = try PersonData.find("anna@example.pl", store: ws.store)
        #expect(subject.inTrash)
        let plan = try PersonData.erase(subject, store: ws.store, now: DataFolderFixture.now)
        #expect(plan.removed.contains("trash/influencers/\(Self.annaID).json"))
        for term in Self.traces { #expect(Self.files(ws, containing: term).isEmpty) }
    }

    @Test func exportHoldsEverythingAboutThem() throws {
        let ws = try Self.workspace()
        let bytes = try PersonData.export(try PersonData.find(Self.annaID.rawValue, store: ws.store), store: ws.store, now: DataFolderFixture.now)
        let doc = try JSONParser.parse(bytes)
        #expect(doc["influencer"]?["displayName"]?.stringValue == "Anna Kowalska")
        #expect(doc["deals"]?.arrayValue?.count == 1)
        #expect(doc["deals"]?.arrayValue?.first?["activities"]?.arrayValue?.count == 3)
        #expect(doc["deals"]?.arrayValue?.first?["payments"]?.arrayValue?.count == 1)
        #expect(doc["deletedDeals"]?.arrayValue?.first?["id"]?.stringValue == Self.trashedDealID.rawValue)
        #expect(doc["campaigns"]?.arrayValue?.first?["name"]?.stringValue == "Glow")
        #expect(doc["consent"]?["source"]?.stringValue == "inbound form")
        #expect(doc["consent"]?["lawfulBasis"]?.stringValue == "consent")
        #expect(doc["consent"]?["consentAt"]?.stringValue == "2024-05-25T00:00:00Z")
        #expect(doc["consent"]?["note"]?.stringValue == "ticked the box")
        #expect(doc["influencer"]?["consent"] == doc["consent"], "the record holds it too")
        let bob = try JSONParser.parse(try PersonData.export(try PersonData.find("bob", store: ws.store), store: ws.store,
                                                             now: DataFolderFixture.now))
        #expect(bob["consent"] == .null, "no consent recorded is said, not left out")
        let others = Set(doc["otherFilesMentioningThem"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(others == ["backups/influencers/\(Self.annaID).v0.json", "campaigns/\(Self.campaignID).json",
                           "influencers/\(Self.bobID).json", "logs/reach.log", "quarantine/deals/\(newID(23)).json.20240101T000000Z"])
        // The export reads; it never writes.
        let before = ws.snapshot()
        _ = try PersonData.export(try PersonData.find("anna.k", store: ws.store), store: ws.store, now: DataFolderFixture.now)
        #expect(ws.snapshot() == before)
    }

    @Test func ambiguousNamesListTheMatches() throws {
        let ws = try Self.workspace()
        try ws.add(Influencer(id: newID(3), createdAt: Self.day, displayName: "Anna Berg"))
        let error = caught { _ = try PersonData.find("anna", store: ws.store) }
        #expect(error?.description.contains("matches 2 creators") == true)
        #expect(error?.description.contains(Self.annaID.rawValue) == true)
        #expect(error?.description.contains(newID(3).rawValue) == true)
        #expect(try PersonData.find("Anna Berg", store: ws.store).influencer.id == newID(3))
        #expect(caught { _ = try PersonData.find("nobody", store: ws.store) } == .notFound(what: "creator", query: "nobody"))
    }
}
