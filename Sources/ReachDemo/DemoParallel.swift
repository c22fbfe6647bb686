import Foundation
import ReachCore

/// Builds large demo sets on every core: each index is computed once, independently, so the result does not depend on scheduling.
enum DemoParallel {
    /// `body(0..<count)` in parallel chunks, results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = ParallelSlots<T>(count: count)
        let chunkSize = 256
        DispatchQueue.concurrentPerform(iterations: (count + chunkSize - 1) / chunkSize) { chunk in
            for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) { results.set(index, body(index)) }
        }
        return results.elements.compactMap { $0 }
    }
}
