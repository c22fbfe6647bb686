import Foundation
import ReachCore

/// Builds large demo sets on every core: each index is computed once, independently, so the result does not depend on scheduling.
enum DemoParallel {
    /// `body(0..<count)` in parallel chunks, results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Slots<T>(count: count)
        let chunkSize = 256
        DispatchQueue.concurrentPerform(iterations: (count + chunkSize - 1) / chunkSize) { chunk in
            for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) { results.set(index, body(index)) }
        }
        return results.values
    }

    /// Fixed slots written from several threads; safe because every index is written by exactly one iteration
    /// and read only after `concurrentPerform` has returned. A raw buffer, because an Array written from several
    /// threads can look shared and be copied mid-write.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            _ = storage.deinitialize()
            storage.deallocate()
        }

        func set(_ index: Int, _ value: T) { storage[index] = value }
        var values: [T] { storage.compactMap { $0 } }
    }
}
