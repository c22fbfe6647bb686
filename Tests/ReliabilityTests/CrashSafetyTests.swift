#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReachCore
import Testing
@testable import ReachStore
@testable import reach_torture

/// A writer killed with SIGKILL at random moments never leaves a damaged or half-written record:
/// every record is its last acknowledged version or the one being written, temp files are never
/// loaded, and the next open removes them.
@Suite struct CrashSafetyTests {
    /// What a record held at one revision.
    struct Version: Equatable, CustomStringConvertible {
        var revision: Int
        var digest: String
        var description: String { "r\(revision) \(digest)" }
    }

    /// Counts for the closing note.
    struct Tally {
        var kills = 0, killedDuringOpen = 0, acknowledged = 0, interruptedLanded = 0, interruptedLost = 0, tempFilesCleaned = 0
    }

    @Test func killedWriterNeverLosesAnAcknowledgedWrite() throws {
        let kills = longTests ? 2_000 : 200
        let seed: UInt64 = 20_250_601
        let scratch = try Scratch()
        var generator = SeededGenerator(seed: seed)
        var model: [RecordID: Version] = [:]
        var tally = Tally()
        let started = ContinuousClock.now
        for round in 0..<kills {
            let child = try TortureChild(
                ["crash-loop", "--folder", scratch.data, "--seed", "\(generator.next())"], outputTo: scratch.path + "/child")
            // Most kills land in the write loop, 0-40 ms after the first save began (so however busy
            // the machine, each round has a write in flight); one in ten lands while the store opens.
            if Int.random(in: 0..<10, using: &generator) == 0 {
                usleep(UInt32.random(in: 0...30_000, using: &generator))
                tally.killedDuringOpen += 1
            } else {
                try child.wait { $0.contains("\nbegin ") }
                usleep(UInt32.random(in: 0...40_000, using: &generator))
            }
            child.kill()
            tally.kills += 1
            let pending = try applyAcknowledged(child.events, to: &model, tally: &tally, round: round)
            tally.tempFilesCleaned += try checkFolderAfterKill(scratch.data, round: round)
            try compareWithDisk(scratch.data, model: &model, pending: pending, tally: &tally, round: round)
        }
        #expect(tally.interruptedLanded + tally.interruptedLost > kills / 4, "too few kills landed during a save")
        #expect(tally.tempFilesCleaned > 0, "no kill left a temp file behind: the cleanup was not exercised")
        let elapsed = ContinuousClock.now - started
        report("crash safety", [
            "seed": seed, "kills": tally.kills, "killedDuringOpen": tally.killedDuringOpen, "acknowledgedWrites": tally.acknowledged,
            "interruptedWritesOnDisk": tally.interruptedLanded, "interruptedWritesNotOnDisk": tally.interruptedLost,
            "tempFilesCleanedOnOpen": tally.tempFilesCleaned, "records": model.count, "seconds": elapsed.components.seconds,
        ])
    }

    /// Folds the child's acks into `model` (checking each follows the previous revision) and returns
    /// the one write that began but was not acknowledged, if any.
    private func applyAcknowledged(
        _ events: [TortureEvent], to model: inout [RecordID: Version], tally: inout Tally, round: Int
    ) throws -> (id: RecordID, version: Version)? {
        var pending: (id: RecordID, version: Version)?
        for event in events {
            switch event {
            case let .begin(id, revision, digest):
                #expect(pending == nil, "round \(round): a new write began before \(pending.map { "\($0.id)" } ?? "") was acknowledged")
                #expect(revision == (model[id]?.revision ?? 0) + 1, "round \(round): \(id) begins r\(revision) after \(String(describing: model[id]))")
                pending = (id, Version(revision: revision, digest: digest))
            case let .ack(id, revision, digest, _):
                let version = Version(revision: revision, digest: digest)
                #expect(pending?.id == id && pending?.version == version, "round \(round): ack \(id) \(version) was not the write begun")
                model[id] = version
                pending = nil
                tally.acknowledged += 1
            case .conflict:
                Issue.record("round \(round): a single writer got a conflict: \(event.line)")
            default:
                continue
            }
        }
        return pending
    }

    /// Every file parses as JSON except our temp files; reopening removes the temp files of dead
    /// processes. Returns how many temp files the reopen removed.
    private func checkFolderAfterKill(_ data: String, round: Int) throws -> Int {
        guard FileManager.default.fileExists(atPath: data) else { return 0 }  // killed before it created the folder
        var tempFiles: [String] = []
        let walker = FileManager.default.enumerator(atPath: data)
        while let relative = walker?.nextObject() as? String {
            let path = data + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let name = (relative as NSString).lastPathComponent
            if name == ".lock" { continue }
            if name.hasPrefix("."), name.contains(AtomicWriter.tempMarker) {
                tempFiles.append(path)
                continue
            }
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(throws: Never.self, "round \(round): \(relative) does not parse") { try JSONParser.parse(bytes) }
        }
        _ = try RecordStore(folder: data, options: StoreOptions(staleTempAge: .zero))
        var removed = 0
        for path in tempFiles {
            if FileManager.default.fileExists(atPath: path) {
                let pid = Int32(path.split(separator: "-").dropLast().last ?? "") ?? 0
                #expect(Posix.processExists(pid), "round \(round): stale temp file \(path) survived the reopen")
            } else {
                removed += 1
            }
        }
        return removed
    }

    /// Each record on disk is its last acknowledged version, or the interrupted write; nothing else.
    private func compareWithDisk(
        _ data: String, model: inout [RecordID: Version], pending: (id: RecordID, version: Version)?, tally: inout Tally, round: Int
    ) throws {
        guard FileManager.default.fileExists(atPath: data) else { return }
        let store = try RecordStore(folder: data)
        let loaded = store.loadAll(TortureRecord.self)
        #expect(loaded.problems.isEmpty, "round \(round): \(loaded.problems)")
        var disk = Dictionary(uniqueKeysWithValues: loaded.records.map { ($0.id, Version(revision: $0.revision, digest: $0.digest)) })
        if let pending {
            if disk[pending.id] == pending.version {
                model[pending.id] = pending.version
                tally.interruptedLanded += 1
            } else {
                tally.interruptedLost += 1
            }
        }
        for (id, expected) in model {
            let found = disk.removeValue(forKey: id)
            #expect(found == expected, "round \(round): \(id) is \(found.map(\.description) ?? "missing"), acknowledged \(expected)")
        }
        #expect(disk.isEmpty, "round \(round): records nobody wrote: \(disk)")
    }
}
