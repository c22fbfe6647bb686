#if canImport(Glibc)
import Glibc

/// When a fuzz run crashes the process (a Swift runtime trap: index out of range, a bad `Character(...)`), Swift
/// Testing cannot report anything, so this prints the seed and step of every run in flight from the signal handler
/// before handing over to the previous handler (Swift's backtracer). Replay with `REACH_FUZZ_SEED=<seed>`.
enum CrashReport {
    private static let slots = 64
    /// (seed, step) per slot; step 0 marks a free slot. Plain memory, so the handler reads it without locks.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: slots * 2)
        table.initialize(repeating: 0, count: slots * 2)
        return table
    }()
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 6)

    /// Records that the run with `seed` is at `step` (cheap: two stores).
    static func note(seed: UInt64, step: Int) {
        let slot = Int(seed % UInt64(slots))
        table[slot * 2] = seed
        table[slot * 2 + 1] = UInt64(step)
    }

    /// Marks the run finished.
    static func finish(seed: UInt64) { table[Int(seed % UInt64(slots)) * 2 + 1] = 0 }

    /// Installs the handlers once per process, whichever run asks first.
    static func install() { _ = installation }

    private static let installation: Void = {
        for (index, signal) in signals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = handler
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previous + index)
        }
    }()

    private static let handler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
        signal, info, context in
        for slot in 0..<slots where table[slot * 2 + 1] != 0 {
            report(seed: table[slot * 2], step: table[slot * 2 + 1])
        }
        guard let index = signals.firstIndex(of: signal) else { return }
        var old = previous[index]
        if old.sa_flags & SA_SIGINFO != 0, let chained = old.__sigaction_handler.sa_sigaction {
            chained(signal, info, context)
            return
        }
        // No handler before us: die of the signal the default way.
        old.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(signal, &old, nil)
        raise(signal)
    }

    /// "fuzz crash: seed 123 at step 456 …" written with write(2) and stack memory only.
    private static func report(seed: UInt64, step: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 160) { buffer in
            var length = 0
            func append(_ text: StaticString) {
                text.withUTF8Buffer { for byte in $0 { buffer[length] = byte; length += 1 } }
            }
            func append(_ number: UInt64) {
                var divisor: UInt64 = 1
                while number / divisor >= 10 { divisor *= 10 }
                while divisor > 0 {
                    buffer[length] = UInt8(48 + number / divisor % 10)
                    length += 1
                    divisor /= 10
                }
            }
            append("fuzz crash: seed ")
            append(seed)
            append(" at step ")
            append(step)
            append(" (replay: REACH_FUZZ_SEED=<seed> swift test --filter AppFuzz)\n")
            _ = write(2, buffer.baseAddress, length)
        }
    }
}
#else
/// Crash breadcrumbs need Linux signal handling; elsewhere these do nothing.
enum CrashReport {
    static func note(seed: UInt64, step: Int) {}
    static func finish(seed: UInt64) {}
    static func install() {}
}
#endif
