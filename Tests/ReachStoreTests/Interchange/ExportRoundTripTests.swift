import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct ExportRoundTripTests {
    static let day = DataFolderFixture.now - 86_400 * 3

    /// Creators with everything the CSV carries, including the awkward bits: commas, quotes, line breaks,
    /// leading spaces, several scripts, an unknown platform, a main account, do-not-contact, an agent.
    static func roster() -> [Influencer] {
        [
            Influencer(id: newID(1), createdAt: day, displayName: "Kowalska, \"Anna\"", realName: "Anna Kowalska", firstName: "Ania",
                       contact: ContactInfo(email: "anna@example.pl", phone: "+48 600 000 000", other: "Telegram: @ania"),
                       agent: AgentContact(name: "Piotr", agency: "Stars PL", contact: ContactInfo(email: "piotr@stars.pl", phone: "+48 1")),
                       country: "PL", city: "Kraków", languages: ["pl", "en"], timeZone: "Europe/Warsaw",
                       tags: ["beauty", "serum"], niches: ["skincare"], notes: "  first line\nsecond, line ",
                       relationship: .activePartner, doNotContact: true, doNotContactReason: "asked us to pause",
                       accounts: [
                           PlatformAccount(platform: .instagram, handle: "anna.k", url: "https://instagram.com/anna.k", isMain: false,
                                           snapshots: [MetricSnapshot(asOf: day, source: .manual, followers: 12_500, avgViews: 4_000, engagementRate: 3.25)]),
                           PlatformAccount(platform: .tiktok, handle: "anna.tt", isMain: true,
                                           snapshots: [MetricSnapshot(asOf: day, source: .manual, followers: 80_000)]),
                           PlatformAccount(platform: Platform(rawValue: "vk"), handle: "annavk",
                                           snapshots: [MetricSnapshot(asOf: day, followers: 300)]),
                       ], archived: true),
            Influencer(id: newID(2), createdAt: day, displayName: "ნინო ბერიძე",
                       accounts: [PlatformAccount(platform: .youtube, handle: "ninotravels")]),
            Influencer(id: newID(3), createdAt: day, displayName: "さくら 🌸", contact: ContactInfo(email: "sakura@example.jp"), country: "JP"),
        ]
    }

    /// What the CSV promises to carry, with metric sources set aside (re-imported figures are marked "import").
    static func comparable(_ inf: Influencer) -> Influencer {
        var copy = inf
        copy.createdAt = .distantPast
        copy.updatedAt = .distantPast
        copy.revision = 0
        copy.consent = nil
        copy.accounts = copy.accounts.map { account in
            var a = account
            a.id = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
            a.snapshots = a.snapshots.map { var s = $0; s.source = .manual; return s }
            return a
        }
        return copy
    }

    @Test func influencerCSVReimportsToTheSameData() throws {
        let source = try DataFolderFixture()
        for inf in Self.roster() { try source.add(inf) }
        let csv = try Export.run(.influencers, format: .csv, campaign: nil, store: source.store)
        #expect(csv.count == 3)
        let text = String(decoding: csv.bytes, as: UTF8.self)
        #expect(text.hasPrefix("id,display_name,real_name,first_name,email,"))
        #expect(text.contains("instagram,instagram_url,instagram_followers,instagram_er,instagram_avg_views,instagram_as_of"))
        #expect(text.contains("vk_handle,vk_url,vk_followers"))

        let target = try DataFolderFixture()
        let report = try target.importInfluencers(target.file("export.csv", text))
        #expect(report.created == 3)
        #expect(report.isClean)
        #expect(report.warnings.isEmpty)
        let imported = target.store.loadAll(Influencer.self).records.sorted { $0.id < $1.id }
        #expect(imported.map(Self.comparable) == Self.roster().sorted { $0.id < $1.id }.map(Self.comparable))
        #expect(imported.allSatisfy { $0.consent?.source == "import: export.csv" })

        // And importing the export into the folder it came from changes nothing.
        let back = try source.importInfluencers(source.file("export.csv", text))
        #expect(back.unchanged == 3)
        #expect(back.written.isEmpty)
    }

    @Test func jsonExportsReimportAsIdenticalRecords() throws {
        let source = try DataFolderFixture()
        for inf in Self.roster() { try source.add(inf) }
        let campaign = Campaign(id: newID(10), createdAt: Self.day, name: "Serum launch", brand: "Glow Lab", goals: [.sales],
                                budget: Money(major: 10_000, currency: .eur))
        try source.add(campaign)
        let deal = Deal(id: newID(20), createdAt: Self.day, influencerID: newID(1), campaignID: newID(10), stage: .contracted,
                        agreedFee: Money(major: 800, currency: .eur), tracking: Tracking(discountCode: "ANNA15"),
                        payments: [Payment(kind: .deposit, amount: Money(major: 400, currency: .eur), status: .paid, paidAt: Self.day)])
        try source.add(deal)

        let target = try DataFolderFixture()
        for (kind, importer) in [(ExportKind.influencers, { (p: String) in try target.importInfluencers(p) }),
                                 (.campaigns, { try RecordsImport.campaigns(file: $0, store: target.store, dryRun: false) }),
                                 (.deals, { try RecordsImport.deals(file: $0, store: target.store, dryRun: false) })] {
            let output = try Export.run(kind, format: .json, campaign: nil, store: source.store)
            let path = target.folder.path + "/\(kind).json"
            try OutputFile.write(output.bytes, to: path)
            let report = try importer(path)
            #expect(report.isClean, "\(kind): \(report.lines())")
            #expect(report.created == output.count)
        }
        func strip<R: Record>(_ records: [R]) -> [R] {
            records.map { var r = $0; r.revision = 0; r.updatedAt = .distantPast; return r }.sorted { $0.id < $1.id }
        }
        #expect(strip(target.store.loadAll(Campaign.self).records) == strip(source.store.loadAll(Campaign.self).records))
        #expect(strip(target.store.loadAll(Deal.self).records) == strip(source.store.loadAll(Deal.self).records))
        #expect(strip(target.store.loadAll(Influencer.self).records).map { var i = $0; i.consent = nil; return i }
                == strip(source.store.loadAll(Influencer.self).records))
    }

    /// A JSON export is a backup: a field a newer Reach wrote into a record file is in it.
    @Test func aJSONExportKeepsFieldsThisVersionDoesNotKnow() throws {
        let folder = try DataFolderFixture()
        let anna = try folder.add(Self.roster()[0])
        let path = folder.store.layout.recordFile(.influencer, anna.id)
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        try Data(stored.replacingOccurrences(of: "{\n", with: "{\n  \"fromANewerReach\": {\"kept\": true},\n", options: .anchored).utf8)
            .write(to: URL(fileURLWithPath: path))
        let exported = try Export.run(.influencers, format: .json, campaign: nil, store: folder.store)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(exported.bytes)) as? [[String: Any]])
        #expect((records.first?["fromANewerReach"] as? [String: Bool]) == ["kept": true])
        #expect(records.first?["displayName"] as? String == anna.displayName)
    }

    @Test func exportNarrowsToOneCampaignAndWritesAtomically() throws {
        let ws = try DataFolderFixture()
        for inf in Self.roster() { try ws.add(inf) }
        for (n, name) in [(10, "Serum launch"), (11, "Travel")] {
            try ws.add(Campaign(id: newID(n), createdAt: Self.day, name: name, brand: "B", budget: Money(major: 1_000, currency: .eur)))
        }
        try ws.add(Deal(id: newID(20), createdAt: Self.day, influencerID: newID(1), campaignID: newID(10)))
        try ws.add(Deal(id: newID(21), createdAt: Self.day, influencerID: newID(2), campaignID: newID(11)))

        let influencers = try Export.run(.influencers, format: .json, campaign: "serum", store: ws.store)
        #expect(influencers.count == 1)
        let deals = try Export.run(.deals, format: .csv, campaign: newID(11).rawValue, store: ws.store)
        let dealText = String(decoding: deals.bytes, as: UTF8.self)
        #expect(dealText.split(separator: "\n").count == 2)
        #expect(dealText.contains("ნინო ბერიძე"))
        #expect(caught { _ = try Export.run(.deals, format: .csv, campaign: "nothing", store: ws.store) } == .notFound(what: "campaign", query: "nothing"))

        let out = ws.folder.path + "/out/export.csv"
        #expect(caught { try OutputFile.write([1, 2], to: out) }?.description.contains("Cannot write") == true)
        try FileManager.default.createDirectory(atPath: ws.folder.path + "/out", withIntermediateDirectories: true)
        try OutputFile.write(deals.bytes, to: out)
        #expect(FileManager.default.contents(atPath: out) == Data(deals.bytes))
        #expect(mode(out) == 0o600)
        #expect(list(ws.folder.path + "/out") == ["export.csv"])
    }
    /// With the folder index, one campaign's export reads that campaign's files only, and writes what the export
    /// without it writes.
    @Test func aCampaignsExportThroughTheIndexReadsOnlyItsFilesAndWritesTheSame() throws {
        let (folder, store) = try FolderIndexTests.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let index = try FolderIndex(store: store)
        try index.refresh()
        let demo = FolderIndexTests.demo
        let campaign = try #require(demo.campaigns.max { a, b in
            demo.deals.count { $0.campaignID == a.id } < demo.deals.count { $0.campaignID == b.id }
        })
        let outsider = try #require(demo.deals.first { $0.campaignID != campaign.id })
        let kinds: [ExportKind] = [.deals, .influencers, .campaigns]
        for kind in kinds {
            for format in [ExportFormat.csv, .json] {
                let narrowed = try Export.run(kind, format: format, campaign: campaign.id.rawValue, store: store, index: index,
                                              into: MemorySink())
                let whole = MemorySink()
                let read = try Export.run(kind, format: format, campaign: campaign.id.rawValue, store: store, into: whole)
                let through = MemorySink()
                _ = try Export.run(kind, format: format, campaign: campaign.id.rawValue, store: store, index: index, into: through)
                let same = through.bytes == whole.bytes
                #expect(same, "\(kind) \(format): the export through the index differs")
                #expect(narrowed.count == read.count && narrowed.count > 0)
            }
        }
        // A damaged file of another campaign's deal: read (and reported) only by the export that reads every file.
        try Data("{ damaged".utf8).write(to: URL(fileURLWithPath: store.layout.recordFile(.deal, outsider.id)))
        let narrowed = try Export.run(.deals, format: .csv, campaign: campaign.id.rawValue, store: store, index: index, into: MemorySink())
        #expect(narrowed.problems.isEmpty)
        let whole = try Export.run(.deals, format: .csv, campaign: campaign.id.rawValue, store: store, into: MemorySink())
        #expect(whole.problems.count == 1)
    }

    /// The JSON export makes its records' texts a batch at a time on every core: across batches and with records of
    /// every size, it is each file as stored, in id order, exactly what one thread writing one record at a time
    /// makes (`JSONWriter.arrayBytes`).
    @Test func aJSONExportAcrossBatchesIsEveryFileAsStoredInIdOrder() throws {
        let source = try DataFolderFixture()
        for n in 0..<700 {
            _ = try source.add(Influencer(id: RecordID.generate(at: Self.day), createdAt: Self.day, displayName: "Creator \(n)",
                                          notes: String(repeating: "ž", count: n % 97)))
        }
        let output = try Export.run(.influencers, format: .json, campaign: nil, store: source.store)
        #expect(output.count == 700)
        let ids = source.store.loadAll(Influencer.self).records.map(\.id).sorted()
        let expected = try JSONWriter.arrayBytes(count: ids.count) { index in
            try JSONParser.parse(try Posix.readFile(source.store.layout.recordFile(.influencer, ids[index])))
        }
        #expect(output.bytes == expected)
    }
}
