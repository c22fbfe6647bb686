import ArgumentParser
import Foundation
import ReachCore
import ReachStore

/// Creates and edits records forever, printing `begin` before and `ack` after every save, until killed.
struct CrashLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash-loop", abstract: "Save records in a loop until killed; print begin/ack per save.")

    @OptionGroup var setup: StoreSetup

    @Option(help: "Seed for the choice of records and sizes (and the tokens written).")
    var seed: UInt64

    @Option(help: "Create new records until there are this many; then only edit.")
    var maxRecords = 30

    /// Body sizes in bytes: empty, small, a few KB, and files big enough that a kill lands mid-write.
    static let sizes: [ClosedRange<Int>] = [0...0, 1...200, 1_000...8_000, 30_000...150_000]

    func run() throws {
        let store = try setup.openStore()
        let loaded = store.loadAll(TortureRecord.self)
        guard loaded.problems.isEmpty else { throw ValidationError("problems on open: \(loaded.problems)") }
        var records = Dictionary(uniqueKeysWithValues: loaded.records.map { ($0.id, $0) })
        var generator = SeededGenerator(seed: seed)
        EventOutput.emit(.ready)
        for step in 0... {
            let token = "s\(seed)-\(step)"
            let existing = records.values.sorted { $0.id < $1.id }
            let createNew = existing.isEmpty || (existing.count < maxRecords && Int.random(in: 0..<3, using: &generator) == 0)
            var record = createNew
                ? TortureRecord(id: RecordID.generate(at: Date(), using: &generator), at: Date(), body: "")
                : existing[Int.random(in: 0..<existing.count, using: &generator)]
            let size = Int.random(in: Self.sizes[Int.random(in: 0..<Self.sizes.count, using: &generator)], using: &generator)
            record.body = token + String(repeating: Character(UnicodeScalar(UInt8(97 + step % 26))), count: size)
            record.tokens = [token]
            EventOutput.emit(.begin(id: record.id, revision: record.revision + 1, digest: record.digest))
            switch try store.save(record) {
            case .saved(let saved):
                records[saved.id] = saved
                EventOutput.emit(.ack(id: saved.id, revision: saved.revision, digest: saved.digest, token: token))
            case .conflict(let conflict):
                EventOutput.emit(.conflict(id: record.id, loaded: record.revision, theirs: conflict.theirsRevision))
                throw ExitCode(2)  // one writer alone must never conflict
            }
        }
    }
}
