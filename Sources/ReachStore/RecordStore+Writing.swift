import Foundation
import ReachCore

extension RecordStore {
    /// Saves `record` if the file on disk still has `expectedRevision` (default: `record.revision`;
    /// 0 means "must not exist yet"). Sets schemaVersion, revision + 1, updatedAt = now, keeps createdAt,
    /// keeps fields this build does not know, and returns the record exactly as it now reads back.
    public func save<R: Record>(_ record: R, expectedRevision: Int? = nil) throws -> SaveResult<R> {
        guard record.id.isWellFormed else { throw StoreError.invalidRecordID(record.id.rawValue) }
        let expected = expectedRevision ?? record.revision
        let path = layout.recordFile(R.kind, record.id)
        let decoder = RecordCoding.makeDecoder()
        return try logFailures("save", relative(R.kind, record.id)) { try lock.withLock {
            let disk = try readForWrite(R.self, path: path, id: record.id, decoder: decoder)
            let diskRevision = disk.record?.revision ?? 0
            guard diskRevision == expected else {
                if let theirs = disk.record, Self.sameContent(record, theirs) { return .saved(theirs) }
                logger.notice("conflict saving \(relative(R.kind, record.id)): revision \(diskRevision) on disk, this session had \(expected)")
                return .conflict(Conflict(theirs: disk.record, theirsRevision: diskRevision))
            }
            var new = record
            new.schemaVersion = R.currentSchemaVersion
            new.revision = diskRevision + 1
            new.updatedAt = clock()
            if let old = disk.record { new.createdAt = old.createdAt }
            var json = try RecordCoding.encode(new, what: "\(R.kind.folderName) record \(record.id)")
            if let old = disk.record, let raw = disk.raw {
                let oldJSON = try RecordCoding.encode(old, what: "\(R.kind.folderName) record \(record.id)")
                json = JSONMerge.merge(disk: .object(raw), diskEncoded: oldJSON, newEncoded: json)
            }
            let bytes = JSONWriter.bytes(of: json)
            guard bytes.count <= options.maxFileSize else {
                throw StoreError.recordTooLarge(path: relative(R.kind, record.id), size: bytes.count, limit: options.maxFileSize)
            }
            let saved: R
            do {
                saved = try decoder.decode(R.self, from: Data(bytes))
            } catch {
                throw StoreError.encodingFailed(what: "\(R.kind.folderName) record \(record.id)", reason: "it does not read back: \(error)")
            }
            if let from = disk.migratedFrom, let original = disk.originalData {
                backUp(original, kind: R.kind, name: DataFolderLayout.fileName(record.id), version: from)
            }
            try journaled(R.kind, [DataFolderLayout.fileName(record.id)]) { try writer.write(bytes, to: path) }
            remember(R.kind, record.id, path: path)
            return .saved(saved)
        } }
    }

    /// Runs a write and logs its failure: the app shows it in the status bar for a moment, the log keeps it.
    private func logFailures<T>(_ action: String, _ path: String, _ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch {
            logger.error("could not \(action) \(path): \(error)")
            throw error
        }
    }

    /// Moves the record to `trash/<kind>/<id>.json` if its revision on disk is still `expectedRevision`.
    public func delete<R: Record>(_ type: R.Type, id: RecordID, expectedRevision: Int) throws -> DeleteResult<R> {
        guard id.isWellFormed else { throw StoreError.invalidRecordID(id.rawValue) }
        let path = layout.recordFile(R.kind, id)
        return try logFailures("delete", relative(R.kind, id)) { try lock.withLock {
            let disk = try readForWrite(R.self, path: path, id: id, decoder: RecordCoding.makeDecoder())
            let diskRevision = disk.record?.revision ?? 0
            guard disk.record != nil, diskRevision == expectedRevision else {
                logger.notice("conflict deleting \(relative(R.kind, id)): revision \(diskRevision) on disk, this session had \(expectedRevision)")
                return .conflict(Conflict(theirs: disk.record, theirsRevision: diskRevision))
            }
            try journaled(R.kind, [DataFolderLayout.fileName(id)]) { try AtomicWriter.move(path, to: layout.trashFile(R.kind, id)) }
            forget(R.kind, id)
            logger.info("moved \(relative(R.kind, id)) to the trash")
            return .deleted
        } }
    }

    /// Brings a deleted record back from the trash (undo of `delete`), unchanged, and returns it.
    public func restore<R: Record>(_ type: R.Type, id: RecordID) throws -> R {
        guard id.isWellFormed else { throw StoreError.invalidRecordID(id.rawValue) }
        let trashed = layout.trashFile(R.kind, id)
        let path = layout.recordFile(R.kind, id)
        return try lock.withLock {
            guard Posix.lstat(trashed) != nil else { throw StoreError.notInTrash(path: relativePath(trashed)) }
            guard Posix.lstat(path) == nil else { throw StoreError.restoreWouldOverwrite(path: relative(R.kind, id)) }
            let outcome = reader.read(
                R.self, path: trashed, relative: relativePath(trashed), expectedID: id,
                decoder: RecordCoding.makeDecoder(), needRaw: false)
            guard let record = outcome.record else {
                throw StoreError.damagedOnDisk(path: relativePath(trashed), reason: outcome.problem?.reason ?? "it cannot be read")
            }
            try journaled(R.kind, [DataFolderLayout.fileName(id)]) { try AtomicWriter.move(trashed, to: path) }
            remember(R.kind, id, path: path)
            return record
        }
    }

    /// The record file as a writer must see it: absent, or decodable and not from a newer Reach.
    private func readForWrite<R: Record>(_ type: R.Type, path: String, id: RecordID, decoder: JSONDecoder) throws -> ReadOutcome<R> {
        let disk = reader.read(R.self, path: path, relative: relative(R.kind, id), expectedID: id, decoder: decoder, needRaw: true)
        if disk.isNewer {
            throw StoreError.writtenByNewerVersion(
                path: relative(R.kind, id), found: disk.raw?["schemaVersion"]?.intValue ?? 0, supported: R.currentSchemaVersion)
        }
        if let problem = disk.problem, problem.kind == .damaged {
            throw StoreError.damagedOnDisk(path: problem.file, reason: problem.position.map { "\($0): \(problem.reason)" } ?? problem.reason)
        }
        // Not damaged, but left in place by loads (too large, unreadable, link out of the folder...):
        // "reload to quarantine it" would be wrong advice, so the problem's own advice is given.
        if let problem = disk.problem, problem.kind != .idMismatch { throw StoreError.cannotReplace(problem) }
        return disk
    }

    /// True when `mine` differs from `theirs` only in the store's metadata. Saving it again is then
    /// not a conflict: nothing would change. This is how a retry succeeds after a save whose file
    /// was renamed into place before the error (a failed directory flush), and when two sessions
    /// made the same edit.
    public static func sameContent<R: Record>(_ mine: R, _ theirs: R) -> Bool {
        var mine = mine
        mine.schemaVersion = theirs.schemaVersion
        mine.revision = theirs.revision
        mine.createdAt = theirs.createdAt
        mine.updatedAt = theirs.updatedAt
        return mine == theirs
    }

    /// Records our own write so `scanChanges` does not report it back to us.
    func remember(_ kind: RecordKind, _ id: RecordID, path: String) {
        guard let info = Posix.lstat(path) else { return }
        known.withLock { $0[kind, default: [:]][id] = KnownFile(stamp: FileStamp(info)) }
    }

    /// Runs a write to `kind`'s folder (called with the lock held) and enters it in the change journal with the
    /// folder's stamp before and after; a write that fails is not entered, so the index lists the folder next time.
    func journaled<T>(_ kind: RecordKind, _ names: [String]?, _ write: () throws -> T) rethrows -> T {
        let directory = layout.directory(for: kind)
        let before = FolderStamp.read(directory)?.value ?? 0
        let result = try write()
        journal.append(ChangeJournal.Entry(kind: kind, names: names, before: before, after: FolderStamp.read(directory)?.value ?? 0))
        return result
    }

    func forget(_ kind: RecordKind, _ id: RecordID) {
        _ = known.withLock { $0[kind]?.removeUnordered(id) }
    }
}
