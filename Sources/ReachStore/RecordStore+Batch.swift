#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachCore

/// Why `insertBatch` refused a batch; nothing was written.
public enum BatchInsertError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Files for these records already exist (relative paths, at most a few listed); a batch only creates new records.
    case alreadyExists(paths: [String], total: Int)
    /// The batch itself lists an id more than once.
    case duplicateIDs([RecordID])

    public var description: String {
        switch self {
        case let .alreadyExists(paths, total):
            let more = total > paths.count ? " and \(total - paths.count) more" : ""
            return "\(paths.joined(separator: ", "))\(more) already exist. A batch only adds new records and never "
                + "overwrites; give the new records fresh ids or save the changed ones one by one."
        case let .duplicateIDs(ids):
            return "The batch lists \(ids.map(\.rawValue).joined(separator: ", ")) more than once: each new record needs its own id."
        }
    }
}

extension RecordStore {
    /// Creates many new records at once (demo data, imports), much faster than one `save` each.
    ///
    /// Writes every temp file (in parallel, no per-file fsync); then, under the writer lock, refuses if any
    /// record file already exists, flushes the file system once, renames each into place and fsyncs the folder
    /// once. A crash leaves each record absent or complete, never partial; an error leaves none of the batch
    /// behind. Each record is stored as a first save would: current schema version, revision 1,
    /// `updatedAt` = now, `createdAt` kept.
    /// Returns the records as written, in the given order. Unlike `save`, they are not decoded again
    /// (that would cost a third of the time), so dates keep any fraction of a second the file drops.
    public func insertBatch<R: Record>(_ records: [R]) throws -> [R] {
        let now = clock()
        try insertNewRecords(records[...], now: now)
        return records.map { Self.firstVersion(of: $0, at: now) }
    }

    /// `insertBatch` without handing the records back: an import of 100,000 creators only needs to know they
    /// were written, and a stamped copy of each would cost it 70 MB.
    ///
    /// Temp files are encoded and written `chunkSize` records at a time, so a failure (a full disk) stops the
    /// batch early instead of after every record was attempted; the temp files of earlier chunks are then removed.
    func insertNewRecords<R: Record>(_ records: ArraySlice<R>, now: Date, chunkSize: Int = 2_048) throws {
        let batch = StagedBatch<R>(store: self, now: now, besideProducer: false)
        for start in stride(from: records.startIndex, to: records.endIndex, by: max(1, chunkSize)) {
            batch.stage(Array(records[start..<min(records.endIndex, start + max(1, chunkSize))]))
            batch.waitForStaging()  // one chunk at a time: nothing else is producing records meanwhile
        }
        try batch.commit()
    }

    /// Where a batch record's temp file and final file are. Temp names are worked out again from each id and
    /// one suffix per batch rather than kept: 100,000 paths are 25 MB.
    func batchPaths(of kind: RecordKind, _ id: RecordID, suffix: String) -> (temp: String, target: String) {
        let target = layout.recordFile(kind, id)
        return (AtomicWriter.tempPath(for: target, suffix: suffix), target)
    }

    /// The bytes a record's file gets when it is inserted as new (see `insertBatch`). `shared` reuses the trees
    /// of values the batch's records have in common (see `newRecordsShare`).
    func newRecordFile<R: Record>(_ record: R, now: Date, shared: SharedTrees? = nil) throws -> [UInt8] {
        JSONWriter.bytes(of: try RecordCoding.encode(Self.firstVersion(of: record, at: now),
                                                     what: "\(R.kind.folderName) record \(record.id)", reusing: shared))
    }

    /// What new records of one batch usually share unchanged: new creators all start with the same blank
    /// vetting checklist.
    static func newRecordsShare() -> SharedTrees { SharedTrees(of: Vetting.self) }

    /// Writes the temp file of each record (`ids[i]` gets the bytes `file(i)`), not flushed; on any failure
    /// removes the ones this call wrote and rethrows. `parallel` spreads the work over every core: right when
    /// nothing else is running, wrong beside a producer, which it would starve while its threads queue for the
    /// folder's lock.
    func writeBatchTemps(_ kind: RecordKind, _ ids: [RecordID], suffix: String, parallel: Bool,
                         file: @Sendable (Int) throws -> [UInt8]) throws {
        let blockSize = parallel ? 64 : max(1, ids.count)
        let results = ParallelSlots<Result<Void, any Error>>.map(ids.count, chunkSize: blockSize) { offset in
            Result {
                let (temp, target) = batchPaths(of: kind, ids[offset], suffix: suffix)
                _ = try writer.writeTemp(try file(offset), for: target, sync: false, temp: temp)
            }
        }
        guard let failure = results.lazy.compactMap({ result -> (any Error)? in
            if case .failure(let error) = result { return error }
            return nil
        }).first else { return }
        for (offset, result) in results.enumerated() {
            if case .success = result { unlink(batchPaths(of: kind, ids[offset], suffix: suffix).temp) }
        }
        throw failure
    }

    /// Puts the temp files of a staged batch in place: under the writer lock, refuses if any record file
    /// already exists; flushes the file system once; renames each into place; fsyncs the folder once.
    /// On any error none of the batch is left behind, temp or record.
    func commitBatch(of kind: RecordKind, _ ids: [RecordID], suffix: String) throws {
        guard !ids.isEmpty else { return }
        let directory = layout.directory(for: kind)
        var renamedEnd = 0
        do {
            try lock.withLock {
                let present = Set(try Posix.listDirectory(directory))
                let clashes = ids.filter { present.contains(DataFolderLayout.fileName($0)) }.map { relative(kind, $0) }
                guard clashes.isEmpty else {
                    throw BatchInsertError.alreadyExists(paths: Array(clashes.prefix(5)), total: clashes.count)
                }
                try writer.hook?(.syncTemp, directory)
                try Posix.syncFileSystem(of: directory)
                try journaled(kind, ids.map(DataFolderLayout.fileName)) {
                    for id in ids {
                        let (temp, target) = batchPaths(of: kind, id, suffix: suffix)
                        try writer.hook?(.rename, target)
                        try Posix.rename(temp, target)
                        renamedEnd += 1
                    }
                    try writer.hook?(.syncDirectory, directory)
                    try Posix.syncDirectory(directory)
                }
                for id in ids { remember(kind, id, path: layout.recordFile(kind, id)) }
            }
        } catch {
            // Nobody else can have touched the renamed files: they are new, and we held the lock.
            for id in ids[..<renamedEnd] { unlink(batchPaths(of: kind, id, suffix: suffix).target) }
            removeBatchTemps(of: kind, ids[renamedEnd...], suffix: suffix)
            throw error
        }
        logger.info("inserted \(ids.count) new \(kind.folderName) records")
    }

    /// Removes the temp files of a batch that will not be committed.
    func removeBatchTemps(of kind: RecordKind, _ ids: some Sequence<RecordID>, suffix: String) {
        for id in ids { unlink(batchPaths(of: kind, id, suffix: suffix).temp) }
    }

    /// The record as a first save stores it.
    private static func firstVersion<R: Record>(of record: R, at now: Date) -> R {
        var new = record
        new.schemaVersion = R.currentSchemaVersion
        new.revision = 1
        new.updatedAt = now
        return new
    }
}

extension Posix {
    private typealias SyncFS = @convention(c) (Int32) -> Int32

    /// `syncfs(2)`, looked up at run time because Swift's Glibc module does not export it (it is a GNU extension).
    private static let syncfsFunction: SyncFS? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: SyncFS.self)
    }()

    /// Flushes every written file on the file system holding `path` in one call; falls back to `sync()`.
    static func syncFileSystem(of path: String) throws(StoreError) {
        guard let syncfs = syncfsFunction else { return sync() }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open folder", path) }
        defer { close(fd) }
        guard syncfs(fd) == 0 else { throw error("flush the file system of", path) }
    }
}
