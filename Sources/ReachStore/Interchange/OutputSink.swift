#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Where a document goes, a piece at a time, so an export of 100,000 records never holds all of its bytes: the
/// pieces are buffered (1 MB) and written as they come. A regular file or a new path is written to a temp file
/// beside it and renamed over it by `finish` (a failed export leaves the old file, and no half file); a stream
/// (standard output, a device, a FIFO, a socket) is written straight into. A sink dropped without `finish`
/// removes its temp file.
public final class OutputSink: ByteSink {
    private let path: String
    private let target: OutputFile.Target
    private var fd: Int32
    private var temp: String?
    private var buffer: [UInt8] = []
    private var written = 0
    private static let flushAt = 1 << 20

    public init(_ path: String) throws(InterchangeError) {
        self.path = path
        target = try OutputFile.target(of: path)
        switch target {
        case .standardOutput:
            fd = STDOUT_FILENO
        case let .file(resolved, mode):
            let temp = AtomicWriter.tempPath(for: resolved)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard fd >= 0 else {
                throw .cannotWrite(file: path, problem: .system(operation: "create a temporary file", errno: errno, partly: false))
            }
            self.temp = temp
            // Exactly `mode`, whatever the umask: a new export stays private, a replaced file keeps its mode.
            guard fchmod(fd, mode) == 0 else { throw failure("set the file's permissions") }
        case let .stream(resolved):
            fd = open(resolved, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw .cannotWrite(file: path, problem: .system(operation: "open", errno: errno, partly: false)) }
        case let .socket(resolved):
            fd = try OutputFile.connect(resolved, naming: path)
        }
    }

    public func write(_ bytes: [UInt8]) throws(InterchangeError) {
        buffer += bytes
        if buffer.count >= Self.flushAt { try flush() }
    }

    /// Writes what is buffered; for a file, flushes it to disk and renames it over the target.
    public func finish() throws(InterchangeError) {
        try flush()
        guard case let .file(resolved, _) = target, let temp else { return closeStream() }
        guard fsync(fd) == 0 else { throw failure("flush the file to disk") }
        close(fd)
        fd = -1
        guard rename(temp, resolved) == 0 else { throw failure("move the new file into place") }
        self.temp = nil
        try? Posix.syncDirectory(Posix.parent(of: resolved))
    }

    private func flush() throws(InterchangeError) {
        guard !buffer.isEmpty else { return }
        do {
            try OutputFile.writeAll(buffer, to: fd, naming: path)
        } catch .cannotWrite(let file, .system(let operation, let code, let partly)) {
            // A file's temp is removed (deinit), so nothing reached it; a stream may hold the pieces before.
            throw .cannotWrite(file: file, problem: .system(operation: operation, errno: code, partly: temp == nil && (partly || written > 0)))
        } catch {
            throw error
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure(_ operation: String) -> InterchangeError {
        .cannotWrite(file: path, problem: .system(operation: operation, errno: errno, partly: temp == nil && written > 0))
    }

    private func closeStream() {
        if fd > STDERR_FILENO { close(fd) }
        fd = -1
    }

    deinit {
        if let temp {
            if fd >= 0 { close(fd) }
            unlink(temp)
        } else if fd > STDERR_FILENO {
            close(fd)
        }
    }
}

/// Takes a document a piece at a time: an `OutputSink`, or bytes kept in memory (tests, the app's copy).
public protocol ByteSink: AnyObject {
    func write(_ bytes: [UInt8]) throws(InterchangeError)
}

/// A `ByteSink` that keeps everything.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: [UInt8]) throws(InterchangeError) { self.bytes += bytes }
}
