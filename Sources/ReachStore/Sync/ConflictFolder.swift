#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachCore

/// The `conflicts/` folder of a data folder: the clashes merges left, one file per record (see
/// `ConflictDocument`), for the app and the CLI to list, show and settle. Files are written atomically with the
/// folder's file mode, like records.
public struct ConflictFolder: Sendable {
    let layout: DataFolderLayout
    let directoryMode: mode_t
    let writer: AtomicWriter
    /// Held around each read-change-write, so two sessions settling clashes of one record do not undo each other.
    /// Nil in the merge driver: git runs it inside a merge that `reach sync` started, which may hold this very lock.
    let lock: FolderLock?

    init(layout: DataFolderLayout, sharing: FolderSharing, lock: FolderLock?, writeHook: AtomicWriteHook? = nil) {
        self.layout = layout
        directoryMode = sharing.directoryMode
        writer = AtomicWriter(fileMode: sharing.fileMode, hook: writeHook)
        self.lock = lock
    }

    /// Every conflict file: the settings first, then records by kind and id.
    public func all() throws -> [ConflictFile] {
        var subjects: [ConflictSubject] = [.settings]
        for kind in RecordKind.allCases {
            let ids = try Posix.listDirectory(layout.conflictsDirectory(for: kind)).sorted()
                .compactMap(DataFolderLayout.recordID(fromFileName:)).filter(\.isWellFormed)
            subjects += ids.map { .record(kind, $0) }
        }
        return try subjects.compactMap(conflicts(for:))
    }

    /// The open clashes about one record or the settings; nil when there are none.
    public func conflicts(for subject: ConflictSubject) throws -> ConflictFile? {
        guard let document = try read(subject) else { return nil }
        guard let file = ConflictDocument.decode(document), file.subject == subject else {
            throw StoreError.damagedOnDisk(path: relative(subject), reason: "it is not a conflict file this version of Reach can read")
        }
        return file
    }

    /// One clash by id; nil when it is not (or no longer) open.
    public func clash(_ id: String, of subject: ConflictSubject) throws -> Clash? {
        try conflicts(for: subject)?.clashes.first { $0.id == id }
    }

    /// Adds clashes to the subject's conflict file (creating it); a clash already there (same id) is not repeated.
    public func add(_ clashes: [Clash], about subject: ConflictSubject) throws {
        guard !clashes.isEmpty else { return }
        try exclusive {
            try write(ConflictDocument.adding(clashes, to: try read(subject), about: subject), for: subject)
        }
    }

    /// Records that a record was deleted on one replica while edited on another, for `reach sync` when git reports
    /// modify/delete. The edited record is expected to be kept (it is ours); choosing theirs deletes it.
    public func recordDeletion(kind: RecordKind, id: RecordID, deletedBy: String, editedBy: String, at date: Date) throws {
        let clash = Clash(subject: .recordDeleted, authors: MergeAuthors(ours: editedBy, theirs: deletedBy), detectedAt: date)
        try add([clash], about: .record(kind, id))
    }

    /// Settles a clash: removes it, and the file with its last clash. False when it was not open.
    @discardableResult
    public func resolve(_ id: String, of subject: ConflictSubject) throws -> Bool {
        try exclusive {
            guard let document = try read(subject),
                  document["clashes"]?.arrayValue?.contains(where: { $0["id"]?.stringValue == id }) == true else { return false }
            if let rest = ConflictDocument.removing(id, from: document) {
                try write(rest, for: subject)
            } else {
                try remove(subject)
            }
            return true
        }
    }

    /// Moves the clashes of the conflict files under `staging` (a folder laid out like a data folder) into this
    /// folder, and removes them there; returns how many clashes were moved. For `reach sync`, when it has the merge
    /// driver write clashes outside the work tree (`REACH_MERGE_CONFLICTS_DIR`): git's checkout at the end of a
    /// merge overwrites an untracked `conflicts/` file with the one the other side committed, and the clashes the
    /// driver wrote there would be lost.
    @discardableResult
    public func absorb(from staging: String) throws -> Int {
        let staged = ConflictFolder(layout: DataFolderLayout(root: staging), sharing: .privateToUser, lock: nil)
        var moved = 0
        for file in try staged.all() {
            try add(file.clashes, about: file.subject)
            try staged.remove(file.subject)
            moved += file.clashes.count
        }
        return moved
    }

    /// The file's JSON, nil when there is none; a symlink or other non-file, or bad JSON, is reported as damaged.
    private func read(_ subject: ConflictSubject) throws -> JSONValue? {
        let path = layout.conflictFile(subject)
        guard let info = Posix.lstat(path) else { return nil }
        guard Posix.isRegular(info) else { throw StoreError.damagedOnDisk(path: relative(subject), reason: "it is not a regular file") }
        let data = try Posix.readFile(path)
        do {
            return try JSONParser.parse(data)
        } catch {
            throw StoreError.damagedOnDisk(path: relative(subject), reason: error.reason)
        }
    }

    private func remove(_ subject: ConflictSubject) throws {
        let path = layout.conflictFile(subject)
        guard unlink(path) == 0 || errno == ENOENT else { throw Posix.error("remove", relative(subject)) }
        try Posix.syncDirectory(Posix.parent(of: path))
    }

    private func write(_ document: JSONValue, for subject: ConflictSubject) throws {
        try Posix.makeDirectory(layout.conflictsDirectory, mode: directoryMode)
        if case .record(let kind, _) = subject { try Posix.makeDirectory(layout.conflictsDirectory(for: kind), mode: directoryMode) }
        try writer.write(JSONWriter.bytes(of: document), to: layout.conflictFile(subject))
    }

    private func exclusive<T>(_ body: () throws -> T) throws -> T {
        guard let lock else { return try body() }
        return try lock.withLock(body)
    }

    /// `conflicts/deals/<id>.json`, as errors name files.
    private func relative(_ subject: ConflictSubject) -> String {
        String(layout.conflictFile(subject).dropFirst(layout.root.count + 1))
    }
}

extension RecordStore {
    /// This folder's open conflicts, written and settled under the store's lock.
    public var conflicts: ConflictFolder {
        ConflictFolder(layout: layout, sharing: options.sharing, lock: lock, writeHook: options.writeHook)
    }
}
