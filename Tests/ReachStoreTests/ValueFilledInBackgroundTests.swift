import Foundation
import Testing
@testable import ReachStore

/// Steps added to a `ValueFilledInBackground` run in the order they were added, each once, and the value comes back
/// whole, not shared with a copy left behind.
@Suite struct ValueFilledInBackgroundTests {
    @Test func stepsRunInTheOrderTheyWereAdded() {
        let filled = ValueFilledInBackground([Int](), ahead: 2)
        for batch in 0..<500 {
            let numbers = Array(batch * 10..<(batch + 1) * 10)
            filled.add { value in value.append(contentsOf: numbers) }
        }
        #expect(filled.finish() == Array(0..<5_000))
    }

    @Test func theValueIsHandedOverNotCopied() {
        let filled = ValueFilledInBackground(Holder(box: Box()))
        filled.add { $0.box.count += 1 }
        var value = filled.finish()
        #expect(value.box.count == 1)
        // Nothing else holds it: a copy kept inside would make the caller's next change copy everything.
        #expect(isKnownUniquelyReferenced(&value.box))
    }
}

private final class Box: @unchecked Sendable {
    var count = 0
}

private struct Holder {
    var box: Box
}
