#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One sync of a folder at a time (a terminal's `reach sync` and an app's auto-sync): a `flock` on a file inside
/// `.git`, so it never syncs itself. A second sync is told at once rather than queued behind a slow network.
struct SyncLock {
    var folder: String

    var path: String { folder + "/.git/reach-sync.lock" }

    func hold<T>(_ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .notSetUp(folder: folder) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw .busy }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
