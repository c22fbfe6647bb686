import Foundation
import ReachCore

/// One file's read outcome, tagged with its name and whether a damaged file may be quarantined.
struct NamedOutcome<R: Record> {
    var name: String
    var directory: String
    var outcome: ReadOutcome<R>
    var mayQuarantine: Bool
}

/// Records, problems and file stamps after quarantine and backups were handled.
struct ProcessedFiles<R: Record> {
    var records: [(name: String, record: R)] = []
    var problems: [LoadProblem] = []
    var stamps: [String: FileStamp] = [:]
    /// Names whose files were moved to quarantine (no longer in the folder).
    var quarantined: [String] = []
}

extension RecordStore {
    /// Reads files in parallel chunks (JSON decoding dominates, and it scales with cores).
    func readFiles<R: Record>(_ type: R.Type, in directory: String, names: [String], quarantine: Bool) -> [NamedOutcome<R>] {
        let chunkSize = 128
        let chunks = (names.count + chunkSize - 1) / chunkSize
        let slots = ParallelSlots<ReadOutcome<R>>(count: names.count)
        let reader = self.reader
        let prefix = relativePath(directory)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = RecordCoding.makeDecoder()
            for index in (chunk * chunkSize)..<min(names.count, (chunk + 1) * chunkSize) {
                let name = names[index]
                slots.set(index, reader.read(
                    R.self, path: directory + "/" + name, relative: prefix + "/" + name,
                    expectedID: DataFolderLayout.recordID(fromFileName: name), decoder: decoder, needRaw: false))
            }
        }
        return zip(names, slots.elements).compactMap { name, outcome in
            outcome.map { NamedOutcome(name: name, directory: directory, outcome: $0, mayQuarantine: quarantine) }
        }
    }

    /// Quarantines damaged files, backs up migrated ones, and collects what loaded.
    func process<R: Record>(_ outcomes: [NamedOutcome<R>]) -> ProcessedFiles<R> {
        var result = ProcessedFiles<R>()
        var toQuarantine: [NamedOutcome<R>] = []
        for item in outcomes where !item.outcome.vanished {
            if let record = item.outcome.record {
                result.records.append((item.name, record))
                if let from = item.outcome.migratedFrom, let original = item.outcome.originalData {
                    backUp(original, kind: R.kind, name: item.name, version: from)
                }
            }
            if let problem = item.outcome.problem, problem.kind == .damaged, item.mayQuarantine {
                toQuarantine.append(item)
                continue
            }
            if let problem = item.outcome.problem { result.problems.append(problem) }
            if let stamp = item.outcome.stamp { result.stamps[item.name] = stamp }
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
                result.stamps[item.name] = stamp
            }
        }
        return result
    }
}
