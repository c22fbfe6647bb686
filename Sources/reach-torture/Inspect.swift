import ArgumentParser
import ReachStore

/// Loads every record and prints what loaded and what did not (run as another user to see what they see).
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load every record; print a record or problem line for each file.")

    @OptionGroup var setup: StoreSetup

    func run() throws {
        let loaded = try setup.openStore().loadAll(TortureRecord.self)
        for record in loaded.records.sorted(by: { $0.id < $1.id }) {
            EventOutput.emit(.record(id: record.id, revision: record.revision, digest: record.digest))
        }
        for problem in loaded.problems { EventOutput.emit(.problem(kind: problem.kind.rawValue, file: problem.file)) }
        EventOutput.emit(.done)
    }
}
