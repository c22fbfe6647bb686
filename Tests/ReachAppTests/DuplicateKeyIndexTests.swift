import Foundation
import ReachCore
import Testing
@testable import ReachApp

/// The duplicate-key index against a plain dictionary of keys to creators: every creator with a key is a candidate
/// for it, whether the key was merged into the sorted part or is among the recent additions, and added again it is
/// still named once; and the same for a start's filling, before and after its one sort.
@Suite struct DuplicateKeyIndexTests {
    @Test(arguments: [10, 1_500, 12_000], [false, true])
    func everyCreatorWithAKeyIsACandidate(creators: Int, filling: Bool) {
        var index = DuplicateKeyIndex(filling: filling)
        var expected: [String: Set<RecordID>] = [:]
        var random = SeededRandom(seed: UInt64(creators))
        let ids = (0..<creators).map { _ in RecordID.generate(at: Date(timeIntervalSince1970: 1_780_304_400), using: &random) }
        for (n, id) in ids.enumerated() {
            // Handles shared now and then, and one email shared by many.
            var keys = ["h:instagram:creator\(n % (creators / 2 + 1))"]
            if n % 7 == 0 { keys.append("e:shared@example.com") }
            index.add(id, keys: keys)
            for key in keys { expected[key, default: []].insert(id) }
        }
        if filling {
            for (key, holders) in expected { #expect(index.candidates(for: [key]) == holders, "while filling: \(key)") }
            index.endFilling()
        }
        for id in ids.prefix(50) { index.add(id, keys: ["h:instagram:creator0"]) } // again, and some of them anew
        for id in ids.prefix(50) { expected["h:instagram:creator0", default: []].insert(id) }
        for (key, holders) in expected {
            #expect(index.candidates(for: [key]) == holders, "\(key)")
        }
        #expect(index.candidates(for: ["h:instagram:nobody"]).isEmpty)
        let both = index.candidates(for: ["h:instagram:creator1", "e:shared@example.com"])
        #expect(both == expected["h:instagram:creator1"]!.union(expected["e:shared@example.com"] ?? []))
    }
}
