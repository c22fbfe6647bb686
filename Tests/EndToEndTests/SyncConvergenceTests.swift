import Foundation
import ReachCore
import ReachDemo
import ReachStore
import Testing

/// Issue #17's property: three replicas of one bare repository, over a thousand random edits (through the store and
/// by hand) and syncs through the real `reach sync` and its merge driver. Afterwards every replica is byte-identical,
/// every edit not knowingly overwritten is in a record or a conflict record, every file parses and none holds a
/// conflict marker.
@Suite("Sync convergence", .serialized)
struct SyncConvergenceTests {
    @Test("3 replicas × 1,000+ random edits and syncs converge with no lost edit, no bad file, no marker",
          arguments: [UInt64(17), 1_707])
    func convergence(seed: UInt64) throws {
        let world = try SyncWorld(replicas: 3)
        defer { world.remove() }
        var random = DemoRandom(seed: seed)
        var ledger = EditLedger()
        var edits = 0
        while edits < 1_050 {
            let replica = Int.random(in: 0..<3, using: &random)
            if Int.random(in: 0..<12, using: &random) == 0 {
                try world.sync(replica)
                continue
            }
            if try world.edit(replica, ledger: &ledger, random: &random) { edits += 1 }
        }
        // Two rounds in a fixed order: the first brings everything to the last replica, the second back to all.
        for _ in 0..<2 {
            for replica in 0..<3 { try world.sync(replica) }
        }
        let snapshots = try (0..<3).map { try world.trackedFiles($0) }
        #expect(snapshots[0] == snapshots[1], "replicas 1 and 2 differ: \(SyncWorld.difference(snapshots[0], snapshots[1]))")
        #expect(snapshots[0] == snapshots[2], "replicas 1 and 3 differ: \(SyncWorld.difference(snapshots[0], snapshots[2]))")
        let everything = snapshots[0].values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        let lost = ledger.live.filter { !everything.contains($0) }.sorted()
        #expect(lost.isEmpty, "\(lost.count) of \(ledger.live.count) edits lost, e.g. \(lost.prefix(5))")
        #expect(edits >= 1_000)
        #expect(snapshots[0].keys.contains { $0.hasPrefix("conflicts/") }, "the run met no same-field clash: it tested too little")
        for (path, bytes) in snapshots[0] where path.hasSuffix(".json") {
            #expect((try? JSONSerialization.jsonObject(with: bytes)) != nil, "\(path) does not parse")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "\(path) holds a conflict marker")
        }
    }
}

/// Which edit tokens exist and which were knowingly replaced: a replica that overwrites a field it has seen
/// supersedes the token it saw there; nothing else may disappear.
struct EditLedger {
    private(set) var written: Set<String> = []
    private(set) var superseded: Set<String> = []

    var live: Set<String> { written.subtracting(superseded) }

    mutating func wrote(_ token: String, replacing seen: String?) {
        written.insert(token)
        if let seen { superseded.insert(seen) }
    }

    mutating func deleted(seen tokens: [String]) { superseded.formUnion(tokens) }
}
