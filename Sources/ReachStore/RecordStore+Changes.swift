import Foundation
import ReachCore

extension RecordStore {
    /// Takes the folder index's stamps (by file name; of a name given twice, the first) as the last known ones of
    /// `kind`'s files, for a workspace that started from the index's rows instead of reading the files: the next
    /// scan reads only files changed since. (An array, not any collection: a generic one is not specialised across
    /// modules, and reading 300,000 rows through a lazy map that way was a fifth of a start.)
    public func knowFromIndex(_ kind: RecordKind, stamps: [(file: String, stamp: Int64)]) {
        var files = KnownFiles(minimumCapacity: stamps.count)
        // Backwards, so the first of a name given twice is the one written last.
        for (name, stamp) in stamps.reversed() { files.set(name, KnownFile(hashedStamp: stamp)) }
        known.withLock { $0[kind] = files }
    }

    /// Other sessions' edits to one kind since this store last looked: stat only for unchanged files,
    /// so polling every second stays cheap with 100,000 records. Our own saves are not reported.
    public func scanChanges<R: Record>(_ type: R.Type) -> ChangeSet<R> {
        var problems: [LoadProblem] = []
        guard let names = recordFileNames(R.kind, problems: &problems) else {
            var changes = ChangeSet<R>()
            changes.problems = problems
            return changes
        }
        return scan(R.self, names: names, wholeFolder: true)
    }

    /// The same, for only the named files (`<id>.json`) that a `FolderWatcher` saw change: a file that is gone
    /// is reported removed; the rest of the folder is not looked at.
    public func scanChanges<R: Record>(_ type: R.Type, files: Set<String>) -> ChangeSet<R> {
        scan(R.self, names: files.filter { DataFolderLayout.recordID(fromFileName: $0) != nil }, wholeFolder: false)
    }

    /// Stats `names`, reads those whose stamp differs from the last known one, and updates the known stamps:
    /// all of them when `names` is the whole folder, else only those of `names`.
    private func scan<R: Record>(_ type: R.Type, names: [String], wholeFolder: Bool) -> ChangeSet<R> {
        let directory = layout.directory(for: R.kind)
        let previous = known.withLock { $0[R.kind] ?? [:] }
        var stamps = KnownFiles(minimumCapacity: names.count)
        var toRead: [String] = []
        for part in Self.compareStamps(names, in: directory, with: previous) {
            for (id, file) in part.unchanged { stamps[id] = file }
            toRead += part.changed
        }
        let processed = process(readFiles(R.self, in: directory, names: toRead, quarantine: true))
        stamps.merge(processed.files) { _, new in new }

        var changes = ChangeSet<R>()
        changes.problems = processed.problems
        for (name, record) in zip(processed.recordNames, processed.records) where !processed.quarantined.contains(name) {
            if DataFolderLayout.recordID(fromFileName: name).flatMap({ previous[$0] }) == nil {
                changes.added.append(record)
            } else {
                changes.changed.append(record)
            }
        }
        let looked: any Sequence<RecordID> = wholeFolder ? Array(previous.keys) : names.compactMap(DataFolderLayout.recordID(fromFileName:))
        for id in looked where previous[id] != nil && stamps[id] == nil { changes.removed.append(id) }
        known.withLock {
            if wholeFolder {
                $0[R.kind] = stamps
            } else {
                for id in names.lazy.compactMap(DataFolderLayout.recordID(fromFileName:)) { $0[R.kind, default: [:]][id] = stamps[id] }
            }
        }
        return changes
    }

    /// Files whose stamp matches `previous` and those that need reading, stat'ed on both cores (a
    /// 100k-creator folder holds 300k files, and the poll must fit in its one second).
    private static func compareStamps(
        _ names: [String], in directory: String, with previous: KnownFiles
    ) -> [(unchanged: [(RecordID, KnownFile)], changed: [String])] {
        let chunkSize = 8_192
        let chunks = (names.count + chunkSize - 1) / chunkSize
        let slots = ParallelSlots<(unchanged: [(RecordID, KnownFile)], changed: [String])>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var unchanged: [(RecordID, KnownFile)] = []
            var changed: [String] = []
            for name in names[(chunk * chunkSize)..<min(names.count, (chunk + 1) * chunkSize)] {
                guard let info = Posix.stampInfo(directory + "/" + name) else { continue }
                if let id = DataFolderLayout.recordID(fromFileName: name), let file = previous[id], file.matches(FileStamp(info)) {
                    unchanged.append((id, file))
                } else {
                    changed.append(name)
                }
            }
            slots.set(chunk, (unchanged, changed))
        }
        return slots.elements.compactMap { $0 }
    }
}
