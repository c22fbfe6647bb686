#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file only ever appended to, by one `write` per entry with `O_APPEND`, so entries from several threads and
/// several processes (a team sharing one data folder) never interleave within a line.
final class AppendOnlyFile: Sendable {
    let path: String
    private let mode: mode_t
    /// Opened on first use; nil until then, and again after the file could not be opened.
    private let descriptor = Locked<Int32?>(nil)

    init(path: String, mode: mode_t) {
        self.path = path
        self.mode = mode
    }

    deinit {
        if let fd = descriptor.withLock({ $0 }) { close(fd) }
    }

    /// Appends `bytes` in one write; `sync` also flushes them to disk before returning.
    func append(_ bytes: [UInt8], sync: Bool = false) throws(StoreError) {
        let (opened, openErrno) = descriptor.withLock { (fd: inout Int32?) -> (Int32?, Int32) in
            if fd == nil {
                let new = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)
                guard new >= 0 else { return (nil, errno) }
                // The exact mode whatever the umask, as record files get; a teammate's existing log refuses
                // (not ours to change) and keeps the mode it was made with.
                _ = fchmod(new, mode)
                fd = new
            }
            return (fd, 0)
        }
        guard let fd = opened else { throw .io(operation: "open", path: path, errno: openErrno) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Posix.error("append to", path) }
        if sync, fsync(fd) != 0 { throw Posix.error("flush", path) }
    }
}
