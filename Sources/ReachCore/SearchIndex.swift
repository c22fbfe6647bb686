import Foundation
import OrderedCollections

/// A search's matches, best first, and what the next, longer query needs to search only among them.
///
/// Matches are positions into the index's id table (`ids`, shared, not copied): at 100k matches, building and
/// later freeing a fresh array of ids (each a reference-counted string) cost more than the search.
public struct SearchResults: Sendable {
    /// The index's record ids at the time of the search.
    public let ids: [RecordID]
    /// Positions in `ids`, best match first.
    public let ranked: [Int]
    /// The score of each of `ranked`.
    let scores: [Int]
    let terms: [[UInt8]]
    /// Entry positions that matched, in index order.
    let matched: [Int]
    let generation: Int

    /// The matches as ids and scores (for short lists: this copies every id).
    public var hits: [SearchHit] { zip(ranked, scores).map { SearchHit(id: ids[$0], score: $1) } }

    /// Whether every match of `newer` must be among these: the same terms, the last one possibly extended, and
    /// possibly more terms after it (terms are ANDed, and a longer term matches a subset of what its prefix matches).
    func isNarrowed(by newer: [[UInt8]]) -> Bool {
        guard let last = terms.indices.last, newer.count >= terms.count else { return false }
        return terms[..<last].elementsEqual(newer[..<last]) && newer[last].starts(with: terms[last])
    }
}

/// Which bytes occur in a key, as 64 bits (a–z, 0–9 and groups of the other bytes): a term whose bits are not
/// all in a key's mask cannot match it, so most keys are rejected without reading them.
enum ByteMask {
    /// A table look-up per byte (the table fetched once per key): a start masks 100,000 creators' keys.
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bits.withUnsafeBufferPointer { bits in bytes.reduce(0) { $0 | bits[Int($1)] } }
    }

    private static let bits: [UInt64] = (0...255).map { bit(UInt8($0)) }

    private static func bit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 97...122: return 1 << UInt64(byte - 97)          // a–z: bits 0–25
        case 48...57: return 1 << UInt64(byte - 48 + 26)      // 0–9: bits 26–35
        case 0..<128: return 1 << UInt64(36 + byte % 12)      // other ASCII: bits 36–47
        default: return 1 << UInt64(48 + byte % 16)           // bytes of other scripts: bits 48–63
        }
    }
}

/// One search result.
public struct SearchHit: Hashable, Sendable {
    public var id: RecordID
    public var score: Int
}

/// Precomputed folded search keys for the roster, built once and updated per record, so each keystroke is a scan of bytes.
///
/// All keys live back to back in one byte buffer: a keystroke scans 100k entries, and following a separate
/// heap array per entry cost a cache miss each, which was most of the time. Each entry also knows its place in
/// name order (`rank`), kept up to date per edit, so ranking tens of thousands of hits is one radix sort on
/// (score, rank) with no name comparisons: a one-letter query at 100k took 55 ms to rank by comparing names.
public struct SearchIndex: Sendable {
    /// Plain values only (the id lives in `ids`), so reading an entry in the scan retains nothing.
    struct Entry: Sendable {
        /// Name and handles (weighted higher); also the tie-breaking sort key. A range of `bytes`.
        var primary: Range<Int>
        /// Tags, niches, city, country, real name, email, notes. A range of `bytes`.
        var secondary: Range<Int>
        /// Position in `nameOrder`.
        var rank: Int = 0
        /// `ByteMask` of the primary and the secondary key.
        var primaryMask: UInt64 = 0
        var secondaryMask: UInt64 = 0
    }

    private var entries: [Entry] = []
    /// The record of each entry (same positions as `entries`), and each id's position: a compact table of ids.
    private var ids: OrderedSet<RecordID> = []
    /// Entry positions ordered by primary key bytes, then id.
    private var nameOrder: [Int] = []
    private var bytes: [UInt8] = []
    /// Bytes of `bytes` no entry refers to any more (replaced or removed); compacted when they outweigh the rest.
    private var garbage = 0
    /// False while keys are added in no order (`appendUnordered`) and `nameOrder` is not made yet.
    public private(set) var isOrdered = true
    /// Bumped by every change, so results computed before it are not refined after it (entries move on removal).
    /// Starts at random, so results of one index are never taken as a narrowing of another one's.
    private var generation = Int.random(in: Int.min...Int.max)

    public init() {}

    public init(_ influencers: [Influencer]) {
        self.init(keys: influencers.map { ($0.id, CreatorSearchKeys($0)) })
    }

    /// An index of keys made beforehand (by the folder index, or on another thread).
    public init(keys: some Collection<(RecordID, CreatorSearchKeys)>) {
        entries.reserveCapacity(keys.count)
        ids.reserveCapacity(keys.count)
        // Exactly: grown by appending, the buffer ended up to twice the keys' size (6 MB more at 100k creators).
        bytes.reserveCapacity(keys.reduce(0) { $0 + $1.1.primary.count + $1.1.secondary.count })
        updateAndSort(keys)
    }

    /// An empty index to be filled by `appendUnordered` as the creators are read, and ordered by `orderByName()`
    /// later: a start then holds its creators' keys in this one buffer from the first (a table of 100,000 pairs of
    /// arrays kept until the index was made from them was 35 MB, and both at once made the app's peak), and leaves
    /// the sort of 100,000 names for after its first frame. `count`: how many creators are coming.
    public init(unorderedCapacity count: Int) {
        entries.reserveCapacity(count)
        ids.reserveCapacity(count)
        isOrdered = false
    }

    /// Adds a creator's keys (replacing an earlier entry of the same id) to an index not yet ordered. After the
    /// first thousand, room for the rest is reserved at their average size (growing by doubling, the buffer ended
    /// up to twice the keys' size).
    public mutating func appendUnordered(_ id: RecordID, keys: CreatorSearchKeys) {
        precondition(!isOrdered, "appendUnordered on an ordered index")
        if let i = ids.firstIndex(of: id) { replaceKeys(of: i, with: keys) } else { append(id, keys) }
        if entries.count == 1_000, entries.capacity > 2_000 {
            bytes.reserveCapacity(bytes.count / 1_000 * entries.capacity * 21 / 20)
        }
    }

    /// Makes the name order of an index filled by `appendUnordered`; nothing when it is ordered.
    public mutating func orderByName() {
        guard !isOrdered else { return }
        isOrdered = true
        sortNameOrder()
    }

    public var count: Int { entries.count }

    /// Where `id` is in the ids table results refer to (`SearchResults.ids`), nil when it is not indexed.
    public func position(of id: RecordID) -> Int? { ids.firstIndex(of: id) }

    /// The creators whose keys hold `folded` (already folded) as a run of bytes: a plain scan, no ranking.
    public func ids(whoseKeysContain folded: [UInt8]) -> [RecordID] {
        entries.indices.filter { i in
            Self.bytes(bytes[entries[i].primary], contain: folded) || Self.bytes(bytes[entries[i].secondary], contain: folded)
        }.map { ids[$0] }
    }

    /// Whether `haystack` holds `needle` as a run of bytes.
    static func bytes(_ haystack: ArraySlice<UInt8>, contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { wanted in
                guard let hayBase = hay.baseAddress, let wantedBase = wanted.baseAddress else { return false }
                let first = wanted[0], last = hay.count - wanted.count
                var at = 0
                while at <= last {
                    if hay[at] == first, memcmp(hayBase + at, wantedBase, wanted.count) == 0 { return true }
                    at += 1
                }
                return false
            }
        }
    }

    /// Adds or replaces the entry for `influencer`.
    public mutating func update(_ influencer: Influencer) { update(influencer.id, keys: CreatorSearchKeys(influencer)) }

    /// Adds or replaces the entry for the creator `id`.
    public mutating func update(_ id: RecordID, keys: CreatorSearchKeys) {
        guard isOrdered else { return appendUnordered(id, keys: keys) }
        let existing = ids.firstIndex(of: id)
        // Most edits (an archive, a note, a stage) leave a creator's keys, or at least their place, as they were:
        // moving the entry out of the name order and back shifted 100,000 places twice (a bulk archive of 1,000
        // creators spent a third of its frame in `memmove`). Unchanged keys leave results made before still true, so
        // the next keystroke's search may narrow them (a new generation made it scan every creator again).
        if let existing, hasKeys(existing, equalTo: keys) { return }
        generation &+= 1
        if let i = existing {
            let old = nameOrderPosition(of: i)
            replaceKeys(of: i, with: keys)
            if isInPlace(i, at: old) { return compactIfWasteful() }
            nameOrder.remove(at: old)
            let new = insertionPoint(of: i)
            nameOrder.insert(i, at: new)
            renumber(from: Swift.min(old, new), to: Swift.max(old, new) + 1)
            compactIfWasteful()
        } else {
            append(id, keys)
            let i = entries.count - 1
            let new = insertionPoint(of: i)
            nameOrder.insert(i, at: new)
            renumber(from: new, to: nameOrder.count)
        }
    }

    /// Adds or replaces the entries for many influencers (another session's import). Past a few hundred, one sort
    /// of the whole name order is cheaper than placing each: every placement renumbers the entries after it, and
    /// 98,000 creators placed one by one took 1.4 s.
    public mutating func update(_ influencers: some Collection<Influencer>) {
        update(keys: influencers.map { ($0.id, CreatorSearchKeys($0)) })
    }

    /// `update(_:)` for keys made beforehand.
    public mutating func update(keys: some Collection<(RecordID, CreatorSearchKeys)>) {
        guard isOrdered else {
            for (id, creatorKeys) in keys { appendUnordered(id, keys: creatorKeys) }
            return
        }
        guard keys.count > 256 else {
            for (id, creatorKeys) in keys { update(id, keys: creatorKeys) }
            return
        }
        generation &+= 1
        updateAndSort(keys)
        compactIfWasteful()
    }

    private mutating func updateAndSort(_ keys: some Sequence<(RecordID, CreatorSearchKeys)>) {
        for (id, creatorKeys) in keys {
            if let i = ids.firstIndex(of: id) { replaceKeys(of: i, with: creatorKeys) } else { append(id, creatorKeys) }
        }
        sortNameOrder()
    }

    /// Sorts every entry into `nameOrder` and sets their ranks.
    private mutating func sortNameOrder() {
        nameOrder = bytes.withUnsafeBufferPointer { all in entries.indices.sorted { nameLess($0, $1, all) } }
        renumber(from: 0, to: nameOrder.count)
    }

    /// Removes the entry for `id`.
    public mutating func remove(_ id: RecordID) {
        guard let i = ids.firstIndex(of: id) else { return }
        generation &+= 1
        // Not ordered yet: there is no name order to take it out of.
        let gone = isOrdered ? nameOrderPosition(of: i) : nil
        if let gone { nameOrder.remove(at: gone) }
        garbage += entries[i].primary.count + entries[i].secondary.count
        let lastIndex = entries.count - 1
        if i != lastIndex {
            // The last entry moves into the hole; its place in name order now holds position i.
            if let gone { nameOrder[entries[lastIndex].rank > gone ? entries[lastIndex].rank - 1 : entries[lastIndex].rank] = i }
            entries[i] = entries[lastIndex]
            ids.swapAt(i, lastIndex)
        }
        entries.removeLast()
        ids.removeLast()
        if let gone { renumber(from: gone, to: nameOrder.count) }
        compactIfWasteful()
    }

    private mutating func append(_ id: RecordID, _ keys: CreatorSearchKeys) {
        entries.append(Entry(primary: 0..<0, secondary: 0..<0))
        ids.append(id)
        replaceKeys(of: entries.count - 1, with: keys)
    }

    /// Writes a creator's keys at the end of `bytes` and points entry `i` at them (its old keys become garbage).
    private mutating func replaceKeys(of i: Int, with keys: CreatorSearchKeys) {
        garbage += entries[i].primary.count + entries[i].secondary.count
        entries[i].primary = bytes.count..<(bytes.count + keys.primary.count)
        bytes.append(contentsOf: keys.primary)
        entries[i].secondary = bytes.count..<(bytes.count + keys.secondary.count)
        bytes.append(contentsOf: keys.secondary)
        entries[i].primaryMask = ByteMask.of(keys.primary)
        entries[i].secondaryMask = ByteMask.of(keys.secondary)
    }

    /// Whether entry `i` already has exactly these keys.
    private func hasKeys(_ i: Int, equalTo keys: CreatorSearchKeys) -> Bool {
        bytes[entries[i].primary].elementsEqual(keys.primary) && bytes[entries[i].secondary].elementsEqual(keys.secondary)
    }

    /// Whether entry `i`, at `position` in the name order, still sorts between its neighbours there.
    private func isInPlace(_ i: Int, at position: Int) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            (position == 0 || nameLess(nameOrder[position - 1], i, all))
                && (position == nameOrder.count - 1 || nameLess(i, nameOrder[position + 1], all))
        }
    }

    /// Name order: primary key bytes (memcmp, then length), then id.
    private func nameLess(_ a: Int, _ b: Int, _ all: UnsafeBufferPointer<UInt8>) -> Bool {
        let rangeA = entries[a].primary, rangeB = entries[b].primary
        if let base = all.baseAddress {
            let order = memcmp(base + rangeA.lowerBound, base + rangeB.lowerBound, Swift.min(rangeA.count, rangeB.count))
            if order != 0 { return order < 0 }
        }
        return rangeA.count != rangeB.count ? rangeA.count < rangeB.count : ids[a] < ids[b]
    }

    /// Where entry `i` belongs in `nameOrder` (which must not contain it).
    private func insertionPoint(of i: Int) -> Int {
        bytes.withUnsafeBufferPointer { all in
            var low = 0, high = nameOrder.count
            while low < high {
                let mid = (low + high) / 2
                if nameLess(nameOrder[mid], i, all) { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    /// Where entry `i` is in `nameOrder`: its rank, which every change keeps current.
    private func nameOrderPosition(of i: Int) -> Int { entries[i].rank }

    /// Sets the rank of the entries at `nameOrder[from..<to]` (those whose position changed).
    private mutating func renumber(from: Int, to: Int) {
        for position in from..<Swift.min(to, nameOrder.count) { entries[nameOrder[position]].rank = position }
    }

    /// Copies the live keys into a fresh buffer once more than half of it is garbage (amortised O(1) per edit).
    private mutating func compactIfWasteful() {
        guard garbage > 4_096, garbage * 2 > bytes.count else { return }
        var fresh: [UInt8] = []
        fresh.reserveCapacity(bytes.count - garbage)
        for i in entries.indices {
            let primary = fresh.count..<(fresh.count + entries[i].primary.count)
            fresh.append(contentsOf: bytes[entries[i].primary])
            let secondary = fresh.count..<(fresh.count + entries[i].secondary.count)
            fresh.append(contentsOf: bytes[entries[i].secondary])
            entries[i].primary = primary
            entries[i].secondary = secondary
        }
        bytes = fresh
        garbage = 0
    }

    /// Matches of `query`, best first (ties by folded name, compared as UTF-8 bytes); an empty query returns nothing
    /// (show the unfiltered list instead).
    public func search(_ query: String, limit: Int = .max) -> [SearchHit] {
        let results = search(query, refining: nil)
        return zip(results.ranked.prefix(limit), results.scores).map { SearchHit(id: ids[$0], score: $1) }
    }

    /// Matches of `query`, best first. When `previous` is the search just before on this same index and `query`
    /// only grew (typing), only its matches are scanned: a longer query can match nothing the shorter one did not.
    public func search(_ query: String, refining previous: SearchResults?) -> SearchResults {
        precondition(isOrdered, "search before orderByName()")
        let terms = FuzzyMatcher.terms(query)
        guard !terms.isEmpty else {
            return SearchResults(ids: ids.elements, ranked: [], scores: [], terms: [], matched: [], generation: generation)
        }
        let candidates = previous.flatMap { $0.generation == generation && $0.isNarrowed(by: terms) ? $0.matched : nil }
        // Per term: its bytes' range in one buffer, its byte mask, and the best score it can reach in the secondary
        // key (a primary score, doubled, at least this high makes scoring the secondary key pointless). All in
        // contiguous buffers, so the loop below touches no reference-counted value per entry.
        let termBytes = terms.flatMap { $0 }
        var termInfo: [TermInfo] = []
        for term in terms {
            let start = termInfo.last?.range.upperBound ?? 0
            termInfo.append(TermInfo(range: start..<(start + term.count), mask: ByteMask.of(term),
                                     ceiling: Swift.max(200 + 16 * term.count, 52 * term.count)))
        }
        let count = candidates?.count ?? entries.count
        // Short terms match most of 100,000 creators (a subsequence of a long note), and scoring and sorting them
        // took 10–20 ms of a keystroke on one core: past a few thousand entries, every core scores and sorts a share,
        // and the sorted shares are merged.
        let parts = count < 8_192 ? 1 : Swift.min(8, ProcessInfo.processInfo.activeProcessorCount)
        var keys: [UInt64] = []
        var matched: [Int] = []
        if parts == 1 {
            (keys, matched) = scan(0..<count, of: candidates, termBytes, termInfo)
        } else {
            let slots = ParallelSlots<(keys: [UInt64], matched: [Int])>(count: parts)
            DispatchQueue.concurrentPerform(iterations: parts) { [termInfo] part in
                slots.set(part, scan((count * part / parts)..<(count * (part + 1) / parts), of: candidates, termBytes, termInfo))
            }
            for case let part? in slots.takeElements() {
                keys = keys.isEmpty ? part.keys : Self.merged(keys, part.keys)
                matched += part.matched
            }
        }
        return SearchResults(ids: ids.elements, ranked: keys.map { nameOrder[Int(UInt32(truncatingIfNeeded: $0))] },
                             scores: keys.map { Int(UInt16.max) - Int($0 >> 32) }, terms: terms, matched: matched,
                             generation: generation)
    }

    /// The rank keys (sorted) and positions (in their order) of the entries that match every term, of `positions`
    /// (the entries at these places of `candidates`, or of all entries when there are none).
    private func scan(_ positions: Range<Int>, of candidates: [Int]?, _ termBytes: [UInt8], _ termInfo: [TermInfo])
        -> (keys: [UInt64], matched: [Int]) {
        var keys: [UInt64] = []
        var matched: [Int] = []
        bytes.withUnsafeBufferPointer { all in
            termBytes.withUnsafeBufferPointer { allTerms in
                termInfo.withUnsafeBufferPointer { termInfo in
                    entries.withUnsafeBufferPointer { entries in
                        func consider(_ index: Int) {
                            var total = 0
                            for info in termInfo {
                                // A key lacking any byte of the term cannot match it: one AND instead of a scan.
                                let term = UnsafeBufferPointer(rebasing: allTerms[info.range])
                                var best: Int?
                                if entries[index].primaryMask & info.mask == info.mask,
                                   let score = FuzzyMatcher.score(term: term, in: UnsafeBufferPointer(rebasing: all[entries[index].primary])) {
                                    best = score * 2
                                }
                                if (best ?? .min) < info.ceiling, entries[index].secondaryMask & info.mask == info.mask,
                                   let score = FuzzyMatcher.score(term: term, in: UnsafeBufferPointer(rebasing: all[entries[index].secondary])) {
                                    best = Swift.max(best ?? .min, score)
                                }
                                guard let best else { return }
                                total += best
                            }
                            keys.append(Self.rankKey(score: total, rank: entries[index].rank))
                            matched.append(index)
                        }
                        if let candidates {
                            for position in positions { consider(candidates[position]) }
                        } else {
                            for index in positions { consider(index) }
                        }
                    }
                }
            }
        }
        Self.radixSort(&keys)
        return (keys, matched)
    }

    /// Two ascending arrays of distinct keys as one.
    static func merged(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// One query term as the scan needs it.
    struct TermInfo {
        var range: Range<Int>
        var mask: UInt64
        var ceiling: Int
    }

    /// Score descending then name order, as one integer: 16 bits of inverted score above 32 bits of rank. Ranks
    /// are unique, so sorting these keys orders the matches completely, and the rank leads back to the entry.
    static func rankKey(score: Int, rank: Int) -> UInt64 {
        UInt64(UInt16.max - UInt16(clamping: score)) << 32 | UInt64(UInt32(truncatingIfNeeded: rank))
    }

    /// An LSD radix sort of the 48 low bits, a byte at a time, skipping bytes all keys share: short queries
    /// match tens of thousands of entries, which a comparison sort orders several times slower.
    static func radixSort(_ keys: inout [UInt64]) {
        guard keys.count > 1 else { return }
        var scratch = keys
        var counts = [Int](repeating: 0, count: 257)
        for shift in stride(from: UInt64(0), to: 48, by: 8) {
            for b in counts.indices { counts[b] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFF) + 1] += 1 }
            guard counts[1...].max() != keys.count else { continue } // every key has the same byte here
            for b in 1...256 { counts[b] += counts[b - 1] }
            for key in keys {
                let bucket = Int((key >> shift) & 0xFF)
                scratch[counts[bucket]] = key
                counts[bucket] += 1
            }
            swap(&keys, &scratch)
        }
    }
}
