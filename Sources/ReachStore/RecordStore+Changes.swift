import Foundation
import ReachCore

extension RecordStore {
    /// Takes the folder index's stamps (by the id each file's name claims; of an id given twice, the first) as the
    /// last known ones of `kind`'s files, for a workspace that started from the index's rows instead of reading the
    /// files: the next scan reads only files changed since. (An array, not any collection: a generic one is not
    /// specialised across modules, and reading 300,000 rows through a lazy map that way was a fifth of a start.)
    public func knowFromIndex(_ kind: RecordKind, stamps: [(file: RecordID, stamp: Int64)]) {
        var files = KnownFiles(minimumCapacity: stamps.count)
        // Backwards, so the first of an id given twice is the one written last.
        for (id, stamp) in stamps.reversed() { files[id] = KnownFile(hashedStamp: stamp) }
        known.withLock { $0[kind] = files }
    }

    /// Other sessions' edits to one kind since this store last looked: stat only for unchanged files,
    /// so polling every second stays cheap with 100,000 records. Our own saves are not reported.
    public func scanChanges<R: Record>(_ type: R.Type) -> ChangeSet<R> {
        var problems: [LoadProblem] = []
        guard let ids = recordFileIDs(R.kind, problems: &problems) else {
            var changes = ChangeSet<R>()
            changes.problems = problems
            return changes
        }
        return scan(R.self, files: ids, wholeFolder: true)
    }

    /// The same, for only the named files (`<id>.json`) that a `FolderWatcher` saw change: a file that is gone
    /// is reported removed; the rest of the folder is not looked at.
    public func scanChanges<R: Record>(_ type: R.Type, files: Set<String>) -> ChangeSet<R> {
        scan(R.self, files: files.compactMap { DataFolderLayout.recordID(fromFileName: $0) }, wholeFolder: false)
    }

    /// Stats the files of `ids` (by `DataFolderLayout.fileName`), reads those whose stamp differs from the last known
    /// one, and updates the known stamps: all of them when `files` is the whole folder, else only those of `files`.
    private func scan<R: Record>(_ type: R.Type, files: [RecordID], wholeFolder: Bool) -> ChangeSet<R> {
        var changes = ChangeSet<R>()
        let update = changedStamps(R.self, files: files, wholeFolder: wholeFolder, changes: &changes)
        // In place, and only what changed: the table the comparison read is let go by now (a second table of every
        // file beside it was most of a full scan's memory at 100k creators), and the stamps of this session's saves
        // made meanwhile stay.
        known.withLock { known in
            for (id, file) in update { known[R.kind, default: [:]].setUnordered(file, forKey: id) }
        }
        return changes
    }

    /// The new stamp of each file that changed, nil for one that is gone, with the records read and the problems
    /// met in `changes`, compared with the known stamps as they were.
    private func changedStamps<R: Record>(_ type: R.Type, files: [RecordID], wholeFolder: Bool,
                                          changes: inout ChangeSet<R>) -> [RecordID: KnownFile?] {
        let directory = layout.directory(for: R.kind)
        let previous = known.withLock { $0[R.kind] ?? [:] }
        let compared = Self.compareStamps(files, in: directory, with: previous)
        let toRead = compared.flatMap(\.changed)
        let processed = process(readFiles(R.self, in: directory, names: toRead.map(DataFolderLayout.fileName), quarantine: true))
        changes.problems = processed.problems
        for (name, record) in zip(processed.recordNames, processed.records) where !processed.quarantined.contains(name) {
            if DataFolderLayout.recordID(fromFileName: name).flatMap({ previous[$0] }) == nil {
                changes.added.append(record)
            } else {
                changes.changed.append(record)
            }
        }
        var update: [RecordID: KnownFile?] = [:]
        for id in toRead { update.updateValue(processed.files[id], forKey: id) }
        for id in compared.lazy.flatMap(\.gone) { update.updateValue(nil, forKey: id) }
        // A known file not listed any more is gone; while every known file is listed (nearly every scan) no set of
        // the 300,000 listed ids is made to find none.
        if wholeFolder, compared.reduce(0, { $0 + $1.known }) < previous.count {
            let listed = Set(files)
            for id in previous.keys where !listed.contains(id) { update.updateValue(nil, forKey: id) }
        }
        for (id, file) in update where file == nil && previous[id] != nil { changes.removed.append(id) }
        return update
    }

    /// The files whose stamp differs from `previous` (or that it does not know), those gone before they could be
    /// stat'ed, and how many of `files` it knows, stat'ed on both cores (a 100k-creator folder holds 300k files,
    /// and the poll must fit in its one second).
    private static func compareStamps(
        _ files: [RecordID], in directory: String, with previous: KnownFiles
    ) -> [(changed: [RecordID], gone: [RecordID], known: Int)] {
        let chunkSize = 8_192
        let chunks = (files.count + chunkSize - 1) / chunkSize
        let slots = ParallelSlots<(changed: [RecordID], gone: [RecordID], known: Int)>(count: chunks)
        let folder = OpenFolder(directory)
        defer { folder.close() }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var changed: [RecordID] = [], gone: [RecordID] = [], known = 0
            for id in files[(chunk * chunkSize)..<min(files.count, (chunk + 1) * chunkSize)] {
                let file = previous[id]
                if file != nil { known += 1 }
                guard let info = folder.stampInfo(of: id) else {
                    gone.append(id)
                    continue
                }
                if let file, file.matches(FileStamp(info)) { continue }
                changed.append(id)
            }
            slots.set(chunk, (changed, gone, known))
        }
        return slots.takeElements().compactMap { $0 }
    }
}
