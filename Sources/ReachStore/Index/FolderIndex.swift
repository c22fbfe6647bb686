#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB
import ReachCore

/// Why the folder index cannot be used; the commands then read the records as they did before it existed.
public enum FolderIndexError: Error, Sendable, CustomStringConvertible {
    /// `cache/index.sqlite` is a folder, a link or a device: never replaced, never written through.
    case notARegularFile(String)
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notARegularFile(let path): "\(path) is not a regular file; move it away so Reach can rebuild its index there."
        case .unusable(let path, let reason): "the index \(path) cannot be used (\(reason)); the record files are read instead."
        }
    }
}

/// One shared, derived index per data folder (`cache/index.sqlite`, SQLite through GRDB): which deals each
/// campaign has, what decides whether a deal can be on Today, and the stamp of every record file it was built from.
///
/// The record files stay the only truth. `refresh()` compares stamps and re-reads exactly the files that were
/// added, changed or removed since any Reach process last refreshed it; a missing, damaged or other-version index
/// is rebuilt from the files; and the commands read the records they show from their files, so the index only
/// decides which files to read. Every member of a team folder can read and refresh it (0660 in a 2770 folder);
/// in a private folder it is 0600.
public final class FolderIndex: Sendable {
    public static let fileName = "index.sqlite"
    /// How long a folder whose own stamp did not move is trusted without comparing every file's stamp: an edit
    /// made in place by another program (not through a rename) shows after at most this long.
    public static let fullCheckInterval: TimeInterval = 600
    /// How old an open app lets a folder's last full check get (`keepFresh`): short of `fullCheckInterval` by more
    /// than the app's gap between two looks, so a command does not find the check due while an app is open.
    public static let keptFullCheckAge: TimeInterval = 480

    public let path: String
    public let store: RecordStore
    let database: DatabaseQueue
    /// Told before a refresh reads `longRead` or more files of one kind (a first build, a new index version, a folder
    /// rewritten by `git pull`), with how many: at 100k that takes a minute, and a command says so instead of
    /// seeming to hang.
    let onLongRead: (@Sendable (RecordKind, Int) -> Void)?
    let longRead: Int

    /// Opens (creating if needed) the index of `store`'s folder. A damaged file is removed and built anew; a file
    /// of another index version is emptied and built anew.
    public convenience init(store: RecordStore, onLongRead: (@Sendable (RecordKind, Int) -> Void)? = nil) throws(FolderIndexError) {
        try self.init(store: store, fileName: Self.fileName, onLongRead: onLongRead)
    }

    /// The folder's index when there is one that can be opened, built for creators and deals; nil otherwise, and
    /// no index file made: for an open app keeping it fresh (`keepFresh`), which leaves making and building an
    /// index to a first start and the commands.
    public static func existing(of store: RecordStore) -> FolderIndex? {
        guard let info = Posix.lstat(store.layout.cacheDirectory + "/" + fileName), Posix.isRegular(info),
              let index = try? FolderIndex(store: store),
              (try? index.isBuilt(.influencer)) == true, (try? index.isBuilt(.deal)) == true else { return nil }
        return index
    }

    /// `fileName` other than the default only in tests, to build a second index of the same files beside it, and
    /// `longRead` lower, to see `onLongRead` on a small folder.
    init(store: RecordStore, fileName: String, onLongRead: (@Sendable (RecordKind, Int) -> Void)? = nil,
         longRead: Int = 5_000) throws(FolderIndexError) {
        self.store = store
        self.onLongRead = onLongRead
        self.longRead = longRead
        path = store.layout.cacheDirectory + "/" + fileName
        let mode = store.options.sharing
        do {
            try Posix.makeDirectory(store.layout.cacheDirectory, mode: mode.directoryMode)
            try Self.createIfMissing(path, mode: mode.fileMode)
            database = try Self.open(path)
        } catch let error as FolderIndexError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            store.logger.warning("the index \(path) is damaged (\(error.message ?? "")); rebuilding it from the record files")
            do {
                try Self.remove(path)
                try Self.createIfMissing(path, mode: mode.fileMode)
                database = try Self.open(path)
            } catch {
                throw .unusable(path: path, reason: "\(error)")
            }
        } catch {
            throw .unusable(path: path, reason: "\(error)")
        }
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.journalMode = .wal
        // Several users' commands refresh it at once; a refresh is short, so waiting is better than failing.
        configuration.busyMode = .timeout(30)
        configuration.label = "reach.index"
        configuration.prepareDatabase { db in
            // Derived data: a power cut may lose the last refresh (the stamps then say so), never corrupt it.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let database = try DatabaseQueue(path: path, configuration: configuration)
        try database.inDatabase { db in
            try db.inTransaction(.exclusive) {
                try IndexSchema.prepare(db)
                return .commit
            }
        }
        return database
    }

    /// Creates an empty file with the folder's mode (SQLite gives its `-wal` and `-shm` files the same mode), or
    /// checks that what is there is a regular file.
    private static func createIfMissing(_ path: String, mode: mode_t) throws(FolderIndexError) {
        if let info = Posix.lstat(path) {
            guard Posix.isRegular(info) else { throw .notARegularFile(path) }
            return
        }
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { return try createIfMissing(path, mode: mode) }
            throw .unusable(path: path, reason: String(cString: strerror(errno)))
        }
        _ = fchmod(fd, mode) // past the umask, so a teammate can refresh it
        close(fd)
    }

    /// After `error` from reading the index: when it says the index's content is damaged (SQLite's pages, or a column
    /// that is not a whole summary or row), empties the index, or removes it when even that fails, so the next refresh
    /// rebuilds it from the record files instead of every start doing without it. Returns whether it did.
    @discardableResult
    public func discardIfDamaged(by error: any Error) -> Bool {
        let damaged = error is BinaryDecodeError
            || (error as? DatabaseError).map { $0.resultCode == .SQLITE_CORRUPT || $0.resultCode == .SQLITE_NOTADB } == true
        guard damaged else { return false }
        store.logger.warning("the index \(path) is damaged (\(error)); emptied, the next refresh rebuilds it from the record files")
        do {
            try database.inDatabase { db in
                try db.inTransaction(.exclusive) {
                    try IndexSchema.recreate(db)
                    return .commit
                }
            }
        } catch {
            try? Self.remove(path)
        }
        return true
    }

    /// Removes a damaged index and its journal files; only regular files are ever removed.
    private static func remove(_ path: String) throws(FolderIndexError) {
        for file in [path, path + "-wal", path + "-shm"] {
            guard let info = Posix.lstat(file) else { continue }
            guard Posix.isRegular(info) else { throw .notARegularFile(file) }
            unlink(file)
        }
    }
}
