import Foundation
import ReachDemo
import Testing
@testable import ReachCore

/// The search index's speed-ups (narrowing while typing, name ranks kept per edit, byte masks) must never change
/// what a search returns: every result here is compared with a fresh, unnarrowed search or a freshly built index.
@Suite struct SearchIndexTests {
    static let roster = DemoData.make(now: Date(timeIntervalSince1970: 1_741_944_600), seed: 42, scale: 1_500).influencers

    static func typedPrefixes(count: Int, seed: UInt64) -> [[String]] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in
            let creator = roster[Int(rng.next() % UInt64(roster.count))]
            let name = rng.next() % 2 == 0 ? creator.displayName : (creator.realName ?? creator.displayName)
            return (1...min(10, name.count)).map { String(name.prefix($0)) }
        }
    }

    @Test func narrowingWhileTypingGivesTheSameResultsAsAFreshSearch() {
        let index = SearchIndex(Self.roster)
        for prefixes in Self.typedPrefixes(count: 40, seed: 1) + [["m", "ma", "ma ", "ma r", "ma ri"], ["ʼ", "ნ", "ნი", "ნინ"]] {
            var previous: SearchResults?
            for query in prefixes {
                let narrowed = index.search(query, refining: previous)
                let fresh = index.search(query, refining: nil)
                #expect(narrowed.hits == fresh.hits, "query \(query.debugDescription)")
                previous = narrowed
            }
        }
    }

    @Test func aShorterOrDifferentQueryIsNotNarrowed() {
        let index = SearchIndex(Self.roster)
        let long = index.search("mari", refining: nil)
        #expect(index.search("mar", refining: long).hits == index.search("mar", refining: nil).hits)
        #expect(index.search("lotte", refining: long).hits == index.search("lotte", refining: nil).hits)
        #expect(index.search("ari", refining: long).hits == index.search("ari", refining: nil).hits)
    }

    @Test func anEditBetweenKeystrokesIsNotMissed() throws {
        var index = SearchIndex(Self.roster)
        let before = index.search("zq", refining: nil)
        let matching = Set(index.search("zqx").map(\.id))
        var creator = try #require(Self.roster.first { !matching.contains($0.id) })
        creator.displayName = "Zqxavier Test"
        index.update(creator)
        let after = index.search("zqx", refining: before)
        #expect(after.hits.contains { $0.id == creator.id })
        #expect(after.hits == index.search("zqx", refining: nil).hits)
    }

    /// An edit that leaves a creator's keys as they were (an archive, a stage) keeps the results made before it: the
    /// next keystroke narrows them rather than scanning every creator again. One that changes keys does not.
    @Test func anEditThatKeepsTheKeysKeepsTheResultsNarrowable() throws {
        var index = SearchIndex(Self.roster)
        let before = index.search("ma", refining: nil)
        var creator = try #require(Self.roster.first)
        creator.archived.toggle()
        index.update(creator)
        #expect(before.generation == index.search("ma", refining: nil).generation)
        #expect(index.search("mar", refining: before).hits == index.search("mar", refining: nil).hits)
        creator.displayName = "Mariza Keychange"
        index.update(creator)
        #expect(before.generation != index.search("ma", refining: nil).generation)
    }

    @Test func resultsOfOneIndexAreNeverNarrowedInAnother() {
        let small = SearchIndex(Array(Self.roster.prefix(50)))
        let large = SearchIndex(Self.roster)
        let previous = small.search("m", refining: nil)
        #expect(large.search("ma", refining: previous).hits == large.search("ma", refining: nil).hits)
    }

    /// A start fills the index in no order as it reads the creators, and orders it after its first frame; edits
    /// may come in between (another session's change).
    @Test func anIndexFilledInNoOrderAndOrderedLaterIsTheSameAsAFreshOne() throws {
        let roster = Self.roster
        var index = SearchIndex(unorderedCapacity: roster.count)
        for creator in roster { index.appendUnordered(creator.id, keys: CreatorSearchKeys(creator)) }
        // A repeated id (a damaged folder): the later keys win.
        var renamed = roster[3]
        renamed.displayName = "Zqxavier Later"
        index.appendUnordered(renamed.id, keys: CreatorSearchKeys(renamed))
        index.remove(roster[10].id)
        index.remove(roster[roster.count - 1].id)
        var edited = roster[20]
        edited.displayName = "Aaron Unordered"
        index.update(edited)
        #expect(!index.isOrdered)
        index.orderByName()
        #expect(index.isOrdered)
        var expected = roster
        expected[3] = renamed
        expected[20] = edited
        expected.removeAll { [roster[10].id, roster[roster.count - 1].id].contains($0.id) }
        let fresh = SearchIndex(expected)
        #expect(index.count == fresh.count)
        for query in ["a", "ma", "zqx", "aaron unord", "ნ", "lotte"] {
            #expect(index.search(query, refining: nil).hits == fresh.search(query, refining: nil).hits, "query \(query)")
        }
    }

    @Test func editsKeepTheSameOrderAsAFreshIndex() {
        var roster = Dictionary(uniqueKeysWithValues: Self.roster.prefix(400).map { ($0.id, $0) })
        var index = SearchIndex(Array(roster.values))
        var rng = SeededRNG(seed: 9)
        let names = ["Anna", "anna", "Ābele", "Zoë", "Nino ნინო", "さくら", "Marta", "Marta", "mArTa K", "🙂 Emoji"]
        for step in 0..<300 {
            let ids = roster.keys.sorted()
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            switch rng.next() % 4 {
            case 0:
                index.remove(id)
                roster[id] = nil
            case 3: // the secondary keys alone change, or nothing does: the entry keeps its place
                var creator = roster[id]!
                creator.notes = ["quokka", "wombat", nil][Int(rng.next() % 3)]
                roster[id] = creator
                index.update(creator)
            case 1:
                var creator = roster[id]!
                creator.displayName = names[Int(rng.next() % UInt64(names.count))]
                roster[id] = creator
                index.update(creator)
            default:
                var creator = roster[id]!
                creator.id = RecordID(rawValue: String(format: "NEW%023d", step))
                creator.displayName = names[Int(rng.next() % UInt64(names.count))]
                roster[creator.id] = creator
                index.update(creator)
            }
        }
        let fresh = SearchIndex(Array(roster.values))
        #expect(index.count == roster.count)
        for query in ["a", "an", "marta", "ნ", "さ", "e", "zo", "🙂", "x", "quokka", "wombat"] {
            #expect(index.search(query) == fresh.search(query), "query \(query)")
        }
    }

    @Test func aBatchOfChangesGivesTheSameResultsAsAFreshIndex() {
        // Another session's import: 1,000 new creators and 100 renamed ones arrive in one batch (sorted at once).
        var index = SearchIndex(Array(Self.roster.prefix(500)))
        var renamed = Array(Self.roster.prefix(100))
        for i in renamed.indices { renamed[i].displayName = ["Anna", "Zoë", "さくら", "Nino ნინო"][i % 4] + " \(i)" }
        let batch = Array(Self.roster[500..<1_500]) + renamed
        index.update(batch)
        let fresh = SearchIndex(renamed + Array(Self.roster[100..<1_500]))
        #expect(index.count == 1_500 && fresh.count == 1_500)
        for query in ["a", "an", "anna 1", "zo", "さ", "ნ", "e", "x", ""] {
            #expect(index.search(query) == fresh.search(query), "query \(query)")
        }
        // A small batch takes the one-by-one path: same results too.
        var small = SearchIndex(Array(Self.roster.prefix(500)))
        small.update(Array(Self.roster[500..<510]))
        #expect(small.search("a") == SearchIndex(Array(Self.roster.prefix(510))).search("a"))
    }

    /// An index big enough to be scanned on every core in parts gives what the one-part scan gives: sixteen copies of
    /// the roster (24,000 creators) hit in the same order as the roster alone, each hit sixteen times over, copies
    /// of one creator side by side (same score and name, then by id); narrowing while typing as a fresh search.
    @Test func aScanInPartsGivesTheOnePartResults() {
        var random = SeededRNG(seed: 4)
        var original: [RecordID: RecordID] = [:]
        var copies: [Influencer] = []
        for _ in 0..<16 {
            for creator in Self.roster {
                var copy = creator
                copy.id = RecordID.generate(at: Date(timeIntervalSince1970: 1_741_944_600), using: &random)
                original[copy.id] = creator.id
                copies.append(copy)
            }
        }
        let small = SearchIndex(Self.roster), big = SearchIndex(copies)
        for prefixes in Self.typedPrefixes(count: 6, seed: 2) + [["a", "an", "ana", "ana m"]] {
            var previous: SearchResults?
            for query in prefixes {
                let expected = small.search(query).flatMap { Array(repeating: $0, count: 16) }
                let narrowed = big.search(query, refining: previous)
                let found = narrowed.hits.map { SearchHit(id: original[$0.id]!, score: $0.score) }
                let same = found == expected, sameAsFresh = narrowed.hits == big.search(query, refining: nil).hits
                #expect(same, "query \(query.debugDescription): \(found.count) hits, \(expected.count) expected")
                #expect(sameAsFresh, "query \(query.debugDescription)")
                previous = narrowed
            }
        }
    }

    @Test func hitsAreOrderedByScoreThenName() {
        let index = SearchIndex(Self.roster)
        let byID = Dictionary(uniqueKeysWithValues: Self.roster.map { ($0.id, $0) })
        let hits = index.search("a")
        #expect(hits.count > 100)
        for (a, b) in zip(hits, hits.dropFirst()) {
            #expect(a.score >= b.score)
            if a.score == b.score, let first = byID[a.id], let second = byID[b.id] {
                let keyA = CreatorSearchKeys(first).primary, keyB = CreatorSearchKeys(second).primary
                #expect(keyA.lexicographicallyPrecedes(keyB) || (keyA == keyB && a.id < b.id))
            }
        }
    }
}
