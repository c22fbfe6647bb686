import Foundation

/// A value behind an `NSLock`, so the `Sendable` store can keep a little mutable state.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Fixed slots filled in parallel, each index written by exactly one iteration of `concurrentPerform`.
///
/// A raw buffer, not an Array: writing through `Array.withUnsafeMutableBufferPointer` from several threads
/// can see the array as shared and copy it mid-write (it crashed debug builds under load).
final class ParallelSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        _ = storage.deinitialize()
        storage.deallocate()
    }

    /// Safe only because every index is written by one thread and read after all writers finished.
    func set(_ index: Int, _ element: Element) { storage[index] = element }

    var elements: [Element?] { Array(storage) }
}
