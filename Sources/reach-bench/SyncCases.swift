import Foundation
import ReachCore
import ReachStore

/// `reach sync` of 100 changed deals between two clones of a big folder (issue #17: ≤ 2 s at 100k), on the real
/// binary as users run it: one clone sends (commit + fetch + push), the other receives (commit check + fetch +
/// merge + push). The clones and their bare repository are made once per size and kept under `$TMPDIR`.
enum SyncCases {
    static let all = [sync(10_000), sync(100_000)]

    static func sync(_ count: Int) -> BenchCase {
        let world = SyncBenchWorld(dataset: Dataset(influencers: count))
        return BenchCase(name: "sync.100-changes-\(count / 1_000)k", datasets: [count], run: { options in
            try world.prepare()
            var sent: [(wall: Duration, cpu: Double)] = [], received: [(wall: Duration, cpu: Double)] = []
            for round in 0..<options.iterations(10) {
                try world.changeDeals(100, round: round)
                sent.append(try Measure.timed { try world.sync(world.sender) })
                received.append(try Measure.timed { try world.sync(world.receiver) })
            }
            let note = "\(count) creators, 100 deals changed on the other clone; `reach sync` as a child process"
            return [
                BenchResult(name: "reach sync, send 100 changed deals @\(count / 1_000)k", samples: Samples(sent),
                            target: .p99(below: 2_000), note: note),
                BenchResult(name: "reach sync, receive 100 changed deals @\(count / 1_000)k", samples: Samples(received),
                            target: .p99(below: 2_000), note: note),
            ]
        }, prepare: { try world.prepare() })
    }
}

/// A bare repository and two clones of a bench data folder, set up with `reach sync init`.
struct SyncBenchWorld: Sendable {
    var dataset: Dataset
    var root: String { "\(Dataset.temporaryDirectory)/reach-bench-sync-\(dataset.influencers)" }
    var sender: String { root + "/sender" }
    var receiver: String { root + "/receiver" }
    private var marker: String { root + "/.complete" }

    /// The `reach` built beside this benchmark (the child runs as `/proc/self/exe`, so that link is resolved).
    static var reach: String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("reach").path
    }

    func prepare() throws {
        guard !FileManager.default.fileExists(atPath: marker) else { return }
        guard FileManager.default.isExecutableFile(atPath: Self.reach) else {
            throw BenchError(description: "\(Self.reach) is missing: build it first (swift build -c release --product reach)")
        }
        Progress.say("setting up two synced clones of \(dataset.folder) in \(root) (kept for next runs)…")
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try run("/usr/bin/env", ["git", "init", "--quiet", "--bare", "--initial-branch=main", root + "/remote.git"])
        try run("/bin/cp", ["-a", dataset.folder, sender])
        try? FileManager.default.removeItem(atPath: sender + "/.reach-bench-complete")
        try run(Self.reach, ["--data-dir", sender, "sync", "init", root + "/remote.git"])
        try run(Self.reach, ["--data-dir", receiver, "sync", "init", root + "/remote.git"])
        guard FileManager.default.createFile(atPath: marker, contents: Data()) else {
            throw BenchError(description: "cannot write \(marker)")
        }
    }

    /// 100 deals' notes changed on the sender through the store, as the app saves them.
    func changeDeals(_ count: Int, round: Int) throws {
        let store = try RecordStore(folder: sender)
        let names = try FileManager.default.contentsOfDirectory(atPath: sender + "/deals").filter { $0.hasSuffix(".json") }.sorted()
        for name in names.dropFirst(round * count).prefix(count) {
            guard var deal = try store.load(Deal.self, id: RecordID(rawValue: String(name.dropLast(5)))) else { continue }
            deal.notes = "Bench round \(round)"
            _ = try store.save(deal, expectedRevision: deal.revision)
        }
    }

    func sync(_ folder: String) throws { try run(Self.reach, ["--data-dir", folder, "sync"]) }

    private func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(description: "\(arguments.joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
