import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReachCore
import Testing

extension EndToEndTests {
    /// Scenario 11: once a command has built the folder index, a restart starts from it, yet creators renamed, deleted
    /// and added by hand while Reach was closed show on the Roster: first with the revision untouched, then with it
    /// bumped by an edit that keeps the file's size and modification time (only its change time tells). Nothing goes
    /// to the user's home or cache folder: the index is the folder's.
    @Test("A restart from the folder index still shows edits made while Reach was closed")
    func restartFromTheIndexShowsEditsMadeWhileClosed() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        try buildTheIndex(of: folder)
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.quit()
        try expectOnlyTheIndexIn(app)
        #expect(!FileManager.default.fileExists(atPath: app.tmux.home.home.appendingPathComponent(".cache").path))
        #expect(!FileManager.default.fileExists(atPath: app.tmux.home.cache.path))

        // Revision untouched, as a hand edit in a text editor leaves it.
        let renamed = "Žaneta 🧪 Index", added = "Nová Kopie 🧪"
        try editInPlace(try creatorFile(folder, named: "Freja Holm")) { rename($0, "Freja Holm", to: renamed) }
        try FileManager.default.removeItem(at: try creatorFile(folder, named: "Élodie Marchand"))
        try addCopy(of: try creatorFile(folder, named: "Giulia Bianchi"), named: added, to: folder)
        try restart(app, shown: [(renamed, "Žaneta"), (added, "Nová")], gone: [("Freja Holm", "Freja"), ("Élodie Marchand", "Élodie")])

        // Revision bumped; the renamed file keeps its inode, size and modification time. The creator added above
        // (now in the index) is deleted, and the first rename still shows.
        let renamedAgain = "Žofie 🧪 Revize", addedAgain = "Druhá Kopie 🧪"
        try editInPlace(try creatorFile(folder, named: "The Ledger Pod — Mike Ross"), keepingSizeAndTime: true) {
            rename($0, "The Ledger Pod — Mike Ross", to: renamedAgain)
                .replacingOccurrences(of: #""revision": 1,"#, with: #""revision": 2,"#)
        }
        try FileManager.default.removeItem(at: try creatorFile(folder, named: added))
        try addCopy(of: try creatorFile(folder, named: "Jonas Krüger"), named: addedAgain, to: folder)
        try restart(app, shown: [(renamedAgain, "Žofie"), (addedAgain, "Druhá"), (renamed, "Žaneta")],
                    gone: [("The Ledger Pod", "Ledger"), (added, "Nová")])
        #expect(try folder.records("influencers").contains { $0["displayName"] as? String == renamedAgain && $0["revision"] as? Int == 2 })
        #expect(try startsFromTheIndex(folder) == 3)
    }

    /// Scenario 12: a damaged folder index (garbage, cut short) is never trusted: Reach starts on the record files as
    /// if there were no index, says nothing is wrong with the user's data, and the next command builds the index
    /// again, which the next start uses. One damage after the other in one session.
    @Test("A damaged folder index is ignored and rebuilt")
    func damagedIndexIsIgnoredAndRebuilt() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let index = folder.url.appendingPathComponent("cache/index.sqlite")
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.quit()
        for (round, damage) in IndexDamage.allCases.enumerated() {
            try buildTheIndex(of: folder)
            let good = try Data(contentsOf: index)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path + suffix) }
            try damage.apply(to: good).write(to: index)
            try app.start()
            try app.tmux.waitFor(text: " to do")
            try app.go(to: "2", expecting: try Self.allCreators(folder))
            #expect(!(try app.tmux.settledScreen()).contains("did not load cleanly"), "after \(damage)")
            try app.quit()
            #expect(try startsFromTheIndex(folder) == round, "the damaged index was not used (\(damage))")
            // The start emptied (or removed) it; the next command builds it again, and the next start uses it.
            try buildTheIndex(of: folder)
            try app.start()
            try app.tmux.waitFor(text: " to do")
            try app.quit()
            #expect(try startsFromTheIndex(folder) == round + 1, "after \(damage)")
        }
    }

    /// The index is the folder's, not one user's: a teammate (another home, another cache folder) opening the folder
    /// for the first time starts from the index a command built. `reach report` reads through it too.
    @Test("A teammate's first start uses the folder's index")
    func teammatesFirstStartUsesTheFoldersIndex() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let report = try ReachBinary.run(["--data-dir", folder.url.path, "report", "campaign", "Rétinol Nuit serum launch"])
        #expect(report.status == 0 && report.output.contains("# Campaign report"), "\(report.output)")
        let first = try ReachSession(folder: folder.url)
        defer { first.close() }
        try first.quit()
        #expect(try startsFromTheIndex(folder) == 1)

        let teammate = try ReachSession(folder: folder.url)
        defer { teammate.close() }
        #expect(teammate.tmux.home.root != first.tmux.home.root)
        try teammate.quit()
        #expect(try startsFromTheIndex(folder) == 2)
    }

    /// How an index file gets damaged: a stray write, a full disk or a crash mid-copy.
    enum IndexDamage: CaseIterable {
        case garbage, truncated

        func apply(to index: Data) -> Data {
            switch self {
            case .garbage: Data(String(repeating: "not an index\n", count: 1000).utf8)
            // Still starts with SQLite's header, which promises pages that are gone.
            case .truncated: index.prefix(index.count / 2)
            }
        }
    }

    /// Builds (or brings up to date) the folder's index as any teammate's command does: `reach today`.
    private func buildTheIndex(of folder: DataFolder) throws {
        let today = try ReachBinary.run(["--data-dir", folder.url.path, "today"])
        #expect(today.status == 0, "\(today.output)")
    }

    /// How many starts the folder's log says began from the folder index.
    private func startsFromTheIndex(_ folder: DataFolder) throws -> Int {
        let log = folder.url.appendingPathComponent("logs/reach.log")
        return try String(contentsOf: log, encoding: .utf8).components(separatedBy: "started from the folder index").count - 1
    }

    /// The folder's `cache/` holds the index and its journal only (checked like a private folder's files must be: no
    /// temp file, no snapshot of an earlier Reach; the index 0600 and the folder 0700).
    private func expectOnlyTheIndexIn(_ app: ReachSession) throws {
        let cache = app.folder.appendingPathComponent("cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(names.allSatisfy { $0 == "changes.log" || $0.hasPrefix("index.sqlite") }, "\(names)")
        #expect(try permissions(cache.appendingPathComponent("index.sqlite")) == 0o600)
        #expect(try permissions(cache) == 0o700)
    }

    private func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    /// Restarts `app` and checks what was edited while it was closed: each `shown` name is found by searching the
    /// Roster for its query, and each `gone` one is not.
    private func restart(_ app: ReachSession, shown: [(name: String, query: String)], gone: [(name: String, query: String)]) throws {
        try app.start()
        try app.go(to: "2", expecting: " creators")
        for (name, query) in shown {
            try search(app, query)
            try app.tmux.waitFor(text: name, timeout: 5)
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
    /// journal line, no rename: the index cannot know) is caught by the first scan; a temp file left by a crashed
    /// writer and an earlier Reach's snapshot are swept while the app runs.
    @Test("A start from the folder index reads records on demand")
    func aStartFromTheFolderIndexReadsRecordsOnDemand() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        try buildTheIndex(of: folder)
        let renamed = "Žaneta 🧪 Index"
        try editInPlace(try creatorFile(folder, named: "Freja Holm")) { rename($0, "Freja Holm", to: renamed) }
        // A crashed writer's temp file, two days old, its process long gone.
        let stale = folder.url.appendingPathComponent("influencers/.01JZZZZZZZZZZZZZZZZZZZZZZZ.json.tmp-999999-x")
        try Data("{}".utf8).write(to: stale)
        var times = [timespec(tv_sec: time(nil) - 172_800, tv_nsec: 0), timespec(tv_sec: time(nil) - 172_800, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, stale.path, &times, 0) == 0)
        let snapshot = folder.url.appendingPathComponent("cache/0123456789abcdef.snapshot")
        try Data("REACHSNP".utf8).write(to: snapshot)

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
        #expect(!FileManager.default.fileExists(atPath: snapshot.path), "the earlier Reach's snapshot is removed")
        try app.quit()
        let log = try String(contentsOf: folder.url.appendingPathComponent("logs/reach.log"), encoding: .utf8)
        #expect(log.contains("started from the folder index: "), "\(log)")
        try expectOnlyTheIndexIn(app)
    }
}

extension EndToEndTests {
    /// Another terminal imports 1,500 creators while the app is open: the app applies them to a copy of its workspace
    /// off the loop (the log says so) and swaps it in; they show on the Roster and in its search, and the app keeps
    /// answering keys.
    ///
    /// The app is stopped (SIGSTOP) while the import writes, so that it sees all 1,500 files in one look at the
    /// folder: running, it may look mid-import and apply the rest, fewer than `PreparedChanges.from`, on the loop
    /// (CI saw 1,245 + 255). It runs under `sh -c` (`afterwards`), which, unlike the pane's interactive shell, does
    /// not take the terminal back when its child stops.
    @Test("Another session's large import shows in an open app")
    func anotherSessionsLargeImportShowsInAnOpenApp() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let before = try folder.records("influencers").count
        let app = try ReachSession(folder: folder.url, afterwards: "true")
        defer { app.close() }
        try app.go(to: "2", expecting: try Self.allCreators(folder))

        let csv = folder.url.deletingLastPathComponent().appendingPathComponent("import-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let rows = (1...1_500).map { "Importé Ōkubo \($0),@okubo\($0),\($0 * 100)\n" }.joined()
        try Data(("Name,Instagram,Followers\n" + rows).utf8).write(to: csv)
        let pid = try app.pid()
        #expect(kill(pid, SIGSTOP) == 0)
        let importing = Result { try ReachBinary.run(["import", "influencers", csv.path, "--data-dir", folder.url.path]) }
        #expect(kill(pid, SIGCONT) == 0)
        let imported = try importing.get()
        #expect(imported.status == 0, "\(imported.output)")

        try app.tmux.waitFor(text: "\(before + 1_500) of \(before + 1_500) creators", timeout: 20)
        try search(app, "okubo 1499")
        try app.tmux.waitFor(text: "Importé Ōkubo 1499", timeout: 5)
        try app.quit()
        let log = try String(contentsOf: folder.url.appendingPathComponent("logs/reach.log"), encoding: .utf8)
        #expect(log.contains("applying 1500 changes made outside this session off the loop"), "\(log)")
        #expect(!log.contains("on the loop: the workspace changed"), "the copy was swapped in: \(log)")
    }
}

extension EndToEndTests {
    /// Started from the folder index, the app reads a campaign's deals from their files when its dashboard is opened,
    /// off the loop: the screen first says which deals are being read, then shows the dashboard with no other key.
    @Test("A campaign's dashboard read on demand shows by itself")
    func aDashboardReadOnDemandShowsByItself() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        try buildTheIndex(of: folder)
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        try app.go(to: "4", expecting: "Campaign")
        // The first campaign's deals were read when the app started; the second's are not yet.
        try app.tmux.type("j")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Deals per stage", timeout: 5)
        #expect(!(try app.tmux.settledScreen()).contains("reading its"))
        try app.quit()
    }
}
