#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file, enough to notice any change without reading it.
///
/// Every save renames a new inode into place, so the inode alone catches our writes; size and
/// mtime/ctime catch hand edits made in place by an editor.
struct FileStamp: Sendable, Hashable {
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var changedSeconds: Int
    var changedNanoseconds: Int

    init(_ info: stat) {
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        changedSeconds = Int(info.st_ctim.tv_sec)
        changedNanoseconds = Int(info.st_ctim.tv_nsec)
    }

    /// A stamp as stored in the snapshot cache.
    init(inode: UInt64, size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int, changedSeconds: Int, changedNanoseconds: Int) {
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }
}

/// A record file as the store last saw it, for `scanChanges` and the snapshot cache.
struct KnownFile: Sendable, Hashable {
    /// The file's stamp as `IndexStamp.of` hashes it, as the folder index keeps it too: 300,000 full stamps took
    /// 75 MB of the app at 100k creators, and a start from the index knows only the hashes.
    var stamp: Int64
    /// `SnapshotFingerprint` of the record read from (or saved to) the file with this stamp; nil when it had a
    /// problem, or its type has no snapshot codec. Only records whose in-memory value still has this fingerprint
    /// go into a snapshot, so a snapshot never pairs a stamp with content the file did not hold.
    var fingerprint: UInt64?

    init(stamp: FileStamp, fingerprint: UInt64? = nil) {
        self.init(hashedStamp: IndexStamp.of(stamp), fingerprint: fingerprint)
    }

    /// A stamp already hashed: from the folder index, or from a snapshot.
    init(hashedStamp: Int64, fingerprint: UInt64? = nil) {
        stamp = hashedStamp
        self.fingerprint = fingerprint
    }

    /// Whether the file still has this stamp.
    func matches(_ now: FileStamp) -> Bool { stamp == IndexStamp.of(now) }
}
