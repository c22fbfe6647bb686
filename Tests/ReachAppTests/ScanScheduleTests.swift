import Foundation
import ReachCore
import ReachStore
import Testing
@testable import ReachApp

/// An idle app must not stat the whole folder every second: with a watcher it looks only at the files the
/// kernel named, with a rare full scan; without one, full scans are spaced by their own cost.
@Suite struct ScanScheduleTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func withAWatcherOnlyTheNamedFilesAreScannedBetweenRareFullScans() throws {
        let path = NSTemporaryDirectory() + "reach-scan-schedule-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try RecordStore(folder: path)
        var schedule = ScanSchedule(watcher: { FolderWatcher(layout: store.layout) }, interval: 0.5, now: Self.start)
        #expect(!schedule.isWatching, "the watcher is made at the first look, after a start's first frame")
        schedule.collect()
        #expect(schedule.isWatching)

        #expect(schedule.next(now: Self.start.addingTimeInterval(0.4)) == nil, "not before the interval")
        #expect(schedule.next(now: Self.start.addingTimeInterval(0.5)) == .everything, "the first scan catches up with the files")
        schedule.fullScanTook(0.7)
        schedule.collect()
        #expect(schedule.next(now: Self.start.addingTimeInterval(1)) == nil, "nothing changed: nothing is stat'ed")

        let theirs = try RecordStore(folder: path)
        let creator = Influencer(id: RecordID.generate(at: Self.start), createdAt: Self.start, displayName: "Ilze Ozola")
        #expect(try theirs.save(creator, expectedRevision: 0).saved != nil)
        schedule.collect()
        #expect(schedule.next(now: Self.start.addingTimeInterval(1.5)) == .files([.influencer: [creator.id.rawValue + ".json"]]))
        schedule.collect()
        #expect(schedule.next(now: Self.start.addingTimeInterval(2)) == nil)

        // The safety-net full scan: at least a minute apart, and 300 times its own duration (0.7 s here).
        #expect(schedule.next(now: Self.start.addingTimeInterval(0.5 + 209)) == nil)
        #expect(schedule.next(now: Self.start.addingTimeInterval(0.5 + 210)) == .everything)
    }

    @Test func withoutAWatcherFullScansAreSpacedByTheirCost() {
        var schedule = ScanSchedule(watcher: { nil }, interval: 0.5, now: Self.start)
        #expect(!schedule.isWatching)
        #expect(schedule.next(now: Self.start.addingTimeInterval(0.5)) == .everything)
        schedule.fullScanTook(0.01)
        #expect(schedule.next(now: Self.start.addingTimeInterval(1)) == .everything, "a small folder is scanned every interval")
        schedule.fullScanTook(0.7)
        #expect(schedule.next(now: Self.start.addingTimeInterval(7.9)) == nil, "a 0.7 s scan runs every 7 s at most")
        #expect(schedule.next(now: Self.start.addingTimeInterval(8)) == .everything)
    }
}
