#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import ReachCore
import ReachStore

/// One of several sessions editing one folder: load, append a token, save; on conflict, log it,
/// reload and retry. Prints `ack` per saved edit and `conflict` per refused one.
struct ConcurrentEdits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concurrent", abstract: "Edit shared and own records a fixed number of times, retrying on conflict.")

    @OptionGroup var setup: StoreSetup

    @Option(help: "This worker's number (used in tokens and to seed its choices).")
    var worker: Int

    @Option(help: "How many edits to make.")
    var operations = 250

    @Option(help: "Comma-separated ids of records every worker edits (they must exist).")
    var shared: String

    @Option(help: "How many records of its own this worker creates and edits.")
    var own = 3

    @Option(help: "Longest pause between load and save, in microseconds (widens the race window).")
    var pause: UInt32 = 300

    func run() throws {
        let store = try setup.openStore()
        var generator = SeededGenerator(seed: UInt64(worker) &* 7_919 &+ 1)
        let sharedIDs = shared.split(separator: ",").map { RecordID(rawValue: String($0)) }
        let ownIDs = (0..<own).map { _ in RecordID.generate(at: Date(), using: &generator) }
        for operation in 0..<operations {
            let pickShared = ownIDs.isEmpty || Int.random(in: 0..<4, using: &generator) > 0
            let pool = pickShared ? sharedIDs : ownIDs
            let id = pool[Int.random(in: 0..<pool.count, using: &generator)]
            try edit(id, token: "w\(worker)-\(operation)", store: store, generator: &generator)
        }
        EventOutput.emit(.done)
    }

    /// Applies one edit, retrying on conflict until it is saved on top of the latest revision.
    private func edit(_ id: RecordID, token: String, store: RecordStore, generator: inout SeededGenerator) throws {
        while true {
            var record = try store.load(TortureRecord.self, id: id) ?? TortureRecord(id: id, at: Date(), body: "w\(worker)")
            record.tokens.append(token)
            usleep(UInt32.random(in: 0...pause, using: &generator))
            switch try store.save(record) {
            case .saved(let saved):
                EventOutput.emit(.ack(id: id, revision: saved.revision, digest: saved.digest, token: token))
                return
            case .conflict(let conflict):
                EventOutput.emit(.conflict(id: id, loaded: record.revision, theirs: conflict.theirsRevision))
            }
        }
    }
}
