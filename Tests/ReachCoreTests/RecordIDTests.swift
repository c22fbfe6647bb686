import Foundation
import Testing
@testable import ReachCore

/// `RecordID` is held as a 128-bit number but must behave exactly as the 26-character string it was.
@Suite struct RecordIDTests {
    static let odd = ["", "x", "deal-1", "01hzzzzzzzzzzzzzzzzzzzzzzz", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ",
                      "7ZZZY00000000000000000000A", "01HZ7Q9C3K8M2N4P6R0T1V5W7", "01HZ7Q9C3K8M2N4P6R0T1V5W7XY", "01HZ7Q9C3K8M2N4P6R0T1V5WIL",
                      "Ünïcödé-ид", "0000000000000000000000000 "]

    static func ids() -> [String] {
        var random = SeededRNG(seed: 9)
        let generated = (0..<2_000).map { _ in
            RecordID.generate(at: Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &random)), using: &random).rawValue
        }
        return generated + odd + ["00000000000000000000000000", "7ZZZXZZZZZZZZZZZZZZZZZZZZZ", "0123456789ABCDEFGHJKMNPQRS"]
    }

    @Test func itIsSixteenBytesInline() {
        #expect(MemoryLayout<RecordID>.size == 16)
    }

    @Test func everyStringComesBackAsItWas() throws {
        for text in Self.ids() {
            let id = RecordID(rawValue: text)
            #expect(id.rawValue == text)
            #expect(id.description == text)
            let json = try JSONEncoder().encode([id])
            #expect(String(decoding: json, as: UTF8.self) == "[\"\(text.replacingOccurrences(of: "/", with: "\\/"))\"]")
            #expect(try JSONDecoder().decode([RecordID].self, from: json) == [id])
        }
    }

    @Test func orderAndEqualityAreTheStrings() {
        let texts = Self.ids().shuffled()
        let sorted = texts.map { RecordID(rawValue: $0) }.sorted().map(\.rawValue)
        #expect(sorted == texts.sorted())
        for (a, b) in zip(texts, texts.dropFirst()) {
            #expect((RecordID(rawValue: a) == RecordID(rawValue: b)) == (a == b))
            #expect(Set([RecordID(rawValue: a), RecordID(rawValue: a), RecordID(rawValue: b)]).count == (a == b ? 1 : 2))
        }
    }

    /// The tables' hash spreads ids that differ only in their time (one half) or only in their random part (the other)
    /// over a table's low bits about as a random function would (1 − 1/e of the buckets), and follows the seed.
    @Test func tableHashSpreadsEitherHalfOverTheLowBits() {
        let buckets = 1 << 16
        let start = Date(timeIntervalSince1970: 1_780_304_400)
        var random = SeededRNG(seed: 3)
        let base = RecordID.generate(at: start, using: &random).rawValue
        let byTime = (0..<buckets).map { RecordID.generate(at: start + Double($0) / 1_000, using: &random) }
        // The same time and the same random part but for the last five characters (25 bits).
        let byRandom = (0..<buckets).map { n in
            RecordID(rawValue: String(base.prefix(21)) + String((0..<5).map { Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")[(n >> (5 * $0)) & 31] }))
        }
        for ids in [byTime, byRandom] {
            #expect(Set(ids).count == buckets)
            for seed in [0, 0x5EED_1234] {
                let used = Set(ids.map { $0._rawHashValue(seed: seed) & (buckets - 1) }).count
                #expect(used > buckets * 60 / 100, "\(used) of \(buckets) buckets")
            }
            #expect(ids.prefix(100).map { $0._rawHashValue(seed: 1) } != ids.prefix(100).map { $0._rawHashValue(seed: 2) })
        }
    }

    /// Read from bytes (a file name's), a canonical ULID is the id its string is; anything else is not read.
    @Test func canonicalBytesAreTheStringsId() {
        for text in Self.ids() {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { RecordID(canonicalBytes: $0) }
            let isCanonical = text.utf8.count == 26 && RecordID(rawValue: text).isWellFormed && text < "8" && !text.hasPrefix("7ZZZ") // the rest are interned
            #expect(fromBytes == (isCanonical ? RecordID(rawValue: text) : nil), "\(text)")
            #expect(fromBytes?.rawValue == (isCanonical ? text : nil), "\(text)")
            let fromUTF8 = Array(text.utf8).withUnsafeBufferPointer { RecordID(utf8: $0) }
            #expect(fromUTF8 == RecordID(rawValue: text) && fromUTF8.rawValue == text, "any text's bytes: \(text)")
        }
    }

    @Test func wellFormedMeansTwentySixCharactersOfTheAlphabet() {
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for text in Self.ids() {
            #expect(RecordID(rawValue: text).isWellFormed == (text.count == 26 && text.allSatisfy(alphabet.contains)), "\(text)")
        }
    }
}
