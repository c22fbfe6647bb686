import ArgumentParser
import Foundation
import ReachCore
import ReachStore

/// Every kind of store write once (create, edit, delete, restore, workspace, quarantine and
/// migration backup of planted files, change scan), so a test can check file modes and that
/// nothing was written outside the folder. Prints an `ack` per record save.
struct Workout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workout", abstract: "Run every kind of store write once; print ack per save, then done.")

    @OptionGroup var setup: StoreSetup

    @Option(help: "How many records to create (each is then edited once).")
    var records = 5

    @Flag(help: "Edit the records already in the folder too (as a second user on a shared folder).")
    var editExisting = false

    func run() throws {
        let store = try setup.openStore()
        let loaded = store.loadAll(TortureRecord.self)
        for problem in loaded.problems { EventOutput.emit(.problem(kind: problem.kind.rawValue, file: problem.file)) }
        var saved: [TortureRecord] = []
        for index in 0..<records {
            let record = TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "workout \(index)")
            saved.append(try save(record, store: store))
        }
        let toEdit = editExisting ? loaded.records + saved : saved
        for var record in toEdit {
            record.tokens.append("edited by \(getuid())")
            _ = try save(record, store: store)
        }
        if let first = saved.first {
            _ = try store.delete(TortureRecord.self, id: first.id, expectedRevision: first.revision + 1)
            _ = try store.restore(TortureRecord.self, id: first.id)
        }
        try store.saveWorkspace(["lastWorkout": "\(getuid())"])
        _ = store.scanChanges(TortureRecord.self)
        EventOutput.emit(.done)
    }

    private func save(_ record: TortureRecord, store: RecordStore) throws -> TortureRecord {
        guard let saved = try store.save(record).saved else {
            throw ValidationError("unexpected conflict saving \(record.id)")
        }
        EventOutput.emit(.ack(id: saved.id, revision: saved.revision, digest: saved.digest, token: "workout"))
        return saved
    }
}
