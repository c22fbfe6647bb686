import Foundation
import GRDB
import ReachCore
import Testing
@testable import ReachApp
@testable import ReachStore

/// An open app keeps the folder's shared index fresh, so that a command never finds its full check due while the
/// app is open (`IndexKeeping`).
@Suite struct IndexKeepingTests {
    /// Every folder's last full check, as seconds before now.
    static func fullCheckAges(_ store: RecordStore) throws -> [Double] {
        let now = Date().timeIntervalSince1970
        return try FolderIndex(store: store).database.read { db in
            try Double.fetchAll(db, sql: "SELECT verified_at FROM folders ORDER BY kind").map { now - $0 }
        }
    }

    static func setFullCheckAges(_ store: RecordStore, to age: TimeInterval) throws {
        try FolderIndex(store: store).database.write { db in
            try db.execute(sql: "UPDATE folders SET verified_at = ?", arguments: [Date().timeIntervalSince1970 - age])
        }
    }

    /// The runner looks a minute after the start and then every minute, and does the full check that is due: an
    /// edit made in place by another program, which a command would not see until its own full check, is in the
    /// index, and the check is recent again.
    @Test func theRunnerDoesTheDueFullCheckEveryMinute() throws {
        let h = try Harness { store in try FolderIndex(store: store).refresh() }
        let deal = try #require(Fx.deals.first)
        let path = h.store.layout.recordFile(.deal, deal.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"revision\"", with: "\"owner\": \"Edited in place\",\n  \"revision\"")
        #expect(edited != text)
        let handle = try #require(FileHandle(forUpdatingAtPath: path)) // in place: the folder's stamp stays
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try Self.setFullCheckAges(h.store, to: FolderIndex.keptFullCheckAge + 10)

        h.advance(seconds: IndexKeeping.interval - 1)
        h.type("")
        #expect(try Self.fullCheckAges(h.store).allSatisfy { $0 > FolderIndex.keptFullCheckAge }, "not looked at yet")
        h.advance(seconds: 1)
        h.type("")
        let ages = try Self.fullCheckAges(h.store)
        #expect(ages.count == 3 && ages.allSatisfy { $0 < 60 }, "\(ages)")
        let fresh = try FolderIndex(store: h.store, fileName: "fresh.sqlite")
        try fresh.refresh()
        #expect(try FolderIndex(store: h.store).contents() == fresh.contents())
        #expect(try FolderIndex(store: h.store).contents().contains { $0.contains("Edited in place") })
    }

    /// Files the kept index moved to quarantine are said, as the app's own scans say theirs.
    @Test func filesTheKeepingMovesToQuarantineAreSaid() throws {
        let folder = NSTemporaryDirectory() + "reach-index-keeping-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RecordStore(folder: folder)
        for deal in Fx.deals { _ = try store.save(deal, expectedRevision: 0) }
        for creator in Fx.influencers { _ = try store.save(creator, expectedRevision: 0) }
        Thread.sleep(forTimeInterval: 0.1) // past the coarse clock's tick: the listing's stamps can be trusted
        try FolderIndex(store: store).refresh()
        let deal = try #require(Fx.deals.first)
        let handle = try #require(FileHandle(forUpdatingAtPath: store.layout.recordFile(.deal, deal.id)))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("{ \"id\": ".utf8))
        try handle.close()

        #expect(IndexKeeping.keep(store) == IndexKeeping.Outcome(), "the check is not due yet")
        try Self.setFullCheckAges(store, to: FolderIndex.keptFullCheckAge)
        let outcome = IndexKeeping.keep(store), said = outcome.problems
        #expect(!outcome.failed)
        #expect(said.count == 1 && said[0].contains(DataFolderLayout.fileName(deal.id)) && said[0].contains("quarantine"), "\(said)")
        #expect(!FileManager.default.fileExists(atPath: store.layout.recordFile(.deal, deal.id)))

        var state = AppState(workspace: Workspace(), now: Fx.now)
        _ = App.update(&state, .indexKeptWithProblems(said))
        #expect(state.loadProblems == said)
        #expect(state.status?.level == .warning && state.status?.text.contains("1 file(s) could not be read") == true)
    }

    /// A folder with no index, or one not built, is left without: the app makes none.
    @Test func aFolderWithoutABuiltIndexIsLeftWithout() throws {
        let folder = NSTemporaryDirectory() + "reach-index-keeping-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try RecordStore(folder: folder)
        for deal in Fx.deals { _ = try store.save(deal, expectedRevision: 0) }
        let path = store.layout.cacheDirectory + "/" + FolderIndex.fileName
        #expect(IndexKeeping.keep(store) == IndexKeeping.Outcome())
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try FolderIndex(store: store)
        #expect(IndexKeeping.keep(store) == IndexKeeping.Outcome())
        #expect(try !FolderIndex(store: store).isBuilt(.deal))
    }

    @Test func itLooksOnceAMinute() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var keeping = IndexKeeping(now: start)
        let looks = [59, 60, 119, 120].map { keeping.isDue(now: start.addingTimeInterval($0)) }
        #expect(looks == [false, true, false, true])
    }

    /// While looks fail (a full disk, an unwritable index), each waits twice as long as the one before, up to 16
    /// minutes, so the log is not given the same warning every minute; one look that keeps it brings the minute back.
    @Test func itLooksLessOftenWhileTheIndexCannotBeKept() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var keeping = IndexKeeping(now: start)
        var now = start, waits: [TimeInterval] = []
        for outcome in Array(repeating: IndexKeeping.Outcome(failed: true), count: 6) + [IndexKeeping.Outcome()] {
            var waited: TimeInterval = 0
            while !keeping.isDue(now: now.addingTimeInterval(waited)) { waited += 1 }
            now = now.addingTimeInterval(waited)
            waits.append(waited)
            keeping.looked(outcome)
        }
        #expect(waits == [60, 120, 240, 480, 960, 960, 960])
        var waited: TimeInterval = 0
        while !keeping.isDue(now: now.addingTimeInterval(waited)) { waited += 1 }
        #expect(waited == 60)
    }
}
