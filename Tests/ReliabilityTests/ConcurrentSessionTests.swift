import Foundation
import ReachCore
import Testing
import ReachStore
@testable import reach_torture

/// Several processes editing one folder, some the same records, each retrying on conflict:
/// every acknowledged edit is in the final files, and no two sessions were told they saved the same revision.
@Suite struct ConcurrentSessionTests {
    @Test func sessionsEditingSharedRecordsLoseNoAcknowledgedWrite() throws {
        let workers = longTests ? 8 : 4
        let operations = longTests ? 1_000 : 250
        let scratch = try Scratch()
        let store = try RecordStore(folder: scratch.data)
        let shared = try (0..<3).map { index in
            try #require(try store.save(TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "shared \(index)")).saved)
        }
        let started = ContinuousClock.now
        let children = try (0..<workers).map { worker in
            try TortureChild(
                ["concurrent", "--folder", scratch.data, "--worker", "\(worker)", "--operations", "\(operations)",
                 "--shared", shared.map(\.id.rawValue).joined(separator: ",")],
                outputTo: scratch.path + "/worker\(worker)")
        }
        for child in children { try child.expectSuccess() }
        let elapsed = ContinuousClock.now - started

        var acks: [RecordID: [Int: (token: String, digest: String)]] = [:]
        var conflicts = 0
        for child in children {
            let events = child.events
            #expect(events.last == .done)
            for event in events {
                switch event {
                case let .ack(id, revision, digest, token):
                    #expect(acks[id]?[revision] == nil, "two sessions were both told they saved \(id) revision \(revision)")
                    acks[id, default: [:]][revision] = (token, digest)
                case let .conflict(id, loaded, theirs):
                    conflicts += 1
                    #expect(theirs > loaded, "conflict on \(id) although the disk still had r\(loaded)")
                default:
                    continue
                }
            }
        }
        #expect(acks.values.map(\.count).reduce(0, +) == workers * operations)

        for (id, byRevision) in acks {
            let sharedRecord = shared.first { $0.id == id }
            let firstRevision = sharedRecord == nil ? 1 : 2
            let revisions = byRevision.keys.sorted()
            #expect(revisions == Array(firstRevision...(revisions.last ?? 0)), "\(id): acknowledged revisions have gaps")
            let final = try #require(try store.load(TortureRecord.self, id: id))
            #expect(final.revision == revisions.last)
            #expect(final.digest == byRevision[final.revision]?.digest)
            // Each edit appended its token to the version it loaded, so the final record holds every
            // acknowledged edit in revision order; a silently overwritten edit would be missing here.
            #expect(final.tokens == revisions.compactMap { byRevision[$0]?.token }, "\(id) lost an acknowledged edit")
        }
        #expect(conflicts > 0, "sessions sharing records never conflicted: the test did not race")
        report("concurrent sessions", [
            "processes": workers, "operationsEach": operations, "sharedRecords": shared.count, "records": acks.count,
            "acknowledgedWrites": workers * operations, "conflictsDetected": conflicts, "seconds": elapsed.components.seconds,
        ])
    }
}
