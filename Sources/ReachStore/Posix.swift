#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin wrappers over the system calls the store needs, turning `errno` into `StoreError.io`.
///
/// The store talks to POSIX directly (not FileManager) because durability needs fsync of files and
/// directories, explicit modes with fchmod, O_EXCL temp files and lstat without following links.
enum Posix {
    static func error(_ operation: String, _ path: String) -> StoreError {
        .io(operation: operation, path: path, errno: errno)
    }

    /// lstat: nil when the path does not exist (or cannot be examined).
    static func lstat(_ path: String) -> stat? {
        var info = stat()
        return Glibc.lstat(path, &info) == 0 ? info : nil
    }

    /// What a record file's stamp is taken from: for a symbolic link, the file it points to (so an edit of the
    /// target is noticed by the change scan and the folder index), else the path itself.
    static func stampInfo(_ path: String) -> stat? { stampInfo(path, in: AT_FDCWD) }

    /// `stampInfo` of the file `name` in the directory open as `directory` (`AT_FDCWD`: `name` is a path).
    static func stampInfo(_ name: UnsafePointer<CChar>, in directory: Int32) -> stat? {
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        guard isSymlink(info) else { return info }
        var target = stat()
        return fstatat(directory, name, &target, 0) == 0 ? target : info
    }

    /// A descriptor of the directory at `path` for `*at` calls (nil when it cannot be opened); the caller closes it.
    static func openDirectory(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
    static func isSymlink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }

    /// Creates a directory with exactly `mode` (umask-independent), or checks that it already is one.
    static func makeDirectory(_ path: String, mode: mode_t) throws(StoreError) {
        if mkdir(path, mode) == 0 {
            guard chmod(path, mode) == 0 else { throw error("set permissions of", path) }
            return
        }
        if errno == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            throw StoreError.unusableFolder(path: path, reason: "its parent folder \(parent) does not exist (create it first, or check the path for a typo)")
        }
        guard errno == EEXIST else { throw error("create folder", path) }
        guard let info = Posix.lstat(path), isDirectory(info) else {
            throw StoreError.unusableFolder(path: path, reason: "it exists but is not a folder")
        }
    }

    /// Names in a directory, without "." and "..", each kept only when `keep` says so of its bytes: a caller after
    /// few of 300,000 names makes no string of the rest. Missing directory: empty.
    static func listDirectory(_ path: String, keeping keep: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true })
        throws(StoreError) -> [String] {
        var names: [String] = []
        try forEachName(in: path) { name in
            if keep(name) { names.append(String(decoding: name, as: UTF8.self)) }
        }
        return names
    }

    /// Calls `body` with the bytes of each name in a directory but "." and "..", valid during the call only.
    /// Missing directory: no call.
    static func forEachName(in path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(StoreError) {
        try forNames(in: path, while: { name in
            body(name)
            return true
        })
    }

    /// `forEachName`, stopping after the first name `body` returns false for.
    static func forNames(in path: String, while body: (UnsafeBufferPointer<UInt8>) -> Bool) throws(StoreError) {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return }
            throw error("list folder", path)
        }
        defer { closedir(dir) }
        var more = true
        while more, let entry = readdir(dir) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
                let isDots = name.count <= 2 && name.allSatisfy { $0 == UInt8(ascii: ".") }
                if !isDots { more = body(name) }
            }
        }
    }

    /// Reads a whole file (following a final symlink the caller has already vetted).
    static func readFile(_ path: String) throws(StoreError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error("examine", path) }
        return try readAll(fd, size: Int(info.st_size), path: path)
    }

    /// A regular file at `path`, opened for reading without following a symbolic link in its last component, and
    /// its `fstat`; nil for anything else (missing, a link, a FIFO, unreadable), which the caller examines with
    /// `lstat`. One path look-up and no `lstat` for the usual file: a first start opens 300,000 of them.
    /// `O_NONBLOCK` so that a FIFO does not block the open; `O_NOCTTY` so that a terminal cannot become ours.
    static func openRegularFile(_ path: String) -> (descriptor: Int32, info: stat)? { openRegularFile(path, in: AT_FDCWD) }

    /// `openRegularFile` of the file `name` in the directory open as `directory` (`AT_FDCWD`: `name` is a path).
    static func openRegularFile(_ name: UnsafePointer<CChar>, in directory: Int32) -> (descriptor: Int32, info: stat)? {
        let fd = openat(directory, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, isRegular(info) else {
            close(fd)
            return nil
        }
        return (fd, info)
    }

    /// The bytes of the open file `fd`, `size` of them expected; fewer when it shrank while read. Errors name `path`.
    static func readAll(_ fd: Int32, size: Int, path: String) throws(StoreError) -> Data {
        var data = Data(count: size)
        let filled = data.withUnsafeMutableBytes { buffer in Result { () throws(StoreError) in try read(fd, into: buffer, path: path) } }
        // The file shrank while we read it: keep what is really there.
        let count = try filled.get()
        if count < data.count { data.removeSubrange(count...) }
        return data
    }

    /// Fills `buffer` from the open file `fd` (retrying short reads and interrupts) and returns how many bytes it
    /// read: fewer than the buffer holds when the file ended first. Errors name `path`.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: @autoclosure () -> String) throws(StoreError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = Glibc.read(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(operation: "read", path: path(), errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Writes every byte to `fd` (retrying short writes and interrupts); errors name `path`.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(StoreError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw error("write a new version of", path)
            }
            written += count
        }
    }

    /// Flushes a directory's entries (a rename or unlink inside it) to the disk.
    static func syncDirectory(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open folder", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw error("flush folder", path) }
    }

    static func rename(_ from: String, _ to: String) throws(StoreError) {
        guard Glibc.rename(from, to) == 0 else { throw error("move \(from) to", to) }
    }

    /// The parent directory of a path ("/a/b/c.json" → "/a/b").
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last path component ("/a/b/c.json" → "c.json").
    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The canonical absolute path with symlinks resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when a process with this id exists (or exists but is not ours to signal).
    static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
