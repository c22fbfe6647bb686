#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Stamps as the index stores them: one 64-bit number per file or folder (inode, size, modification and change
/// times), so comparing 200,000 of them is one integer compare each.
enum IndexStamp {
    static func of(_ stamp: FileStamp) -> Int64 {
        // A tuple, not an array: the same six words back to back, without a heap block per file of a full scan.
        var words = (Int64(bitPattern: stamp.inode), stamp.size, Int64(stamp.modifiedSeconds), Int64(stamp.modifiedNanoseconds),
                     Int64(stamp.changedSeconds), Int64(stamp.changedNanoseconds))
        return Int64(bitPattern: withUnsafeBytes(of: &words) { StableHash.hash($0) })
    }
}

/// A record folder's own stamp. Creating, renaming or removing a file in it changes it; editing a file in place
/// does not (the index's periodic full check and the reading of every file a command shows cover that).
struct FolderStamp {
    var value: Int64
    /// The folder's modification time was far enough in the past when it was read that a later change is sure to
    /// give a different one. File times come from a coarse clock (a few milliseconds), so a rename in the same
    /// tick as the reading would otherwise leave the stamp unchanged: the pattern of git's "racy" index entries
    /// and notmuch's directory times.
    var trusted: Bool
    /// When it was read (the start of the listing it describes).
    var observedAt: Date

    static let racyMargin: TimeInterval = 0.05

    /// The folder's stamp now; nil when it cannot be examined.
    static func read(_ path: String) -> FolderStamp? {
        let observedAt = Date()
        guard let info = Posix.lstat(path), Posix.isDirectory(info) else { return nil }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return FolderStamp(value: IndexStamp.of(FileStamp(info)), trusted: observedAt.timeIntervalSince1970 - modified >= racyMargin,
                           observedAt: observedAt)
    }
}
