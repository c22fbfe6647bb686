import Dispatch
import Testing
@testable import ReachCore

/// `SharedValues` hands each distinct value one number, from any thread, and gives the value back for it without
/// a lock, across the chunks its slots live in.
@Suite struct SharedValuesTests {
    @Test func eachValueHasOneNumberFromEveryThread() {
        let table = SharedValues<String>()
        // 10,000 distinct values (three chunks of slots), each asked for by four threads at once, in other orders.
        let values = (0..<10_000).map { "owner \($0) · ნინო" }
        let threads = 4
        let numbers = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: threads * values.count)
        defer { numbers.deallocate() }
        nonisolated(unsafe) let slots = numbers
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for step in values.indices {
                // Multipliers prime to 10,000, so each thread visits every value once.
                let index = (step * [1, 3, 7, 9][thread] + thread * 977) % values.count
                slots[thread * values.count + index] = table.number(values[index])
            }
        }
        for index in values.indices {
            let number = numbers[index]
            #expect(number != 0 && (1..<threads).allSatisfy { numbers[$0 * values.count + index] == number })
            #expect(table.value(number) == values[index])
        }
        #expect(Set(numbers[0..<values.count]).count == values.count)
        #expect(table.number(nil) == 0 && table.value(0) == nil)
    }
}
