import OrderedCollections
import ReachCore
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
}

/// The record files of one kind as the store last saw them, by the record's id: a compact table (300,000 files at
/// 100k creators took 19 MB as `Dictionary`s, half their buckets empty); removals go through `setUnordered` and
/// `removeUnordered`, in O(1).
typealias KnownFiles = OrderedDictionary<RecordID, KnownFile>

extension KnownFiles {
    /// Enters the file `name` (`<id>.json`; any other name is not a record file and is left out).
    mutating func set(_ name: String, _ file: KnownFile) {
        if let id = DataFolderLayout.recordID(fromFileName: name) { self[id] = file }
    }
}

/// A record file as the store last saw it, for `scanChanges`.
struct KnownFile: Sendable, Hashable {
    /// The file's stamp as `IndexStamp.of` hashes it, as the folder index keeps it too: 300,000 full stamps took
    /// 75 MB of the app at 100k creators, and a start from the index knows only the hashes.
    var stamp: Int64

    init(stamp: FileStamp) {
        self.init(hashedStamp: IndexStamp.of(stamp))
    }

    /// A stamp already hashed, from the folder index.
    init(hashedStamp: Int64) {
        stamp = hashedStamp
    }

    /// Whether the file still has this stamp.
    func matches(_ now: FileStamp) -> Bool { stamp == IndexStamp.of(now) }
}
