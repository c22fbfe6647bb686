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
    /// Under the writer lock: refuses if any record file already exists; writes every temp file
    /// (in parallel, no per-file fsync); flushes the file system once; renames each into place;
    /// fsyncs the folder once. A crash leaves each record absent or complete, never partial; an
    /// error leaves none of the batch behind. Each record is stored as a first save would:
    /// current schema version, revision 1, `updatedAt` = now, `createdAt` kept.
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
        guard !records.isEmpty else { return }
        if let bad = records.first(where: { !$0.id.isWellFormed }) { throw StoreError.invalidRecordID(bad.id.rawValue) }
        var seen = Set<RecordID>(minimumCapacity: records.count)
        let repeated = records.filter { !seen.insert($0.id).inserted }.map(\.id)
        guard repeated.isEmpty else { throw BatchInsertError.duplicateIDs(Array(Set(repeated).sorted().prefix(5))) }

        let directory = layout.directory(for: R.kind)
        try lock.withLock {
            let present = Set(try Posix.listDirectory(directory))
            let clashes = records.filter { present.contains(DataFolderLayout.fileName($0.id)) }.map { relative(R.kind, $0.id) }
            guard clashes.isEmpty else { throw BatchInsertError.alreadyExists(paths: Array(clashes.prefix(5)), total: clashes.count) }

            // Temp names are worked out again from each record's id rather than kept: 100,000 paths are 25 MB.
            let suffix = AtomicWriter.tempSuffix()
            let layout = self.layout
            let paths = { @Sendable (record: R) -> (temp: String, target: String) in
                let target = layout.recordFile(R.kind, record.id)
                return (AtomicWriter.tempPath(for: target, suffix: suffix), target)
            }
            var writtenEnd = records.startIndex
            do {
                for start in stride(from: records.startIndex, to: records.endIndex, by: max(1, chunkSize)) {
                    let end = min(records.endIndex, start + max(1, chunkSize))
                    try writeBatchTemps(records[start..<end], now: now, paths: paths)
                    writtenEnd = end
                }
            } catch {
                for record in records[..<writtenEnd] { unlink(paths(record).temp) }
                throw error
            }
            var renamedEnd = records.startIndex
            do {
                try writer.hook?(.syncTemp, directory)
                try Posix.syncFileSystem(of: directory)
                for index in records.indices {
                    let (temp, target) = paths(records[index])
                    try writer.hook?(.rename, target)
                    try Posix.rename(temp, target)
                    renamedEnd = index + 1
                }
                try writer.hook?(.syncDirectory, directory)
                try Posix.syncDirectory(directory)
            } catch {
                // Nobody else can have touched these files: we hold the lock and they are new.
                for record in records[..<renamedEnd] { unlink(paths(record).target) }
                for record in records[renamedEnd...] { unlink(paths(record).temp) }
                throw error
            }
            for record in records { remember(R.kind, name: DataFolderLayout.fileName(record.id), path: layout.recordFile(R.kind, record.id)) }
            logger.info("inserted \(records.count) new \(R.kind.folderName) records")
        }
    }

    /// The record as a first save stores it.
    private static func firstVersion<R: Record>(of record: R, at now: Date) -> R {
        var new = record
        new.schemaVersion = R.currentSchemaVersion
        new.revision = 1
        new.updatedAt = now
        return new
    }

    /// Encodes and writes the temp file of each record in parallel; on any failure removes the ones written and rethrows.
    private func writeBatchTemps<R: Record>(
        _ records: ArraySlice<R>, now: Date, paths: @Sendable (R) -> (temp: String, target: String)
    ) throws {
        let blockSize = 64
        let blocks = (records.count + blockSize - 1) / blockSize
        let slots = ParallelSlots<Result<Void, any Error>>(count: records.count)
        let first = records.startIndex
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            for offset in (block * blockSize)..<min(records.count, (block + 1) * blockSize) {
                let record = records[first + offset]
                slots.set(offset, Result {
                    let (temp, target) = paths(record)
                    let new = Self.firstVersion(of: record, at: now)
                    let bytes = JSONWriter.bytes(of: try RecordCoding.encode(new, what: "\(R.kind.folderName) record \(record.id)"))
                    _ = try writer.writeTemp(bytes, for: target, sync: false, temp: temp)
                })
            }
        }
        let results = slots.elements
        guard let failure = results.lazy.compactMap({ result -> (any Error)? in
            if case .failure(let error)? = result { return error }
            return nil
        }).first else { return }
        for (offset, result) in results.enumerated() {
            if case .success? = result { unlink(paths(records[first + offset]).temp) }
        }
        throw failure
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
