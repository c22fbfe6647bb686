import Foundation

/// One line of progress on standard error, redrawn in place while a long command works, and only when
/// standard error is a terminal: a pipe or a log file gets the result alone. At most ten redraws a second;
/// `clear` wipes it before the result is printed or an error is reported.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = 0
    private var lastDrawn: ContinuousClock.Instant?

    /// Shows `text` (which holds no user data, so needs no sanitising), unless a line went up less than
    /// 0.1 s ago; `now` forces it.
    func show(_ text: String, now: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let clock = ContinuousClock.now
            if !now, let lastDrawn, clock - lastDrawn < .milliseconds(100) { return }
            lastDrawn = clock
            let line = "reach: " + text
            write("\r" + line + String(repeating: " ", count: max(0, shown - line.count)))
            shown = line.count
        }
    }

    func clear() {
        lock.withLock {
            guard shown > 0 else { return }
            write("\r" + String(repeating: " ", count: shown) + "\r")
            shown = 0
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
