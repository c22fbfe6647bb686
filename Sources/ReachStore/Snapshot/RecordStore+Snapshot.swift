#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachCore

/// What `writeSnapshot` wrote.
public struct SnapshotWriteSummary: Sendable {
    public var path: String
    /// Records written.
    public var records: Int
    /// Records left out: unsaved edits, problem files, records whose file changed since it was read. The first
    /// scan after the next start reads their files.
    public var omitted: Int
    public var bytes: Int
}

extension RecordStore {
    /// This folder's snapshot file, or nil when `StoreOptions.snapshotDirectory` is not set.
    public var snapshotPath: String? {
        options.snapshotDirectory.map { $0 + "/" + SnapshotLocation.fileName(folderRealPath: reader.rootRealPath) }
    }

    /// Record files seen to change (saves, deletes, other sessions' edits) since the snapshot was loaded or
    /// written; nil when the records were read from the files instead. Zero means a new snapshot would add nothing.
    public var changesSinceSnapshot: Int? { snapshotChanges.withLock { $0 } }

    /// Every record as the snapshot cache last saw it, without reading a record file; nil when there is no
    /// usable snapshot (none yet, another Reach version, damaged: then load with `loadAll` as before).
    ///
    /// The snapshot is a cache, never the truth: it seeds the stamps `scanChanges` compares against with the
    /// snapshot's, so the first scan reads exactly the files added, changed or removed since it was written,
    /// and reports them (and any problem file, which a snapshot never holds) like any other session's edits.
    public func loadAllFromSnapshot() -> SnapshotRecords? {
        guard let path = snapshotPath, let info = Posix.lstat(path) else { return nil }
        let decoded: Result<(records: SnapshotRecords, files: [RecordKind: [String: KnownFile]]), SnapshotFileError>
        if !Posix.isRegular(info) {
            decoded = .failure(.notASnapshot)
        } else {
            do {
                // Mapped: `writeSnapshot` replaces the file by rename, never in place.
                decoded = try Posix.withMappedFile(path) { buffer in
                    Result { () throws(SnapshotFileError) in try SnapshotFile.decode(buffer, folder: reader.rootRealPath) }
                }
            } catch {
                decoded = .failure(.damaged(error.description))
            }
        }
        switch decoded {
        case .success(let snapshot):
            known.withLock { known in
                for (kind, files) in snapshot.files { known[kind] = files }
            }
            snapshotChanges.withLock { $0 = 0 }
            logger.info("loaded \(snapshot.records.count) records from the snapshot \(path)")
            return snapshot.records
        case .failure(let reason):
            logger.notice("not using the snapshot \(path): \(reason); reading the record files instead")
            return nil
        }
    }

    /// Writes this folder's snapshot from the app's records. A record goes in only when it is exactly what the
    /// store last read from or saved to its file (same fingerprint), paired with that file's stamp; anything
    /// else (an unsaved edit, a file changed since) is left out and simply read from its file next time.
    ///
    /// Atomic (temp file + rename in the cache folder, with the folder's file mode: 0600, or 0660 in a team
    /// folder), not fsynced: losing it costs one slow start.
    @discardableResult
    public func writeSnapshot<I: Collection & Sendable, C: Collection & Sendable, D: Collection & Sendable, T: Collection & Sendable>(
        influencers: I, campaigns: C, deals: D, templates: T
    ) throws -> SnapshotWriteSummary
    where I.Element == Influencer, C.Element == Campaign, D.Element == Deal, T.Element == Template,
          I.SubSequence: Sendable, C.SubSequence: Sendable, D.SubSequence: Sendable, T.SubSequence: Sendable {
        guard let directory = options.snapshotDirectory, let path = snapshotPath else {
            throw StoreError.unusableFolder(path: "(snapshot)", reason: "no snapshot folder is configured")
        }
        do {
            try Self.makeCacheDirectory(directory, mode: options.sharing.directoryMode)
        } catch {
            logger.warning("could not write the snapshot \(path): \(error)")
            throw error
        }
        removeStaleTempFiles(in: directory)
        removeUnusedSnapshots(in: directory, keeping: path)
        let files = known.withLock { $0 }
        snapshotChanges.withLock { $0 = 0 }
        var jobs: [@Sendable () -> SnapshotChunk] = []
        jobs += Self.chunkJobs(influencers, files: files[.influencer] ?? [:])
        jobs += Self.chunkJobs(campaigns, files: files[.campaign] ?? [:])
        jobs += Self.chunkJobs(deals, files: files[.deal] ?? [:])
        jobs += Self.chunkJobs(templates, files: files[.template] ?? [:])
        let summary: SnapshotWriteSummary
        do {
            summary = try SnapshotFileWriter(path: path, folder: reader.rootRealPath, fileMode: options.sharing.fileMode).write(jobs)
        } catch {
            snapshotChanges.withLock { $0 = nil }
            logger.warning("could not write the snapshot \(path): \(error)")
            throw error
        }
        logger.info("wrote \(summary.records) records (\(summary.bytes) bytes) to the snapshot \(path); left out \(summary.omitted)")
        return summary
    }

    /// Encoding jobs of `SnapshotChunk.size` records each. An id given more than once (a file whose id does not
    /// match its name loads beside the real one) is ambiguous, so all its copies are left out.
    private static func chunkJobs<C: Collection & Sendable>(
        _ records: C, files: [String: KnownFile]
    ) -> [@Sendable () -> SnapshotChunk] where C.Element: SnapshotRecord, C.SubSequence: Sendable {
        let repeated: Set<RecordID> = {
            var seen = Set<RecordID>(minimumCapacity: records.count)
            var repeated = Set<RecordID>()
            for record in records where !seen.insert(record.id).inserted { repeated.insert(record.id) }
            return repeated
        }()
        var jobs: [@Sendable () -> SnapshotChunk] = []
        var start = records.startIndex
        while start != records.endIndex {
            let end = records.index(start, offsetBy: SnapshotChunk.size, limitedBy: records.endIndex) ?? records.endIndex
            let slice = records[start..<end]
            jobs.append { SnapshotChunk.encode(slice, files: files, leavingOut: repeated) }
            start = end
        }
        return jobs
    }

    func countSnapshotChanges(_ count: Int) {
        guard count > 0 else { return }
        snapshotChanges.withLock { changes in changes = changes.map { $0 + count } }
    }

    /// The cache folder and any missing parent, with the data folder's mode (shared in a team folder).
    private static func makeCacheDirectory(_ path: String, mode: mode_t) throws {
        var missing: [String] = []
        var current = path
        while Posix.lstat(current) == nil, current != "/", !current.isEmpty {
            missing.append(current)
            current = Posix.parent(of: current)
        }
        for directory in missing.reversed() { try Posix.makeDirectory(directory, mode: mode) }
    }
}
