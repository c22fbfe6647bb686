#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses

/// Write end of the self-pipe; set once before handlers are installed, only read by the handler.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Forwards signals to a self-pipe so they are handled on the app thread, never inside a signal handler.
///
/// The handler only calls `write(2)`, which is async-signal-safe; the terminal then restores itself
/// (or repaints, or stops) from its normal event loop, where calling curses is safe.
final class SignalRelay {
    /// Signals that end the program after restoring the terminal.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let handled: [Int32] = terminating + [SIGWINCH, SIGTSTP, SIGCONT]

    /// Read end, polled together with stdin.
    let readEnd: Int32

    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        _ = nc_set_nonblocking(ends[0])
        _ = nc_set_nonblocking(ends[1])
        readEnd = ends[0]
        signalPipeWriteEnd = ends[1]
        for signalNumber in Self.handled {
            install(signalNumber)
        }
    }

    /// (Re)installs the forwarding handler for one signal.
    func install(_ signalNumber: Int32) {
        _ = signal(signalNumber) { received in
            let savedErrno = errno
            var byte = UInt8(truncatingIfNeeded: received)
            _ = write(signalPipeWriteEnd, &byte, 1)
            errno = savedErrno
        }
    }

    /// Signals received since the last call, oldest first.
    func drain() -> [Int32] {
        var result: [Int32] = []
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &bytes, bytes.count)
            guard count > 0 else { break }
            result.append(contentsOf: bytes[0..<count].map { Int32($0) })
        }
        return result
    }

    /// Puts every handled signal back to its default action (used when the terminal is restored).
    func uninstall() {
        for signalNumber in Self.handled {
            _ = signal(signalNumber, SIG_DFL)
        }
    }
}
