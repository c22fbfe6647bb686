#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each event line to stdout with one unbuffered `write(2)`, so a SIGKILL right after it
/// cannot lose a line the parent must see (a buffered `print` could).
enum EventOutput {
    static func emit(_ event: TortureEvent) {
        var bytes = Array((event.line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress.map { $0 + written }, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                exit(3)  // the parent is gone; nothing left to report to
            }
            written += count
        }
    }
}
