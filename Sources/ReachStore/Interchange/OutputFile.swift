#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where a command writes its document (`--output`, for export, report, person export, brief), by what the path is,
/// so a command never replaces anything but a regular file: `-` is standard output; a terminal, device, FIFO or
/// socket is written straight into (`--output /dev/null`, `>(gzip > x.gz)`); a symlink is followed and its
/// target written; a regular file or a new path is replaced atomically, keeping an existing file's mode.
public enum OutputFile {
    public enum Target: Equatable, Sendable {
        case standardOutput
        /// Replaced atomically; `mode` is the existing file's, else 0600 (exports hold personal data).
        case file(path: String, mode: mode_t)
        case stream(path: String)
        case socket(path: String)
    }

    /// Writes `bytes` to `path` as `target(of:)` decides.
    public static func write(_ bytes: [UInt8], to path: String) throws(InterchangeError) {
        let sink = try OutputSink(path)
        try sink.write(bytes)
        try sink.finish()
    }

    /// What `path` is and how it will be written; a folder, a block device, a missing folder or a loop of links
    /// is refused before anything is written.
    public static func target(of path: String) throws(InterchangeError) -> Target {
        if path == "-" { return .standardOutput }
        let resolved = try followLinks(path)
        var info = stat()
        guard lstat(resolved, &info) == 0 else {
            guard errno == ENOENT else { throw .cannotWrite(file: path, problem: .system(operation: "inspect", errno: errno, partly: false)) }
            let folder = Posix.parent(of: resolved)
            var parent = stat()
            guard stat(folder, &parent) == 0, parent.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotWrite(file: path, problem: .missingFolder(folder))
            }
            return .file(path: resolved, mode: 0o600)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(path: resolved, mode: info.st_mode & 0o7777)
        case S_IFCHR, S_IFIFO: return .stream(path: resolved)
        case S_IFSOCK: return .socket(path: resolved)
        case S_IFDIR: throw .cannotWrite(file: path, problem: .isFolder)
        default: throw .cannotWrite(file: path, problem: .notWritableKind)
        }
    }

    /// The path a chain of symlinks ends at (which may not exist yet: a dangling link's target gets created).
    static func followLinks(_ path: String) throws(InterchangeError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw .cannotWrite(file: path, problem: .system(operation: "read the link", errno: errno, partly: false)) }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : Posix.parent(of: current) + "/" + target
        }
        throw .cannotWrite(file: path, problem: .linkLoop)
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32, naming name: String) throws(InterchangeError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in raw.baseAddress.map { Glibc.write(fd, $0 + offset, raw.count - offset) } ?? 0 }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(file: name, problem: .system(operation: "write", errno: errno, partly: offset > 0))
            }
            offset += written
        }
    }

    static func connect(_ path: String, naming name: String) throws(InterchangeError) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .cannotWrite(file: name, problem: .system(operation: "open a socket", errno: errno, partly: false)) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else {
            close(fd)
            throw .cannotWrite(file: name, problem: .system(operation: "connect", errno: ENAMETOOLONG, partly: false))
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw .cannotWrite(file: name, problem: .system(operation: "connect", errno: code, partly: false))
        }
        return fd
    }
}

/// Why `--output` could not be written; the view of `InterchangeError.cannotWrite` turns it into words once.
public enum OutputProblem: Sendable, Equatable, CustomStringConvertible {
    case isFolder
    case notWritableKind
    case missingFolder(String)
    case linkLoop
    /// A system call failed; `partly` when some bytes had already gone into a stream.
    case system(operation: String, errno: Int32, partly: Bool)
    case other(String)

    public var description: String {
        switch self {
        case .isFolder: return "it is a folder. Name a file in it, such as export.csv inside it"
        case .notWritableKind: return "it is a block device or another special file. Write to a file, a pipe or - (standard output)"
        case let .missingFolder(folder): return "the folder \(folder) does not exist. Create it, or choose another --output"
        case .linkLoop: return "it is a loop of symbolic links. Point --output at a file"
        case let .system(operation, code, partly):
            let what = "could not \(operation): \(String(cString: strerror(code)))"
            let outcome = partly ? "Part of the output may already have been written" : "Nothing was written"
            return "\(what). \(outcome). \(Self.advice(code))"
        case let .other(reason): return reason
        }
    }

    private static func advice(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "The disk is full; free some space (df -h) and run it again"
        case EACCES, EPERM: return "You may not write there; choose another --output or check the folder's permissions (ls -ld)"
        case EROFS: return "The disk is mounted read-only; choose another --output"
        case EPIPE: return "The reader at the other end went away"
        case ECONNREFUSED, ENOENT: return "Nothing is listening on that socket"
        default: return "Try again; if it keeps failing, check the disk (df -h, dmesg)"
        }
    }
}
