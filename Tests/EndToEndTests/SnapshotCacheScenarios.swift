import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReachCore
import Testing

extension EndToEndTests {
    /// Scenario 11: a restart starts from the snapshot cache, yet creators renamed, deleted and added by hand while
    /// Reach was closed show on the Roster within seconds: first with the revision untouched, then with it bumped
    /// by an edit that keeps the file's size and modification time (only its change time tells).
    @Test("A restart uses the cache and still shows edits made while Reach was closed")
    func restartUsesCacheAndShowsEditsMadeWhileClosed() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.quit()
        let snapshot = try snapshotFile(app)
        // The snapshot is the folder's: nothing goes to the user's home or cache folder.
        #expect(!FileManager.default.fileExists(atPath: app.tmux.home.home.appendingPathComponent(".cache").path))
        #expect(!FileManager.default.fileExists(atPath: app.tmux.home.cache.path))

        // Revision untouched, as a hand edit in a text editor leaves it.
        let renamed = "Žaneta 🧪 Cache", added = "Nová Kopie 🧪"
        try editInPlace(try creatorFile(folder, named: "Freja Holm")) { rename($0, "Freja Holm", to: renamed) }
        try FileManager.default.removeItem(at: try creatorFile(folder, named: "Élodie Marchand"))
        try addCopy(of: try creatorFile(folder, named: "Giulia Bianchi"), named: added, to: folder)
        try restart(app, expectingChanges: 3, shown: [(renamed, "Žaneta"), (added, "Nová")],
                    gone: [("Freja Holm", "Freja"), ("Élodie Marchand", "Élodie")])
        // Quitting after those changes rewrote the snapshot with them.
        let rewritten = try Data(contentsOf: snapshot)
        #expect(rewritten.range(of: Data(renamed.utf8)) != nil && rewritten.range(of: Data(added.utf8)) != nil)

        // Revision bumped; the renamed file keeps its inode, size and modification time. The creator added above
        // (now from the snapshot) is deleted, and the first rename still shows.
        let renamedAgain = "Žofie 🧪 Revize", addedAgain = "Druhá Kopie 🧪"
        try editInPlace(try creatorFile(folder, named: "The Ledger Pod — Mike Ross"), keepingSizeAndTime: true) {
            rename($0, "The Ledger Pod — Mike Ross", to: renamedAgain)
                .replacingOccurrences(of: #""revision": 1,"#, with: #""revision": 2,"#)
        }
        try FileManager.default.removeItem(at: try creatorFile(folder, named: added))
        try addCopy(of: try creatorFile(folder, named: "Jonas Krüger"), named: addedAgain, to: folder)
        try restart(app, expectingChanges: 3, shown: [(renamedAgain, "Žofie"), (addedAgain, "Druhá"), (renamed, "Žaneta")],
                    gone: [("The Ledger Pod", "Ledger"), (added, "Nová")])
        #expect(try folder.records("influencers").contains { $0["displayName"] as? String == renamedAgain && $0["revision"] as? Int == 2 })
    }

    /// Scenario 12: a damaged snapshot (garbage, cut short, one byte changed) is ignored: Reach starts on the data
    /// folder as if there were no cache, and leaves a good snapshot that the next start uses. One damage after the
    /// other in one session: each start takes a tenth of a second, a test of its own would add a second.
    @Test("A damaged cache is ignored")
    func damagedCacheIsIgnored() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.quit()
        let snapshot = try snapshotFile(app)
        let good = try Data(contentsOf: snapshot)
        for damage in SnapshotDamage.allCases {
            try damage.apply(to: good).write(to: snapshot)
            try app.start()
            try app.tmux.waitFor(text: " to do")
            try app.go(to: "2", expecting: try Self.allCreators(folder))
            #expect(!(try app.tmux.settledScreen()).contains("did not load cleanly"), "after \(damage)")
            try app.quit()
            // The same records and file stamps as the good one: the same size.
            #expect(try Data(contentsOf: try snapshotFile(app)).count == good.count, "after \(damage)")
        }

        // The next start uses it: its first scan reports the one file edited meanwhile.
        let renamed = "Žaneta 🧪 Cache"
        try editInPlace(try creatorFile(folder, named: "Freja Holm")) { rename($0, "Freja Holm", to: renamed) }
        try app.start()
        try app.tmux.waitFor(text: "1 change made outside this session", timeout: 5)
    }

    /// The snapshot is the folder's, not one user's: a teammate (another home, another cache folder) opening the folder
    /// for the first time starts from it. `reach report` needs neither it nor every file: it reads through the folder
    /// index.
    @Test("A teammate's first start uses the folder's snapshot")
    func teammatesFirstStartUsesTheFoldersSnapshot() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let first = try ReachSession(folder: folder.url)
        defer { first.close() }
        try first.quit()
        _ = try snapshotFile(first)
        let log = folder.url.appendingPathComponent("logs/reach.log")
        func startsFromTheSnapshot() throws -> Int {
            try String(contentsOf: log, encoding: .utf8).components(separatedBy: "records from the snapshot").count - 1
        }
        #expect(try startsFromTheSnapshot() == 0, "the first start read the files")

        let teammate = try ReachSession(folder: folder.url)
        defer { teammate.close() }
        #expect(teammate.tmux.home.root != first.tmux.home.root)
        try teammate.quit()
        #expect(try startsFromTheSnapshot() == 1)

        let report = try ReachBinary.run(["--data-dir", folder.url.path, "report", "campaign", "Rétinol Nuit serum launch"])
        #expect(report.status == 0 && report.output.contains("# Campaign report"), "\(report.output)")
        #expect(try startsFromTheSnapshot() == 1)
        #expect(try String(contentsOf: log, encoding: .utf8).contains("index: read "))
    }

    /// How a cache file gets damaged: a stray write, a full disk or a crash mid-copy, a flipped bit.
    enum SnapshotDamage: CaseIterable {
        case garbage, truncated, oneByteChanged

        func apply(to snapshot: Data) -> Data {
            switch self {
            case .garbage: Data(String(repeating: "not a snapshot\n", count: 1000).utf8)
            // Still starts with the magic, the folder's path and the first records; the table is gone.
            case .truncated: snapshot.prefix(snapshot.count / 2)
            // Inside the records: the magic, the path and the table still check out, one chunk's checksum does not.
            case .oneByteChanged: {
                var bytes = snapshot
                let index = bytes.startIndex + bytes.count / 4
                bytes[index] ^= 0x20
                return bytes
            }()
            }
        }
    }

    /// `SnapshotFile.magic` in Sources/ReachStore/Snapshot: every snapshot starts with it.
    private static let snapshotMagic = Data("REACHSNP".utf8)

    /// The folder's one snapshot (checked like a private folder's file must be: alone in its `cache/`, no temp
    /// file left over; the Reach magic first; the file 0600 and the folders the app made 0700).
    private func snapshotFile(_ app: ReachSession) throws -> URL {
        let cache = app.folder.appendingPathComponent("cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        // Beside it only the folder index's files: no temp file.
        let snapshots = names.filter { $0.hasSuffix(".snapshot") }
        #expect(names.allSatisfy { $0.hasSuffix(".snapshot") || $0 == "changes.log" || $0.hasPrefix("index.sqlite") }, "\(names)")
        let name = try #require(snapshots.count == 1 ? snapshots.first : nil, "expected one snapshot, found \(names)")
        let file = cache.appendingPathComponent(name)
        let bytes = try Data(contentsOf: file)
        // The demo's records take about 200 KB.
        #expect(bytes.starts(with: Self.snapshotMagic) && bytes.count > 50_000, "\(bytes.count) bytes: \(bytes.prefix(16) as NSData)")
        #expect(try permissions(file) == 0o600)
        #expect(try permissions(cache) == 0o700)
        return file
    }

    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    /// Restarts `app` and checks what was edited while it was closed: the first scan reports `changes` (a start that
    /// read the files would have nothing to report), each `shown` name is found by searching the Roster for its
    /// query, and each `gone` one is not.
    private func restart(_ app: ReachSession, expectingChanges changes: Int,
                         shown: [(name: String, query: String)], gone: [(name: String, query: String)]) throws {
        try app.start()
        try app.go(to: "2", expecting: " creators")
        for (index, (name, query)) in shown.enumerated() {
            try search(app, query)
            try app.tmux.waitFor(text: name, timeout: 5)
            // Shown by the same frame as the first name, and for 4 s.
            if index == 0 { try app.tmux.waitFor(text: "\(changes) changes made outside this session", timeout: 1) }
        }
        for (name, query) in gone {
            try search(app, query)
            let screen = try app.tmux.settledScreen()
            #expect(!screen.contains(name), "\(name) is still there:\n\(screen)")
        }
        try app.quit()
    }

    /// Searches the Roster for `query` (replacing any earlier search) and waits for the filtered list.
    func search(_ app: ReachSession, _ query: String) throws {
        try app.tmux.type("/")
        try app.tmux.waitFor(text: "Search:")
        try app.tmux.press("C-u")
        try app.tmux.type(query)
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "search “\(query)”")
    }
}

extension EndToEndTests {
    /// Once a command has built the folder index, the app starts from it: each creator's summary and each deal's row,
    /// the full records read from their files when shown. A creator renamed in place while the app was closed (no
    /// journal line, no rename: the index cannot know) is caught by the first scan; an older snapshot is neither
    /// used nor written; a temp file left by a crashed writer is swept while the app runs.
    @Test("A start from the folder index reads records on demand")
    func aStartFromTheFolderIndexReadsRecordsOnDemand() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let today = try ReachBinary.run(["--data-dir", folder.url.path, "today"])
        #expect(today.status == 0, "\(today.output)")
        let renamed = "Žaneta 🧪 Index"
        try editInPlace(try creatorFile(folder, named: "Freja Holm")) { rename($0, "Freja Holm", to: renamed) }
        // A crashed writer's temp file, two days old, its process long gone.
        let stale = folder.url.appendingPathComponent("influencers/.01JZZZZZZZZZZZZZZZZZZZZZZZ.json.tmp-999999-x")
        try Data("{}".utf8).write(to: stale)
        var times = [timespec(tv_sec: time(nil) - 172_800, tv_nsec: 0), timespec(tv_sec: time(nil) - 172_800, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, stale.path, &times, 0) == 0)

        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.go(to: "2", expecting: try Self.allCreators(folder))
        try search(app, "Žaneta")
        try app.tmux.waitFor(text: renamed, timeout: 5)
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Accounts") // the full creator, read from their file
        #expect(try app.tmux.settledScreen().contains(renamed))
        for _ in 0..<50 where FileManager.default.fileExists(atPath: stale.path) { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!FileManager.default.fileExists(atPath: stale.path), "the stale temp file is swept")
        try app.quit()
        let log = try String(contentsOf: folder.url.appendingPathComponent("logs/reach.log"), encoding: .utf8)
        #expect(log.contains("started from the folder index: "), "\(log)")
        #expect(!log.contains("records from the snapshot"))
        let cache = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("cache").path)
        #expect(!cache.contains { $0.hasSuffix(".snapshot") }, "\(cache)")
    }
}
