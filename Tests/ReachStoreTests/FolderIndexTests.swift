import Foundation
import GRDB
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore
#if canImport(Glibc)
import Glibc
#endif

/// The folder index (`cache/index.sqlite`) against the truth, the record files.
@Suite struct FolderIndexTests {
    static let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 5, scale: 60)

    /// A data folder holding the demo records, and a store on it.
    static func demoFolder(sharing: FolderSharing = .privateToUser) throws -> (TempFolder, RecordStore) {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, options: StoreOptions(sharing: sharing))
        _ = try store.insertBatch(demo.influencers)
        _ = try store.insertBatch(demo.campaigns)
        _ = try store.insertBatch(demo.deals)
        return (folder, store)
    }

    /// An index built from nothing over the same files, its rows as lines.
    static func builtAfresh(_ store: RecordStore, _ name: String) throws -> [String] {
        let fresh = try FolderIndex(store: store, fileName: name)
        try fresh.refresh()
        return try fresh.contents()
    }

    @Test func aCampaignsDealFilesAreItsDeals() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let index = try FolderIndex(store: store)
        let first = try index.refresh()
        #expect(first.filesRead == Self.demo.influencers.count + Self.demo.campaigns.count + Self.demo.deals.count)
        #expect(first.problems.isEmpty)
        for campaign in Self.demo.campaigns {
            let expected = Self.demo.deals.filter { $0.campaignID == campaign.id }.map { DataFolderLayout.fileName($0.id) }.sorted()
            #expect(try index.dealFiles(ofCampaign: campaign.id) == expected)
        }
        // Nothing changed: nothing is read again.
        let second = try index.refresh()
        #expect(second.filesRead == 0 && second.filesRemoved == 0)
    }

    /// A refresh that reads many files of one kind says so first, with how many; one that reads a few does not.
    @Test func aLongReadIsAnnounced() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let told = Locked<[String]>([])
        let index = try FolderIndex(store: store, fileName: FolderIndex.fileName, onLongRead: { kind, count in
            told.withLock { $0.append("\(kind.noun) \(count)") }
        }, longRead: 50)
        try index.refresh()
        #expect(told.withLock { $0 } == ["creator \(Self.demo.influencers.count)", "deal \(Self.demo.deals.count)"])
        let deal = try #require(store.loadAll(Deal.self).records.first)
        var edited = deal
        edited.owner = "Someone else"
        _ = try store.save(edited)
        try index.refresh()
        #expect(told.withLock { $0 }.count == 2, "one changed file is not a long read")
    }

    /// A refresh given a progress counts every file it will read, of every kind, before it reads the first (the
    /// loading screen's total), and reads them in id order: the order the index's tables grow in (in the folder's
    /// listing order a first build at 100k took twice as long).
    @Test func aBuildReportsItsProgressAndReadsInIdOrder() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        var problems: [LoadProblem] = []
        let names = try #require(store.recordFileNames(.deal, problems: &problems))
        #expect(names == names.sorted() && names.count == Self.demo.deals.count && problems.isEmpty)

        let files = Self.demo.influencers.count + Self.demo.campaigns.count + Self.demo.deals.count
        let index = try FolderIndex(store: store)
        let progress = LoadProgress()
        #expect(try index.refresh(progress: progress).filesRead == files)
        #expect(progress.reading == LoadProgress.Reading(phase: .indexingFiles, done: files, total: files))
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))

        var edited = try #require(Self.demo.deals.first)
        edited.owner = "Someone else"
        _ = try store.save(edited)
        try index.refresh(progress: progress)
        #expect(progress.reading == LoadProgress.Reading(phase: .indexingFiles, done: 1, total: 1))
    }

    /// Today from the index's compact rows is Today from the deals themselves, for everyone and for one owner.
    @Test func todayFromTheIndexIsTodayFromTheDeals() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let index = try FolderIndex(store: store)
        try index.refresh()
        let rows = try index.agenda(isShown: { _ in true }).map(\.deal)
        let deals = store.loadAll(Deal.self).records // as the files hold them (times to the millisecond)
        let open = deals.filter { !$0.archived }
        #expect(Set(rows) == Set(open.map(DealRow.init)) && rows.count == open.count)
        let owner = try #require(open.compactMap(\.owner).first)
        let mine = try index.agenda(isShown: { $0 == owner }).map(\.deal)
        #expect(Set(mine) == Set(open.filter { $0.owner == owner }.map(DealRow.init)))
        // Asked for what Today can show at a moment, the index leaves out rows (closed deals with nothing due,
        // entries not due) without changing Today.
        // Items are compared as shown: each worded from the deals or rows it was made from (a row left with fewer
        // entries numbers them differently).
        func shown(_ deals: [some ListedDeal], now: Date) -> [String] {
            let byID = Dictionary(deals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return Today.items(deals: deals.sorted { $0.id < $1.id }, now: now, timeZone: .gmt).map { item in
                let words = byID[item.dealID].map { item.summary(of: $0, now: now, pipeline: .default) } ?? "?"
                return "\(item.kind) \(item.dealID) \(String(describing: item.due)) \(String(describing: item.whoseMove)) \(item.isOverdue) \(words)"
            }
        }
        var leftOut = 0
        for days in [-400.0, -30, 0, 3, 30, 400] {
            let now = Date(timeIntervalSince1970: 1_780_304_400 + days * 86_400)
            let window = Today.Window(now: now, timeZone: .gmt, rightsWarningDays: 14)
            let windowed = try index.agenda(isShown: { _ in true }, window: window, pipeline: .default).map(\.deal)
            let fromRows = shown(rows, now: now), fromWindow = shown(windowed, now: now), fromDeals = shown(deals, now: now)
            #expect(!fromDeals.isEmpty && fromRows == fromDeals && fromWindow == fromDeals, "\(days) days")
            leftOut += rows.count - windowed.count + rows.map(\.entries.count).reduce(0, +) - windowed.map(\.entries.count).reduce(0, +)
        }
        #expect(leftOut > 0)
        // Each row carries its file's stamp and its creator's name, file and stamp, as the index holds them.
        let creators = Dictionary(Self.demo.influencers.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let indexed = try index.agenda(isShown: { _ in true })
        for row in indexed {
            #expect(row.file == DataFolderLayout.fileName(row.deal.id))
            #expect(row.creator?.name == creators[row.deal.influencerID])
            #expect(row.creator?.file == DataFolderLayout.fileName(row.deal.influencerID))
        }
        #expect(try index.confirm(.deal, stamps: Dictionary(indexed.map { ($0.file, $0.stamp) }, uniquingKeysWith: { a, _ in a })) == 0)
        #expect(try index.confirm(.influencer, stamps: Dictionary(indexed.compactMap { $0.creator.map { ($0.file, $0.stamp) } },
                                                                    uniquingKeysWith: { a, _ in a })) == 0)
        let names = try index.creators(Self.demo.influencers.prefix(5).map(\.id)).names
        #expect(names == Dictionary(uniqueKeysWithValues: Self.demo.influencers.prefix(5).map { ($0.id, $0.displayName) }))
    }

    /// Two creator files holding one id (a copy made by hand: a damaged folder) give a deal one row, its entries once.
    @Test func aCreatorIdInTwoFilesDoesNotRepeatADealsEntries() throws {
        let (folder, store) = try Self.demoFolder()
        let deal = try #require(Self.demo.deals.first { !$0.archived && DealRow($0).entries.count >= 2 })
        let original = DataFolderLayout.fileName(deal.influencerID), copy = DataFolderLayout.fileName(RecordID.generate(at: Date()))
        try FileManager.default.copyItem(atPath: folder.data + "/influencers/" + original, toPath: folder.data + "/influencers/" + copy)
        let index = try FolderIndex(store: store)
        try index.refresh()
        let rows = try index.agenda(isShown: { _ in true })
        #expect(rows.count == Set(rows.map(\.file)).count)
        let row = try #require(rows.first { $0.deal.id == deal.id })
        let asFiled = try #require(store.loadAll(Deal.self).records.first { $0.id == deal.id }) // times to the millisecond
        #expect(row.deal == DealRow(asFiled))
        #expect(row.creator?.file == min(original, copy))
    }

    /// An edit made in place by another program to a deal Today shows is found by checking its file's stamp.
    @Test func confirmingReReadsAFileChangedInPlace() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        try index.refresh()
        let deal = try #require(Self.demo.deals.first { !$0.archived })
        let name = DataFolderLayout.fileName(deal.id), path = folder.data + "/deals/" + name
        let indexed = try #require(try index.agenda(isShown: { _ in true }).first { $0.file == name })
        #expect(try index.confirm(.deal, stamps: [name: indexed.stamp]) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"archived\": false"))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "\"archived\": false", with: "\"archived\": true").utf8))
        try handle.close()
        let row = try #require(try index.agenda(isShown: { _ in true }).first { $0.file == name },
                               "not seen yet: the folder's own stamp did not move")
        #expect(try index.confirm(.deal, stamps: [name: row.stamp]) == 1)
        #expect(try !index.agenda(isShown: { _ in true }).contains { $0.file == name })
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// Many files confirmed at once, as `reach today` does: exactly the one edited in place and the one removed are
    /// found, whatever their place among the others, and the index then equals one built afresh.
    @Test func confirmingManyFilesFindsTheEditedAndTheRemoved() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        try index.refresh()
        let rows = try index.agenda(isShown: { _ in true })
        let stamps = Dictionary(rows.map { ($0.file, $0.stamp) }, uniquingKeysWith: { first, _ in first })
        #expect(stamps.count > 5)
        #expect(try index.confirm(.deal, stamps: stamps) == 0)
        let names = stamps.keys.sorted()
        let edited = folder.data + "/deals/" + names[names.count / 2]
        let text = try String(contentsOfFile: edited, encoding: .utf8)
        let handle = try #require(FileHandle(forUpdatingAtPath: edited))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "\"revision\": ", with: "\"owner\": \"Someone else\",\n  \"revision\": ").utf8))
        try handle.close()
        try FileManager.default.removeItem(atPath: folder.data + "/deals/" + names[1])
        #expect(try index.confirm(.deal, stamps: stamps) == 2)
        #expect(try index.confirm(.deal, stamps: stamps.filter { $0.key != names[1] && $0.key != names[names.count / 2] }) == 0)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// Random saves, deletions, new records, edits by other programs (renamed into place, as editors and git
    /// write), removals and damaged files; after each round the index kept up to date equals one built afresh.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func keptUpToDateEqualsBuiltAfresh(seed: UInt64) throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        try index.refresh()
        var random = SeededRNG(seed: seed)
        var deals = Dictionary(uniqueKeysWithValues: store.loadAll(Deal.self).records.map { ($0.id, $0) })
        let campaigns = Self.demo.campaigns.map(\.id), owners = ["Aiko Mori", "Marta Kalniņa", nil, "Nino"]
        for round in 0..<6 {
            for _ in 0..<15 {
                guard var deal = deals.values.randomElement(using: &random) else { break }
                let path = folder.data + "/deals/" + DataFolderLayout.fileName(deal.id)
                switch Int.random(in: 0..<6, using: &random) {
                case 0, 1:
                    deal.campaignID = campaigns.randomElement(using: &random) ?? deal.campaignID
                    deal.owner = owners.randomElement(using: &random) ?? nil
                    deal.nextAction = Bool.random(using: &random) ? nil : NextAction(summary: "Call", due: Date(timeIntervalSince1970: 1_780_000_000))
                    deal.tracking.discountCode = Bool.random(using: &random) ? nil : " code\(round) "
                    deals[deal.id] = try store.saveOK(deal, expectedRevision: deal.revision)
                case 2:
                    _ = try store.delete(Deal.self, id: deal.id, expectedRevision: deal.revision)
                    deals[deal.id] = nil
                case 3:
                    deal.id = RecordID.generate(at: Date(), using: &random)
                    deal.revision = 0
                    deals[deal.id] = try store.saveOK(deal)
                case 4: // another program: a new version renamed into place
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    let edited = text.replacingOccurrences(of: "\"archived\": false", with: "\"archived\": true")
                    try edited.write(toFile: path + ".tmp", atomically: false, encoding: .utf8)
                    #expect(rename(path + ".tmp", path) == 0)
                    deals[deal.id] = try store.load(Deal.self, id: deal.id)
                default:
                    if Bool.random(using: &random) {
                        #expect(unlink(path) == 0)
                    } else {
                        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8) // goes to quarantine
                    }
                    deals[deal.id] = nil
                }
            }
            try index.refresh()
            #expect(try index.contents() == Self.builtAfresh(store, "fresh-\(round).sqlite"), "round \(round)")
            // Every deal's row, archived ones too, is the row of the deal its file holds, with its code as compared.
            let all = try index.allDealRows()
            #expect(all.count == deals.count && Set(all.map(\.deal)) == Set(deals.values.map(DealRow.init)), "round \(round)")
            #expect(all.allSatisfy { $0.discountCode == deals[$0.deal.id]?.tracking.discountCodeKey }, "round \(round)")
            #expect(all.contains { $0.deal.archived } && all.contains { $0.discountCode != nil }, "round \(round)")
            // Every creator's summary is the summary of the creator their file holds, after some are changed.
            var creators = store.loadAll(Influencer.self).records
            for position in creators.indices.shuffled(using: &random).prefix(4) {
                creators[position].displayName = "Round \(round) ☕ " + creators[position].displayName
                creators[position].archived.toggle()
                creators[position].tags.append("Tag\(round)")
                creators[position].accounts.append(PlatformAccount(platform: Platform(rawValue: "mastodon"), handle: "r\(round)"))
                creators[position] = try store.saveOK(creators[position], expectedRevision: creators[position].revision)
            }
            try index.refresh()
            let summaries = try index.allCreatorSummaries()
            #expect(Set(summaries) == Set(creators.map(CreatorSummary.init)), "round \(round)")
            #expect(summaries.contains { $0.facts.archived } && summaries.contains { $0.facts.platforms.contains("mastodon") })
        }
    }

    /// After Reach's own writes the index reads just the files the change journal names, without listing the
    /// folder; another program's rename in between breaks the journal's chain of stamps, and the folder is listed.
    @Test func reachsOwnWritesAreFollowedThroughTheJournal() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        Thread.sleep(forTimeInterval: 0.1) // past the coarse clock's tick: the listing's stamps can be trusted
        try index.refresh()
        var deals = store.loadAll(Deal.self).records
        for i in 0..<5 {
            deals[i].owner = "Journal \(i)"
            deals[i] = try store.saveOK(deals[i])
        }
        _ = try store.delete(Deal.self, id: deals[5].id, expectedRevision: deals[5].revision)
        var added = deals[6]
        added.id = newID(9_001)
        added.revision = 0
        _ = try store.saveOK(added)
        let followed = try index.refresh()
        #expect(followed.foldersChecked == 0)
        #expect(followed.filesRead == 6 && followed.filesRemoved == 1)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh-1.sqlite"))

        Thread.sleep(forTimeInterval: 0.1)
        try index.refresh()
        deals[0].owner = "Before the other program"
        deals[0] = try store.saveOK(deals[0])
        let path = folder.data + "/deals/" + DataFolderLayout.fileName(deals[1].id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Journal 1", with: "Edited elsewhere").write(toFile: path + ".new", atomically: false, encoding: .utf8)
        #expect(rename(path + ".new", path) == 0)
        deals[2].owner = "After the other program"
        deals[2] = try store.saveOK(deals[2])
        let listed = try index.refresh()
        #expect(listed.foldersChecked == 1)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh-2.sqlite"))
    }

    @Test func anEmptiedJournalMeansAListing() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        Thread.sleep(forTimeInterval: 0.1)
        try index.refresh()
        var deal = try #require(store.loadAll(Deal.self).records.first)
        deal.owner = "Someone"
        deal = try store.saveOK(deal)
        #expect(truncate(folder.data + "/cache/" + ChangeJournal.fileName, 0) == 0)
        deal.owner = "Someone else"
        _ = try store.saveOK(deal)
        let refreshed = try index.refresh()
        #expect(refreshed.foldersChecked == 1 && refreshed.filesRead == 1)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// Something other than a file where the journal goes (here a FIFO nobody reads) never holds up a save, and
    /// the index lists the folder instead.
    @Test(.timeLimit(.minutes(1))) func aFIFOInPlaceOfTheJournalBlocksNothing() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        Thread.sleep(forTimeInterval: 0.1)
        try index.refresh()
        let journal = folder.data + "/cache/" + ChangeJournal.fileName
        unlink(journal)
        #expect(mkfifo(journal, 0o600) == 0)
        var deal = try #require(store.loadAll(Deal.self).records.first)
        deal.owner = "Past the FIFO"
        _ = try store.saveOK(deal)
        let refreshed = try index.refresh()
        #expect(refreshed.foldersChecked == 1 && refreshed.filesRead == 1)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// An edit made in place (no rename) leaves the folder's own stamp alone: the full check finds it.
    @Test func anEditInPlaceIsFoundByTheFullCheck() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        try index.refresh()
        let deal = try #require(Self.demo.deals.first)
        let other = try #require(Self.demo.campaigns.first { $0.id != deal.campaignID })
        let path = folder.data + "/deals/" + DataFolderLayout.fileName(deal.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: deal.campaignID.rawValue, with: other.id.rawValue).utf8))
        try handle.close()
        let refreshed = try index.refresh(fullCheck: true)
        #expect(refreshed.filesRead == 1)
        #expect(try index.dealFiles(ofCampaign: other.id).contains(DataFolderLayout.fileName(deal.id)))
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// Every folder's last full check set to `age` seconds ago.
    static func fullCheckDone(_ index: FolderIndex, secondsAgo age: TimeInterval) throws {
        try index.database.write { db in
            try db.execute(sql: "UPDATE folders SET verified_at = ?", arguments: [Date().timeIntervalSince1970 - age])
        }
    }

    /// An open app keeps the index (`keepFresh`) by doing the full check from `keptFullCheckAge`, before a command
    /// (`refresh`) would find it due at `fullCheckInterval`: in between, the command trusts the index, and the app
    /// finds an edit made in place.
    @Test func keepingItFreshDoesTheFullCheckBeforeACommandWould() throws {
        let (folder, store) = try Self.demoFolder()
        let index = try FolderIndex(store: store)
        Thread.sleep(forTimeInterval: 0.1) // past the coarse clock's tick: the listing's stamps can be trusted
        try index.refresh()
        let deal = try #require(Self.demo.deals.first)
        let other = try #require(Self.demo.campaigns.first { $0.id != deal.campaignID })
        let path = folder.data + "/deals/" + DataFolderLayout.fileName(deal.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let handle = try #require(FileHandle(forUpdatingAtPath: path)) // in place: the folder's stamp stays
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: deal.campaignID.rawValue, with: other.id.rawValue).utf8))
        try handle.close()

        try Self.fullCheckDone(index, secondsAgo: FolderIndex.keptFullCheckAge - 30)
        #expect(try index.keepFresh().foldersChecked == 0, "not yet for the app either")
        try Self.fullCheckDone(index, secondsAgo: FolderIndex.keptFullCheckAge + 30)
        #expect(FolderIndex.keptFullCheckAge + 30 < FolderIndex.fullCheckInterval)
        let command = try index.refresh()
        #expect(command.foldersChecked == 0 && command.filesRead == 0, "a command trusts a check this recent")
        #expect(try !index.dealFiles(ofCampaign: other.id).contains(DataFolderLayout.fileName(deal.id)))

        let kept = try index.keepFresh()
        #expect(kept.foldersChecked == 3 && kept.filesRead == 1)
        #expect(try index.dealFiles(ofCampaign: other.id).contains(DataFolderLayout.fileName(deal.id)))
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
        #expect(try index.keepFresh().foldersChecked == 0, "done for the next eight minutes")
    }

    /// Only an index that is there and built is kept: an open app makes none.
    @Test func onlyAnIndexThatIsThereAndBuiltIsKept() throws {
        let (folder, store) = try Self.demoFolder()
        let path = folder.data + "/cache/" + FolderIndex.fileName
        #expect(FolderIndex.existing(of: store) == nil)
        #expect(!FileManager.default.fileExists(atPath: path), "asking made no index")
        let index = try FolderIndex(store: store)
        #expect(FolderIndex.existing(of: store) == nil, "made, not built")
        try index.refresh()
        #expect(FolderIndex.existing(of: store) != nil)
    }

    @Test func aDamagedIndexIsRebuilt() throws {
        let (folder, store) = try Self.demoFolder()
        try FolderIndex(store: store).refresh()
        let path = folder.data + "/cache/" + FolderIndex.fileName
        for file in [path + "-wal", path + "-shm"] { unlink(file) }
        try Data(repeating: 0x5A, count: 9_000).write(to: URL(fileURLWithPath: path))
        let index = try FolderIndex(store: store)
        let refreshed = try index.refresh()
        #expect(refreshed.filesRead == Self.demo.influencers.count + Self.demo.campaigns.count + Self.demo.deals.count)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// A creator summary or a deal row cut short (the index is derived, but never trusted) is an error, not a record
    /// with missing facts: the app's start then reads every file, and empties the index, which the next refresh
    /// rebuilds. Another error (a lock held too long) leaves it as it is.
    @Test func aDamagedCreatorSummaryOrDealRowIsAnErrorAndTheIndexIsRebuilt() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let index = try FolderIndex(store: store)
        try index.refresh()
        #expect(try index.allCreatorSummaries().count == Self.demo.influencers.count)
        try index.database.write { try $0.execute(sql: "UPDATE creators SET summary = substr(summary, 1, 7) WHERE file = (SELECT min(file) FROM creators)") }
        var summaryError: (any Error)?
        do { _ = try index.allCreatorSummaries() } catch { summaryError = error }
        #expect(try index.allDealRows().count == Self.demo.deals.count)
        try index.database.write { try $0.execute(sql: "UPDATE deals SET row = substr(row, 1, 30) WHERE file = (SELECT min(file) FROM deals)") }
        #expect(throws: (any Error).self) { try index.allDealRows() }

        #expect(!index.discardIfDamaged(by: StoreError.lockTimeout(path: "x", seconds: 5)))
        #expect(try index.isBuilt(.influencer))
        #expect(index.discardIfDamaged(by: try #require(summaryError)))
        #expect(try !index.isBuilt(.influencer) && !index.isBuilt(.deal))
        try index.refresh()
        #expect(try index.allCreatorSummaries().count == Self.demo.influencers.count)
        #expect(try index.allDealRows().count == Self.demo.deals.count)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    @Test func anIndexOfAnotherVersionIsEmptiedAndRebuilt() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let old = try FolderIndex(store: store)
        try old.refresh()
        try old.database.write { try $0.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'version'") }
        try old.database.write { try $0.execute(sql: "DELETE FROM deals") }
        let index = try FolderIndex(store: store)
        #expect(try index.refresh().filesRead == Self.demo.influencers.count + Self.demo.campaigns.count + Self.demo.deals.count)
        #expect(try index.contents() == Self.builtAfresh(store, "fresh.sqlite"))
    }

    /// A new index gets its look-up indexes when its first refresh has filled the tables, and any refresh makes one
    /// that is missing (a first build cut short before its end); the commands' look-ups use them.
    @Test func theLookupsAreMadeAtTheEndOfARefresh() throws {
        let (folder, store) = try Self.demoFolder()
        defer { withExtendedLifetime(folder) {} }
        let index = try FolderIndex(store: store)
        func lookups() throws -> [String] {
            try index.database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name") }
        }
        func campaignPlan() throws -> String {
            try index.database.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT file FROM deals WHERE campaign = ? ORDER BY file", arguments: ["x"])
                    .map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        #expect(try lookups().isEmpty)
        #expect(try !campaignPlan().contains("deals_by_campaign"))
        try index.refresh()
        let all = ["campaigns_by_id", "creators_by_id", "deals_by_campaign", "deals_by_code", "deals_by_owner"]
        #expect(try lookups() == all)
        #expect(try campaignPlan().contains("deals_by_campaign"))
        try index.database.write { try $0.execute(sql: "DROP INDEX deals_by_owner") }
        #expect(try index.refresh().filesRead == 0)
        #expect(try lookups() == all)
    }

    @Test func somethingOtherThanAFileInItsPlaceIsLeftAlone() throws {
        let (folder, store) = try Self.demoFolder()
        let path = folder.data + "/cache/" + FolderIndex.fileName
        _ = mkdir(folder.data + "/cache", 0o700) // the change journal may have made it already
        #expect(mkdir(path, 0o700) == 0)
        #expect(throws: FolderIndexError.self) { _ = try FolderIndex(store: store) }
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
    }

    @Test(arguments: [FolderSharing.privateToUser, .team])
    func itHasTheFoldersMode(sharing: FolderSharing) throws {
        let (folder, store) = try Self.demoFolder(sharing: sharing)
        let previous = umask(0o077)
        defer { umask(previous) }
        try FolderIndex(store: store).refresh()
        var info = stat()
        #expect(lstat(folder.data + "/cache/" + FolderIndex.fileName, &info) == 0)
        #expect(info.st_mode & 0o777 == (sharing == .team ? 0o660 : 0o600))
    }

    /// A file that has a problem is read once, but its problem is said on every refresh, as a full read said it.
    @Test func aProblemFileIsReportedEveryTime() throws {
        let (folder, store) = try Self.demoFolder()
        let deal = try #require(Self.demo.deals.first)
        var generator = SystemRandomNumberGenerator()
        let stranger = RecordID.generate(at: Date(), using: &generator)
        let misnamed = folder.data + "/deals/" + DataFolderLayout.fileName(stranger)
        #expect(rename(folder.data + "/deals/" + DataFolderLayout.fileName(deal.id), misnamed) == 0)
        let index = try FolderIndex(store: store)
        let first = try index.refresh()
        let second = try index.refresh(fullCheck: true)
        #expect(first.problems.count == 1 && first.problems == second.problems)
        #expect(second.filesRead == 0)
        #expect(first.problems.first?.contains(DataFolderLayout.fileName(stranger)) == true)
    }
}
