import Foundation
import ReachJSON
import ReachCore

/// One damaged file's read outcome, tagged with where it is, for quarantine.
struct NamedOutcome<R: Record> {
    var name: String
    var directory: String
    var outcome: ReadOutcome<R>
}

/// What `readFiles` read: one outcome per name (nil when the file was not read), kept in the array the
/// readers filled rather than rewrapped, because at 100k records every extra copy costs a hundred megabytes.
struct ReadFiles<R: Record> {
    var directory: String
    var names: [String]
    var outcomes: [ReadOutcome<R>?]
    var mayQuarantine: Bool
}

/// Records, problems and file stamps after quarantine and backups were handled.
struct ProcessedFiles<R: Record>: Sendable {
    /// Loaded records, and the file name of each (same order): separate arrays, so `loadAll` can hand
    /// `records` out without copying it.
    var records: [R] = []
    var recordNames: [String] = []
    var problems: [LoadProblem] = []
    var files = KnownFiles()
    /// Names whose files were moved to quarantine (no longer in the folder).
    var quarantined: [String] = []
}

extension RecordStore {
    /// Reads files in parallel chunks: JSON decoding dominates, and it scales with cores.
    func readFiles<R: Record>(
        _ type: R.Type, in directory: String, names: [String], quarantine: Bool, progress: LoadProgress? = nil
    ) -> ReadFiles<R> {
        let chunkSize = 128
        let chunks = (names.count + chunkSize - 1) / chunkSize
        let slots = ParallelSlots<ReadOutcome<R>>(count: names.count)
        let reader = self.reader
        let prefix = relativePath(directory)
        let folder = OpenFolder(directory)
        defer { folder.close() }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = RecordCoding.makeDecoder()
            let scratch = RecordFileReader.Scratch()
            for index in (chunk * chunkSize)..<min(names.count, (chunk + 1) * chunkSize) {
                let name = names[index]
                let outcome = reader.read(
                    R.self, .inFolder(folder, name: name, relativeFolder: prefix),
                    expectedID: DataFolderLayout.recordID(fromFileName: name), decoder: decoder, needRaw: false, scratch: scratch)
                slots.set(index, outcome)
            }
            progress?.advance(min(names.count, (chunk + 1) * chunkSize) - chunk * chunkSize)
        }
        return ReadFiles(directory: directory, names: names, outcomes: slots.takeElements(), mayQuarantine: quarantine)
    }

    /// Quarantines damaged files, backs up migrated ones, and collects what loaded.
    /// Each outcome and its record are moved out of `files`, not copied: a copy retains every reference in the
    /// record, and releasing `files` then releases them all again.
    func process<R: Record>(_ files: consuming ReadFiles<R>) -> ProcessedFiles<R> {
        var result = ProcessedFiles<R>()
        result.records.reserveCapacity(files.outcomes.count)
        result.recordNames.reserveCapacity(files.outcomes.count)
        var toQuarantine: [NamedOutcome<R>] = []
        for index in files.outcomes.indices {
            guard var outcome = files.outcomes[index].take(), !outcome.vanished else { continue }
            let name = files.names[index]
            if let record = outcome.record.take() {
                result.records.append(record)
                result.recordNames.append(name)
                if let from = outcome.migratedFrom, let original = outcome.originalData {
                    backUp(original, kind: R.kind, name: name, version: from)
                }
            }
            if let problem = outcome.problem, problem.kind == .damaged, files.mayQuarantine {
                toQuarantine.append(NamedOutcome(name: name, directory: files.directory, outcome: outcome))
                continue
            }
            if let problem = outcome.problem { result.problems.append(problem) }
            if let stamp = outcome.stamp { result.files.set(name, KnownFile(stamp: stamp)) }
        }
        guard !toQuarantine.isEmpty else { return result }
        let moved = moveToQuarantine(toQuarantine, kind: R.kind)
        for (item, destination) in zip(toQuarantine, moved) {
            guard var problem = item.outcome.problem else { continue }
            problem.movedTo = destination
            result.problems.append(problem)
            if destination != nil {
                result.quarantined.append(item.name)
            } else if let stamp = item.outcome.stamp {
                result.files.set(item.name, KnownFile(stamp: stamp))
            }
        }
        return result
    }
}
