import Foundation

/// A value changed by steps that run in the order they were added, on a thread of their own, while the caller makes
/// the next ones: a start puts 200,458 deal rows into the deal indexes as fast as another thread reads them from the
/// folder index, which had been one thread's work after the creators' side was done. At most `ahead` steps wait at
/// once, so a slow filler holds back the reader instead of piling rows up.
/// Unchecked-Sendable: `value` is touched only on `queue`.
public final class ValueFilledInBackground<Value>: @unchecked Sendable {
    private var value: Value?
    private let queue = DispatchQueue(label: "reach.filled-in-background", qos: .userInitiated)
    private let room: DispatchSemaphore

    public init(_ value: Value, ahead: Int = 4) {
        self.value = value
        room = DispatchSemaphore(value: ahead)
    }

    /// Queues `step` after the ones before it; waits while `ahead` steps are already waiting.
    public func add(_ step: @escaping @Sendable (inout Value) -> Void) {
        room.wait()
        queue.async { [self] in
            step(&value!)
            room.signal()
        }
    }

    /// The value once every step added has run. Call it once: the value is handed over, not copied (a copy would make
    /// the next change of the caller's copy duplicate all of it).
    public func finish() -> Value {
        queue.sync {
            defer { value = nil }
            return value!
        }
    }
}
