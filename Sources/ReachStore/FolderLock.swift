#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The advisory writer lock on `<folder>/.lock`, held only around one read-check-write.
///
/// `flock` locks belong to an open file description, so two stores in one process, two threads of
/// one store and two processes all exclude each other. The kernel drops the lock when a process
/// dies, so a kill -9 never leaves the folder locked.
struct FolderLock: Sendable {
    var path: String
    var fileMode: mode_t
    var timeout: Duration

    /// Creates the lock file with exactly `fileMode` (umask-independent) if it does not exist yet.
    func create() throws(StoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 {
            guard errno == EEXIST else { throw Posix.error("create the lock file", path) }
            return
        }
        defer { close(fd) }
        guard fchmod(fd, fileMode) == 0 else { throw Posix.error("set permissions of", path) }
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw Posix.error("open the lock file", path) }
        defer { close(fd) }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var pause = Duration.milliseconds(1)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw Posix.error("lock", path) }
            guard clock.now < deadline else {
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                throw StoreError.lockTimeout(path: path, seconds: seconds)
            }
            Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18)
            pause = min(pause * 2, .milliseconds(50))
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
