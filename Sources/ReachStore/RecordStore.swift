import Foundation
import ReachJSON
import Logging
import ReachCore

/// The data folder as an object: loads, saves, deletes and watches records of any `Record` type.
///
/// `Sendable` and free of global state: call it from a background task. Every write is atomic,
/// takes the folder's advisory lock for its read-check-write, and checks the record's revision so
/// several sessions on one folder never silently overwrite each other.
public final class RecordStore: Sendable {
    public let layout: DataFolderLayout
    public let options: StoreOptions
    let clock: @Sendable () -> Date
    let reader: RecordFileReader
    let writer: AtomicWriter
    let lock: FolderLock
    /// Where every write says which record files it changed, for the folder index (`ChangeJournal`).
    let journal: ChangeJournal
    /// Per kind, the stamp of every file as this store last saw it (for `scanChanges`), by the record's id: keyed by
    /// file name, 300,000 names were 19 MB of heap strings in the app at 100k creators.
    let known = Locked<[RecordKind: KnownFiles]>([:])
    /// The stamp of `reach.json` as this store last read or wrote it, so `workspaceChange` reports only others' edits.
    let workspaceStamp = Locked<FileStamp?>(nil)

    /// The `logs/` folder, for the app's log file handler.
    public var logsDirectory: String { layout.logsDirectory }
    /// Where the store says what it did (`StoreOptions.logger`); the app and the commands log through it too.
    public var logger: Logger { options.logger }

    /// Opens (creating if needed) the data folder at `folder`, and removes temp files left by crashed sessions
    /// (see `removeLeftovers`).
    public init(folder: String, options: StoreOptions = StoreOptions(), clock: @escaping @Sendable () -> Date = { Date() }) throws {
        layout = DataFolderLayout(root: folder)
        self.options = options
        self.clock = clock
        for directory in layout.allDirectories {
            try Posix.makeDirectory(directory, mode: options.sharing.directoryMode)
        }
        guard let realRoot = Posix.realPath(layout.root) else {
            throw StoreError.unusableFolder(path: layout.root, reason: "its real path cannot be resolved")
        }
        reader = RecordFileReader(rootRealPath: realRoot, maxFileSize: options.maxFileSize)
        writer = AtomicWriter(fileMode: options.sharing.fileMode, hook: options.writeHook)
        lock = FolderLock(path: layout.lockFile, fileMode: options.sharing.fileMode, timeout: options.lockTimeout)
        journal = ChangeJournal(path: layout.cacheDirectory + "/" + ChangeJournal.fileName, fileMode: options.sharing.fileMode)
        try lock.create()
        if options.sweepsTempFiles { removeLeftovers() }
    }

    /// Every record of one kind, plus the problems met. Damaged files are moved to quarantine;
    /// newer-schema files load read-only; older ones are migrated in memory (original backed up).
    public func loadAll<R: Record>(_ type: R.Type) -> (records: [R], problems: [LoadProblem]) {
        var problems: [LoadProblem] = []
        guard let names = recordFileNames(R.kind, problems: &problems) else { return ([], problems) }
        return loadAll(R.self, names: names, progress: nil)
    }

    /// Every record of every kind (but deals when `deals` is false: the folder index holds their rows), reporting
    /// how many files are read of how many to `progress` (the folders are listed first, so the total is known
    /// before the first file is read).
    public func loadEverything(progress: LoadProgress, deals: Bool = true) -> (records: FolderRecords, problems: [LoadProblem]) {
        var names: [RecordKind: [String]] = [:]
        var problems: [LoadProblem] = []
        for kind in RecordKind.allCases where deals || kind != .deal { names[kind] = recordFileNames(kind, problems: &problems) }
        progress.enter(.readingFiles, total: names.values.reduce(0) { $0 + $1.count })
        func load<R: Record>(_ type: R.Type) -> [R] {
            guard let found = names[R.kind] else { return [] }
            let loaded = loadAll(R.self, names: found, progress: progress)
            problems += loaded.problems
            return loaded.records
        }
        let records = FolderRecords(influencers: load(Influencer.self), campaigns: load(Campaign.self),
                                    deals: load(Deal.self), templates: load(Template.self))
        return (records, problems)
    }

    /// Every record of one kind, `chunkSize` files at a time in file-name (id) order, for commands that write
    /// records out: memory stays bounded by a chunk, not by the folder (100,000 creators held at once took
    /// 460 MB for an export that needs one row each). Problems as `loadAll` reports them.
    ///
    /// `files` (file names, as the folder index gives them) narrows it to those files, still in id order: one
    /// campaign's export reads its own deals' files, not all 200,000.
    public func forEachChunk<R: Record>(_ type: R.Type, files: [String]? = nil, chunkSize: Int = 4_096,
                                        _ body: ([R]) throws -> Void) rethrows -> [LoadProblem] {
        var problems: [LoadProblem] = []
        let chosen = files.map { $0.compactMap(DataFolderLayout.recordID(fromFileName:)).sorted().map(DataFolderLayout.fileName) }
        guard let names = chosen ?? recordFileNames(R.kind, problems: &problems) else { return problems }
        // What the store knows of the folder is replaced only by a reading of all of it.
        var known: KnownFiles? = files == nil ? KnownFiles() : nil
        try forEachChunk(R.self, in: layout.directory(for: R.kind), names: names, chunkSize: chunkSize) { _, processed in
            known?.merge(processed.files) { _, new in new }
            problems += processed.problems
            try body(processed.records)
        }
        if let known { self.known.withLock { $0[R.kind] = known } }
        return problems
    }

    /// `names` in `directory` read and processed (`process`) `chunkSize` at a time, each chunk handed to `body` with
    /// its names in order. While `body` handles one chunk, the next is read on other threads: what `body` does with
    /// it (SQLite's writing of the folder index, an export's writing) then costs no time of its own.
    func forEachChunk<R: Record>(_ type: R.Type, in directory: String, names: [String], chunkSize: Int,
                                 progress: LoadProgress? = nil, _ body: ([String], ProcessedFiles<R>) throws -> Void) rethrows {
        func chunk(_ number: Int) -> [String] {
            Array(names[number * chunkSize..<min(names.count, (number + 1) * chunkSize)])
        }
        func read(_ number: Int) -> ValueInBackground<ProcessedFiles<R>>? {
            guard number * chunkSize < names.count else { return nil }
            let names = chunk(number)
            return ValueInBackground { [self] in process(readFiles(R.self, in: directory, names: names, quarantine: true, progress: progress)) }
        }
        var next = read(0)
        defer { _ = next?.wait() } // a `body` that throws leaves no read running behind it
        var number = 0
        while let reading = next {
            let processed = reading.wait()
            next = read(number + 1)
            try body(chunk(number), processed)
            number += 1
        }
    }

    /// The record file names (`<id>.json`) in one kind's folder, made from their ids (each id's name is the one
    /// listed), in id order; nil, with the reason added to `problems`, when it cannot be listed.
    ///
    /// In id order, which is the order the records were made in: the folder index, keyed by file name, then grows at
    /// the end of its tables. In the directory's order (a hash) a first build of the index at 100k touched pages all
    /// over them in each transaction and wrote 4 GB to SQLite's journal for a 217 MB index (37 s; 19 s in id order).
    func recordFileNames(_ kind: RecordKind, problems: inout [LoadProblem]) -> [String]? {
        recordFileIDs(kind, problems: &problems)?.sorted().map(DataFolderLayout.fileName)
    }

    /// Whether the folders of the kinds the folder index holds (creators, campaigns, deals) have `count` record files
    /// or more between them (a folder that cannot be listed has none): whether a first start builds the index. The
    /// listing stops at the `count`th file: the index's build lists every folder anyway, and listing all 300,000
    /// files first had added a quarter of a second to the first start at 100k.
    public func hasIndexedRecordFiles(atLeast count: Int) -> Bool {
        var found = 0
        for kind in [RecordKind.influencer, .campaign, .deal] where found < count {
            try? Posix.forNames(in: layout.directory(for: kind), while: { name in
                if DataFolderLayout.recordID(fromFileName: name) != nil { found += 1 }
                return found < count
            })
        }
        return found >= count
    }

    /// The ids of the record files in one kind's folder, read from the listing's bytes (a full scan lists 300,000
    /// files at 100k creators: a string each was 30 MB at its peak); nil, with the reason added to `problems`, when
    /// it cannot be listed. Each id's file name is `DataFolderLayout.fileName(id)`, the one listed.
    func recordFileIDs(_ kind: RecordKind, problems: inout [LoadProblem]) -> [RecordID]? {
        var ids: [RecordID] = []
        do {
            try Posix.forEachName(in: layout.directory(for: kind)) { name in
                if let id = DataFolderLayout.recordID(fromFileName: name) { ids.append(id) }
            }
            return ids
        } catch {
            problems.append(LoadProblem(kind: .unreadable, file: kind.folderName, reason: error.description))
            return nil
        }
    }

    private func loadAll<R: Record>(_ type: R.Type, names: [String], progress: LoadProgress?) -> (records: [R], problems: [LoadProblem]) {
        let processed = process(readFiles(R.self, in: layout.directory(for: R.kind), names: names, quarantine: true, progress: progress))
        known.withLock { $0[R.kind] = processed.files }
        return (processed.records, processed.problems)
    }

    /// One record by id, or nil when it does not exist. Throws when the file is damaged or unreadable.
    public func load<R: Record>(_ type: R.Type, id: RecordID) throws -> R? {
        guard id.isWellFormed else { throw StoreError.invalidRecordID(id.rawValue) }
        let outcome = reader.read(
            R.self, path: layout.recordFile(R.kind, id), relative: relative(R.kind, id), expectedID: id,
            decoder: RecordCoding.makeDecoder(), needRaw: false)
        if let problem = outcome.problem, !Self.isUsable(outcome, despite: problem) {
            throw StoreError.damagedOnDisk(path: problem.file, reason: problem.description)
        }
        return outcome.record
    }

    /// Records by id, read in parallel on every core, without moving damaged files to quarantine or taking their
    /// stamps as known: full records read on demand (a campaign's deals for its dashboard). A file that is gone or
    /// damaged is left out, and logged; the folder scan reports it to the user.
    public func loadMany<R: Record>(_ type: R.Type, ids: [RecordID]) -> [R] {
        let names = ids.filter(\.isWellFormed).map(DataFolderLayout.fileName)
        let files = readFiles(R.self, in: layout.directory(for: R.kind), names: names, quarantine: false)
        return files.outcomes.compactMap { outcome in
            guard let outcome, let record = outcome.record else { return nil }
            if let problem = outcome.problem, !Self.isUsable(outcome, despite: problem) {
                logger.warning("not read on demand: \(problem)")
                return nil
            }
            return record
        }
    }

    /// A record read with a problem is still used when it is of a newer schema (read-only) or its id differs from
    /// its file name's.
    private static func isUsable<R>(_ outcome: ReadOutcome<R>, despite problem: LoadProblem) -> Bool {
        (problem.kind == .newerSchema && outcome.record != nil) || problem.kind == .idMismatch
    }

    /// Deleted records of one kind, for undo lists and reports that must include deleted records.
    public func loadTrash<R: Record>(_ type: R.Type) -> (records: [R], problems: [LoadProblem]) {
        let directory = layout.trashDirectory(for: R.kind)
        let names = ((try? Posix.listDirectory(directory)) ?? []).filter { DataFolderLayout.recordID(fromFileName: $0) != nil }
        let files = readFiles(R.self, in: directory, names: names, quarantine: false)
        return (files.outcomes.compactMap { $0?.record }, files.outcomes.compactMap { $0?.problem })
    }

    func relative(_ kind: RecordKind, _ id: RecordID) -> String {
        kind.folderName + "/" + DataFolderLayout.fileName(id)
    }

    func relativePath(_ absolute: String) -> String {
        absolute.hasPrefix(layout.root + "/") ? String(absolute.dropFirst(layout.root.count + 1)) : absolute
    }
}

/// Every record of a data folder, as `loadEverything` read it.
public struct FolderRecords: Sendable {
    public var influencers: [Influencer] = []
    public var campaigns: [Campaign] = []
    public var deals: [Deal] = []
    public var templates: [Template] = []
}
