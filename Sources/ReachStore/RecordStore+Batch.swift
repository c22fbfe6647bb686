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
        guard !records.isEmpty else { return [] }
        if let bad = records.first(where: { !$0.id.isWellFormed }) { throw StoreError.invalidRecordID(bad.id.rawValue) }
        var seen = Set<RecordID>()
        let repeated = records.filter { !seen.insert($0.id).inserted }.map(\.id)
        guard repeated.isEmpty else { throw BatchInsertError.duplicateIDs(Array(Set(repeated)).sorted().prefix(5).map { $0 }) }

        let directory = layout.directory(for: R.kind)
        let now = clock()
        return try lock.withLock {
            let present = Set(try Posix.listDirectory(directory))
            let clashes = records.filter { present.contains(DataFolderLayout.fileName($0.id)) }.map { relative(R.kind, $0.id) }
            guard clashes.isEmpty else { throw BatchInsertError.alreadyExists(paths: Array(clashes.prefix(5)), total: clashes.count) }

            let written = try writeBatchTemps(records, now: now)
            var renamed: [String] = []
            do {
                try writer.hook?(.syncTemp, directory)
                try Posix.syncFileSystem(of: directory)
                for item in written {
                    try writer.hook?(.rename, item.target)
                    try Posix.rename(item.temp, item.target)
                    renamed.append(item.target)
                }
                try writer.hook?(.syncDirectory, directory)
                try Posix.syncDirectory(directory)
            } catch {
                // Nobody else can have touched these files: we hold the lock and they are new.
                for target in renamed { unlink(target) }
                for item in written.dropFirst(renamed.count) { unlink(item.temp) }
                throw error
            }
            for record in records { remember(R.kind, name: DataFolderLayout.fileName(record.id), path: layout.recordFile(R.kind, record.id)) }
            logger.info("inserted \(records.count) new \(R.kind.folderName) records")
            return written.map(\.record)
        }
    }

    /// Encodes and writes every record's temp file in parallel; on any failure removes the ones written and rethrows.
    private func writeBatchTemps<R: Record>(_ records: [R], now: Date) throws -> [(temp: String, target: String, record: R)] {
        let chunkSize = 64
        let chunks = (records.count + chunkSize - 1) / chunkSize
        let slots = ParallelSlots<Result<(temp: String, target: String, record: R), any Error>>(count: records.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for index in (chunk * chunkSize)..<min(records.count, (chunk + 1) * chunkSize) {
                slots.set(index, Result { try writeBatchTemp(records[index], now: now) })
            }
        }
        var written: [(temp: String, target: String, record: R)] = []
        written.reserveCapacity(records.count)
        var failure: (any Error)?
        for slot in slots.elements {
            switch slot {
            case .success(let item)?: written.append(item)
            case .failure(let error)?: failure = failure ?? error
            case nil: break
            }
        }
        if let failure {
            for item in written { unlink(item.temp) }
            throw failure
        }
        return written
    }

    private func writeBatchTemp<R: Record>(_ record: R, now: Date) throws -> (temp: String, target: String, record: R) {
        var new = record
        new.schemaVersion = R.currentSchemaVersion
        new.revision = 1
        new.updatedAt = now
        let bytes = JSONWriter.bytes(of: try RecordCoding.encode(new, what: "\(R.kind.folderName) record \(record.id)"))
        let target = layout.recordFile(R.kind, record.id)
        return (try writer.writeTemp(bytes, for: target, sync: false), target, new)
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
