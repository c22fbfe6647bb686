#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A small tmpfs mounted for one test, to get real ENOSPC and EROFS from the kernel.
/// Needs root and mount rights (true here and in CI); `mount()` returns nil elsewhere and the
/// test falls back to the store's write hook alone.
final class TinyDisk {
    let path: String
    private let scratch: Scratch

    static func mount(size: String) throws -> TinyDisk? {
        let scratch = try Scratch()
        let path = scratch.path + "/disk"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        guard Glibc.mount("tmpfs", path, "tmpfs", 0, "size=\(size),mode=0755") == 0 else { return nil }
        return TinyDisk(path: path, scratch: scratch)
    }

    private init(path: String, scratch: Scratch) {
        self.path = path
        self.scratch = scratch
    }

    /// Remounts read-only (EROFS on every write) or back to read-write.
    func setReadOnly(_ readOnly: Bool) throws {
        let flags = UInt(MS_REMOUNT) | (readOnly ? UInt(MS_RDONLY) : 0)
        guard Glibc.mount("tmpfs", path, "tmpfs", flags, nil) == 0 else {
            throw HarnessFailure("remount \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Fills the disk with one file until the kernel says ENOSPC; returns the file to hand to `free`.
    /// O_CLOEXEC: a child another test spawns meanwhile (tmux, a killed writer) must not inherit it.
    func fill() throws -> String {
        let filler = path + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HarnessFailure("open filler: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x2E, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        guard errno == ENOSPC else { throw HarnessFailure("filling stopped with \(String(cString: strerror(errno)))") }
        return filler
    }

    /// Gives the filler's space back. Truncating first frees the blocks even if some process still
    /// holds the file open (CI once failed the retry after a plain unlink: the space never came back).
    func free(_ filler: String) throws {
        guard truncate(filler, 0) == 0, unlink(filler) == 0 else {
            throw HarnessFailure("free \(filler): \(String(cString: strerror(errno)))")
        }
    }

    deinit { umount2(path, Int32(MNT_DETACH)) }
}
