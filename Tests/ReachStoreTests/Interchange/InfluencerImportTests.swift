import Foundation
import ReachCore
import Testing
@testable import ReachStore

@Suite struct InfluencerImportTests {
    /// A messy export from a spreadsheet: BOM, aliases, quoted commas and line breaks, several scripts,
    /// a duplicate row, a row without handle, non-numeric followers, a bad email and an empty row.
    static let messy = "\u{FEFF}Display name,IG handle,TikTok,Followers,E-mail,Country,Tags,Notes,ER,Internal ref\n"
        + "\"Kowalska, Anna\",@Anna.K,,12.5k,anna@example.pl,Poland,\"beauty; skincare\",\"Met at \"\"Beauty Days\"\"\nsecond line\",3.2%,A-1\n"
        + "ნინო ბერიძე,https://www.instagram.com/nino.beauty/,,\"1,2M\",nino@example.ge,GE,beauty,,\"4,1\",A-2\n"
        + "さくら,,https://www.tiktok.com/@sakura_jp?lang=ja,1 200,,Japan,food,,,A-3\n"
        + "Dup Anna,anna.k,,13k,,PL,travel,,,A-4\n"
        + "No Handle,,,5000,,LV,,,,A-5\n"
        + "Bad Followers,@bad,,lots,,LV,,,,A-6\n"
        + "Bad Email,@bademail,,100,not-an-email,LV,,,,A-7\n"
        + ",,,,,,,,,\n"

    @Test func messyCSVImportsGoodRowsAndReportsBadOnesByLine() throws {
        let ws = try DataFolderFixture()
        let report = try ws.importInfluencers(ws.file("people.csv", Self.messy))

        #expect(report.row(2)?.action.isCreated == true)
        #expect(report.row(4)?.action.isCreated == true)
        #expect(report.row(5)?.action.isCreated == true)
        // The duplicate on line 6 merges into the creator from line 2 instead of creating a second one.
        guard case let .merged(_, changes, kept, sameFileLine) = report.row(6)?.action else {
            Issue.record("line 6 should merge: \(String(describing: report.row(6)))")
            return
        }
        #expect(sameFileLine == 2)
        #expect(changes.contains("added tags travel"))
        #expect(changes == ["added tags travel"])
        // Two rows disagreeing within one file: the first row's values stay, and the row says so.
        #expect(kept == ["kept Instagram figures 12,500 followers, ER 3.2% (file: 13,000 followers)",
                         "kept name \"Kowalska, Anna\" (file: \"Dup Anna\")"])
        #expect(report.row(7)?.action.rejection?.contains("no handle, profile URL or email") == true)
        #expect(report.row(8)?.action.rejection?.contains("Followers \"lots\" is not a number") == true)
        #expect(report.row(9)?.action.rejection?.contains("\"not-an-email\" is not a valid address") == true)
        #expect(report.rows.count == 7)  // the empty row is skipped
        #expect(report.warnings.contains { $0.contains("\"Internal ref\" is not imported") })
        #expect((report.created, report.merged, report.rejected) == (3, 1, 3))
        #expect(report.written.count == 3)

        let all = ws.influencers
        #expect(all.count == 3)
        let anna = try #require(ws.influencer(named: "Kowalska, Anna"))
        #expect(anna.notes == "Met at \"Beauty Days\"\nsecond line")
        #expect(anna.country == "PL")
        #expect(anna.tags == ["beauty", "skincare", "travel"])
        #expect(anna.consent?.source == "import: people.csv")
        let ig = try #require(anna.account(on: .instagram))
        #expect(ig.handle == "anna.k")
        #expect(ig.snapshots.map(\.followers) == [12_500])
        #expect(ig.snapshots.allSatisfy { $0.source == .imported && $0.asOf == DataFolderFixture.now })
        #expect(ig.latestEngagementRate?.value == 3.2)

        let nino = try #require(ws.influencer(named: "ნინო ბერიძე"))
        #expect(nino.account(on: .instagram)?.handle == "nino.beauty")
        #expect(nino.account(on: .instagram)?.url == "https://www.instagram.com/nino.beauty/")
        #expect(nino.followers == 1_200_000)
        #expect(nino.engagementRate == 4.1)

        let sakura = try #require(ws.influencer(named: "さくら"))
        #expect(sakura.account(on: .tiktok)?.handle == "sakura_jp")
        #expect(sakura.followers == 1_200)
        #expect(sakura.country == "JP")
    }

    @Test func semicolonsEuropeanNumbersAndPlatformColumn() throws {
        let ws = try DataFolderFixture()
        let semi = try ws.importInfluencers(ws.file("eu.csv", "Name;Instagram;Followers;Email\nLīga Bērziņa;@liga.skin;12.500;LIGA@example.lv\n"))
        #expect(semi.created == 1)
        #expect(ws.influencer(named: "Līga Bērziņa")?.followers == 12_500)

        let tabs = "Name\tPlatform\tHandle\tSubscribers\nTech Guy\tYouTube\t@TechGuy\t250000\nGamer\tTwitch\tgamer_1\t1.5k\nLost\t\tsomeone\t100\n"
        let report = try ws.importInfluencers(ws.file("yt.tsv", tabs))
        #expect(report.created == 2)
        #expect(ws.influencer(named: "Tech Guy")?.account(on: .youtube)?.latestFollowers?.value == 250_000)
        #expect(ws.influencer(named: "Gamer")?.account(on: .twitch)?.latestFollowers?.value == 1_500)
        #expect(report.row(4)?.action.rejection?.contains("@someone has no platform") == true)
    }

    @Test func mergesIntoExistingCreatorsWithoutOverwriting() throws {
        let ws = try DataFolderFixture()
        var liga = Influencer(id: newID(1), createdAt: DataFolderFixture.now - 86_400 * 10, displayName: "Līga",
                              contact: ContactInfo(email: "liga@example.lv"), country: "LV", tags: ["vip"], notes: "Prefers email",
                              accounts: [PlatformAccount(platform: .instagram, handle: "liga.skin", isMain: true,
                                                         snapshots: [MetricSnapshot(asOf: DataFolderFixture.now - 86_400 * 40, followers: 9_000)])])
        liga = try ws.add(liga)
        let csv = "Name,Email,TikTok,Country,Phone,Tags,Instagram,Instagram followers\n"
            + "Liga B.,LIGA@Example.lv,@liga.tt,EE,+371 2000 0000,\"vip, serum\",,\n"
            + "Someone,,,LV,,,https://instagram.com/liga.skin,\"10,000\"\n"
        let report = try ws.importInfluencers(ws.file("agency.csv", csv))
        #expect(report.created == 0)
        #expect(report.merged == 2)
        let details = report.row(2)?.action.mergeDetails ?? []
        #expect(details.contains("added TikTok @liga.tt"))
        #expect(details.contains("filled phone"))
        #expect(details.contains("added tags serum"))
        #expect(details.contains("kept country \"LV\" (file: \"EE\")"))
        #expect(details.contains("kept name \"Līga\" (file: \"Liga B.\")"))
        #expect(report.row(3)?.action.mergeDetails.contains { $0.hasPrefix("new Instagram figures (10,000 followers") } == true)

        let after = try #require(try ws.store.load(Influencer.self, id: liga.id))
        #expect(ws.influencers.count == 1)
        #expect(after.displayName == "Līga")
        #expect(after.country == "LV")
        #expect(after.contact.email == "liga@example.lv")
        #expect(after.contact.phone == "+371 2000 0000")
        #expect(after.notes == "Prefers email")
        #expect(after.tags == ["vip", "serum"])
        #expect(after.accounts.map(\.handle) == ["liga.skin", "liga.tt"])
        #expect(after.followers == 10_000)
        #expect(after.account(on: .instagram)?.snapshots.count == 2)
        #expect(after.revision == liga.revision + 1)
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let ws = try DataFolderFixture()
        let path = ws.file("people.csv", Self.messy)
        _ = try ws.importInfluencers(path)
        let before = ws.snapshot()
        let again = try ws.importInfluencers(path, now: DataFolderFixture.now + 3_600)
        #expect(again.created == 0)
        #expect(again.merged == 0)
        #expect(again.unchanged == 4)
        #expect(again.written.isEmpty)
        #expect(ws.snapshot() == before)
    }

    @Test func dryRunWritesNothingAndPredictsTheRealRun() throws {
        let ws = try DataFolderFixture()
        try ws.add(Influencer(id: newID(1), createdAt: DataFolderFixture.now, displayName: "Existing",
                                           accounts: [PlatformAccount(platform: .instagram, handle: "anna.k")]))
        let path = ws.file("people.csv", Self.messy)
        let before = ws.snapshot()
        let dry = try ws.importInfluencers(path, dryRun: true)
        #expect(ws.snapshot() == before)
        #expect(dry.written.isEmpty)
        #expect(dry.summary.contains("dry run: nothing was written"))
        #expect(dry.row(2)?.action.isMerged == true)

        let real = try ws.importInfluencers(path)
        #expect(real.rows.map(\.line) == dry.rows.map(\.line))
        #expect(real.rows.map(\.action.isCreated) == dry.rows.map(\.action.isCreated))
        #expect(real.rows.map(\.action.rejection) == dry.rows.map(\.action.rejection))
        #expect(real.rows.map(\.action.mergeDetails) == dry.rows.map(\.action.mergeDetails))
        #expect(ws.snapshot() != before)
    }

    @Test func aRowMatchingTwoCreatorsIsRejected() throws {
        let ws = try DataFolderFixture()
        try ws.add(Influencer(id: newID(1), createdAt: DataFolderFixture.now, displayName: "A",
                                           accounts: [PlatformAccount(platform: .instagram, handle: "a.one")]))
        try ws.add(Influencer(id: newID(2), createdAt: DataFolderFixture.now, displayName: "B", contact: ContactInfo(email: "b@x.io")))
        let report = try ws.importInfluencers(ws.file("x.csv", "Name,Instagram,Email\nAB,@a.one,b@x.io\n"))
        #expect(report.row(2)?.action.rejection?.contains("matches 2 creators") == true)
        #expect(ws.influencers.count == 2)
    }

    @Test func mapOverridesAndWholeFileProblems() throws {
        let ws = try DataFolderFixture()
        let csv = "Creator alias,Insta,Size\nZed,@zed,1k\n"
        let mapped = try ws.importInfluencers(ws.file("m.csv", csv), map: ["Insta=instagram", "size=instagram_followers", "Creator alias=display_name"])
        #expect(mapped.created == 1)
        #expect(ws.influencer(named: "Zed")?.account(on: .instagram)?.latestFollowers?.value == 1_000)

        #expect(caught { _ = try ws.importInfluencers(ws.file("m2.csv", csv), map: ["Nope=email"]) }?.description
            .contains("has no column \"Nope\"") == true)
        #expect(caught { _ = try ColumnMapping.Override.parse("Insta=wat") }?.description.contains("\"wat\" is not a field") == true)
        #expect(caught { _ = try ws.importInfluencers(ws.file("n.csv", "Foo,Bar\n1,2\n")) } == .noIdentifyingColumn(
            file: ws.folder.path + "/n.csv", headers: ["Foo", "Bar"]))
        #expect(caught { _ = try ws.importInfluencers(ws.file("e.csv", "")) } == .emptyFile(file: ws.folder.path + "/e.csv"))

        // A Latin-1 file stops before anything is written, even though its first rows are fine.
        var latin1 = Array("Name,Instagram\nAnna,@anna\nJos".utf8)
        latin1 += [0xE9] + Array(",@jose\n".utf8)
        let before = ws.snapshot()
        let error = caught { _ = try ws.importInfluencers(ws.file("latin1.csv", bytes: latin1)) }
        #expect(error == .notUTF8(file: ws.folder.path + "/latin1.csv", line: 3, encoding: "Latin-1 or Windows-1252"))
        #expect(ws.snapshot() == before)
    }

    @Test func aStoreErrorStopsWritingAndSaysWhatWasWritten() throws {
        let folder = TempFolder()
        let writes = Locked(0)
        let store = try RecordStore(folder: folder.data, options: StoreOptions(writeHook: { step, _ in
            guard step == .createTemp else { return }
            let count = writes.withLock { n in n += 1; return n }
            if count > 2 { throw StoreError.io(operation: "write", path: "x", errno: ENOSPC) }
        }), clock: { DataFolderFixture.now })
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        let path = folder.path + "/in/four.csv"
        writeText("Name,Instagram\nA,@a\nB,@b\nC,@c\nD,@d\n", to: path)
        let report = try InfluencerImport.run(file: path, store: store, options: .init(now: DataFolderFixture.now))
        #expect(report.written.count == 2)
        #expect(report.notWritten.count == 2)
        #expect(report.failure?.contains("disk is full") == true)
        #expect(!report.isClean)
        let onDisk = store.loadAll(Influencer.self)
        #expect(onDisk.records.count == 2)
        #expect(onDisk.problems.isEmpty)
        #expect(Set(onDisk.records.map(\.id)) == Set(report.written))
    }

    @Test func jsonImportKeepsIdsAndMergesByIdOrHandle() throws {
        let ws = try DataFolderFixture()
        let original = Influencer(id: newID(5), createdAt: DataFolderFixture.now, displayName: "Mei", tags: ["food"],
                                  accounts: [PlatformAccount(platform: .xiaohongshu, handle: "mei.eats")])
        let path = ws.folder.path + "/in.json"
        writeBytes(try Export.json([original]), to: path)
        let first = try ws.importInfluencers(path)
        #expect(first.created == 1)
        #expect(ws.influencers.first?.id == original.id)
        #expect(ws.influencers.first?.consent?.source == "import: in.json")

        writeText("[\n  {\"displayName\": \"broken\"}\n]\n", to: path)
        let broken = try ws.importInfluencers(path)
        #expect(broken.row(2)?.action.rejection?.contains("required field") == true)
        #expect(caught { _ = try ws.importInfluencers(path, map: ["a=b"]) } != nil)
    }
}
