#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachCore

/// `cache/changes.log`: every Reach writer appends, under the folder lock, which record files it wrote or removed
/// and its folder's stamp just before and just after. The folder index follows the chain of stamps from the one it
/// last saw to the folder's stamp now: when it is unbroken, only the named files changed and the index reads just
/// those instead of listing 200,000 files. Any other program's change breaks the chain (its rename moves the
/// folder's stamp with no entry), and the index lists the folder as before. Disposable like the rest of `cache/`.
struct ChangeJournal: Sendable {
    /// One writer's change to one folder.
    struct Entry: Equatable, Sendable {
        var kind: RecordKind
        /// Nil: too many files to name (a batch); the folder is listed.
        var names: [String]?
        var before: Int64
        var after: Int64
    }

    static let fileName = "changes.log"

    /// Past this size a writer empties the journal before appending; an index that had read further lists the
    /// folders that moved instead.
    static let sizeLimit = 4 << 20
    /// More files than this in one write are entered as "the folder changed".
    static let namedLimit = 256

    let path: String
    let fileMode: mode_t

    /// Appends one entry (one `write`, `O_APPEND`); called with the folder lock held, after the files are in place.
    /// A journal that cannot be written only costs the next index refresh a listing, so failures are ignored.
    func append(_ entry: Entry) {
        let names = entry.names.flatMap { $0.count <= Self.namedLimit ? $0 : nil }
        let line = "\(entry.kind.rawValue) \(entry.before) \(entry.after) \(names?.joined(separator: ",") ?? "*")\n"
        // No `cache/` means no index yet to keep up to date (its first refresh lists every folder anyway), and
        // creating the folder here would give it this session's modes rather than the index's.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, fileMode)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        if info.st_mode & 0o777 != fileMode { _ = fchmod(fd, fileMode) }
        if Int(info.st_size) > Self.sizeLimit { _ = ftruncate(fd, 0) }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Where the journal ends now, and the file it is (a journal emptied and started again reads as shorter).
    struct Position: Equatable, Sendable {
        var inode: Int64
        var offset: Int64
    }

    /// The entries from `position` to the end, and the new end; nil when they cannot be known (the journal is
    /// missing, another file, or shorter than `position`).
    func entries(after position: Position?) -> (entries: [Entry], end: Position)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let inode = Int64(bitPattern: UInt64(info.st_ino))
        let start = position.map { $0.inode == inode ? $0.offset : -1 } ?? 0
        guard start >= 0, start <= Int64(info.st_size) else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(Int64(info.st_size) - start))
        let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
        guard read >= 0 else { return nil }
        // Only whole lines: a writer may be half-way through its line.
        guard let lastNewline = bytes[..<read].lastIndex(of: UInt8(ascii: "\n")) else {
            return ([], Position(inode: inode, offset: start))
        }
        let entries = bytes[...lastNewline].split(separator: UInt8(ascii: "\n")).compactMap { Self.parse(String(decoding: $0, as: UTF8.self)) }
        return (entries, Position(inode: inode, offset: start + Int64(lastNewline) + 1))
    }

    private static func parse(_ line: String) -> Entry? {
        let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let kind = RecordKind(rawValue: String(fields[0])),
              let before = Int64(fields[1]), let after = Int64(fields[2]) else { return nil }
        let names = fields[3] == "*" ? nil : fields[3].split(separator: ",").map(String.init)
        return Entry(kind: kind, names: names, before: before, after: after)
    }

    /// The files named between the folder stamps `from` and `to`, when the journal accounts for every change of
    /// the folder in between (each entry starts where the one before ended); nil when it does not.
    static func namedChanges(_ entries: [Entry], kind: RecordKind, from: Int64, to: Int64) -> Set<String>? {
        var stamp = from
        var names = Set<String>()
        for entry in entries where entry.kind == kind {
            guard entry.before == stamp, let named = entry.names else { return nil }
            names.formUnion(named)
            stamp = entry.after
        }
        return stamp == to ? names : nil
    }
}
