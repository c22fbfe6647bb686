import Foundation

/// fzf-style matching on pre-folded UTF-8 bytes: subsequence for ASCII query terms, substring for other scripts.
///
/// Scoring per term: a contiguous substring scores highest (more at a word start, most at the start of the key);
/// otherwise a subsequence scores per matched byte with bonuses for word-boundary and consecutive matches and a
/// small penalty per gap. A term that does not match rejects the entry (terms are ANDed).
public enum FuzzyMatcher {
    static func isBoundary(_ key: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i == 0 { return true }
        let p = key[i - 1]
        return !(p >= 97 && p <= 122) && !(p >= 48 && p <= 57) && p < 0x80
    }

    /// Score of one folded term against one folded key; nil when it does not match.
    public static func score(term: [UInt8], in key: [UInt8]) -> Int? {
        // Runs for every roster entry on every keystroke: raw buffers avoid a bounds check per byte.
        term.withUnsafeBufferPointer { term in key.withUnsafeBufferPointer { key in score(term: term, in: key) } }
    }

    static func score(term: UnsafeBufferPointer<UInt8>, in key: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = term.count, m = key.count
        guard n > 0 else { return 0 }
        guard n <= m else { return nil }
        // Substring search (first and best boundary occurrence).
        var best: Int?
        let first = term[0]
        var i = 0
        let last = m - n
        while i <= last {
            if key[i] == first {
                var j = 1
                while j < n && key[i + j] == term[j] { j += 1 }
                if j == n {
                    var s = 100 + 16 * n
                    if isBoundary(key, i) { s += 60 }
                    if i == 0 { s += 40 }
                    if best.map({ s > $0 }) ?? true { best = s }
                    if i == 0 { break }
                }
            }
            i += 1
        }
        if let best { return best }
        // Subsequence only for ASCII terms: for other scripts bytes of different characters would mix.
        guard term.allSatisfy({ $0 < 0x80 }) else { return nil }
        var s = 0, ti = 0, prev = -2
        i = 0
        while i < m && ti < n {
            if key[i] == term[ti] {
                s += 16
                if isBoundary(key, i) { s += 24 }
                if prev == i - 1 { s += 12 } else if prev >= 0 { s -= min(10, i - prev) }
                prev = i
                ti += 1
            }
            i += 1
        }
        return ti == n ? max(1, s) : nil
    }

    /// Splits and folds a query into byte terms.
    public static func terms(_ query: String) -> [[UInt8]] {
        TextFolding.fold(query).split(whereSeparator: { $0.isWhitespace }).map { Array($0.utf8) }
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
/// heap array per entry cost a cache miss each, which was most of the time.
public struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var id: RecordID
        /// Name and handles (weighted higher); also the tie-breaking sort key. A range of `bytes`.
        var primary: Range<Int>
        /// Tags, niches, city, country, real name, email, notes. A range of `bytes`.
        var secondary: Range<Int>
        /// The first 8 bytes of the primary key, big-endian: settles most name ties with one integer comparison.
        var sortPrefix: UInt64
    }

    private var entries: [Entry] = []
    private var positions: [RecordID: Int] = [:]
    private var bytes: [UInt8] = []
    /// Bytes of `bytes` no entry refers to any more (replaced or removed); compacted when they outweigh the rest.
    private var garbage = 0

    public init() {}

    public init(_ influencers: [Influencer]) {
        entries.reserveCapacity(influencers.count)
        positions.reserveCapacity(influencers.count)
        for inf in influencers { update(inf) }
    }

    public var count: Int { entries.count }

    /// The folded keys of one influencer. Parts are folded one by one (folding never reaches across the
    /// separators), so ASCII parts take the fast path.
    static func keys(for inf: Influencer) -> (primary: [UInt8], secondary: [UInt8]) {
        let handles = inf.accounts.map { TextFolding.fold($0.handle) }.joined(separator: " ")
        let primary = TextFolding.fold(inf.displayName) + " " + handles
        let parts: [String] = [inf.realName ?? "", inf.tags.joined(separator: " "), inf.niches.map(\.rawValue).joined(separator: " "),
                               inf.city ?? "", inf.country ?? "", inf.contact.email ?? "", inf.agent?.name ?? "", inf.agent?.agency ?? "",
                               inf.notes ?? ""]
        let secondary = parts.filter { !$0.isEmpty }.map(TextFolding.fold).joined(separator: " | ")
        return (Array(primary.utf8), Array(secondary.utf8))
    }

    /// Adds or replaces the entry for `influencer`.
    public mutating func update(_ influencer: Influencer) {
        let keys = Self.keys(for: influencer)
        let primary = bytes.count..<(bytes.count + keys.primary.count)
        bytes.append(contentsOf: keys.primary)
        let secondary = bytes.count..<(bytes.count + keys.secondary.count)
        bytes.append(contentsOf: keys.secondary)
        let prefix = keys.primary.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (56 - 8 * UInt64($1.offset)) }
        let entry = Entry(id: influencer.id, primary: primary, secondary: secondary, sortPrefix: prefix)
        if let i = positions[influencer.id] {
            garbage += entries[i].primary.count + entries[i].secondary.count
            entries[i] = entry
            compactIfWasteful()
        } else {
            positions[influencer.id] = entries.count
            entries.append(entry)
        }
    }

    /// Removes the entry for `id`.
    public mutating func remove(_ id: RecordID) {
        guard let i = positions.removeValue(forKey: id) else { return }
        garbage += entries[i].primary.count + entries[i].secondary.count
        let lastIndex = entries.count - 1
        if i != lastIndex {
            entries[i] = entries[lastIndex]
            positions[entries[i].id] = i
        }
        entries.removeLast()
        compactIfWasteful()
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
    /// (show the unfiltered list instead). Restrict to `within` (e.g. the filtered roster) when given.
    public func search(_ query: String, limit: Int = .max, within: Set<RecordID>? = nil) -> [SearchHit] {
        let terms = FuzzyMatcher.terms(query)
        guard !terms.isEmpty else { return [] }
        // The best score a term can reach in the secondary key: a primary score (doubled) at least this high
        // makes scoring the secondary key pointless, which saves most of the work for names that match.
        let secondaryCeilings = terms.map { Swift.max(200 + 16 * $0.count, 52 * $0.count) }
        // Terms back to back in one buffer, so the loop below touches no reference-counted value per entry.
        let termBytes = terms.flatMap { $0 }
        let termRanges = terms.reduce(into: [Range<Int>]()) { ranges, term in
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<(start + term.count))
        }
        var hits: [Ranked] = []
        bytes.withUnsafeBufferPointer { all in
            termBytes.withUnsafeBufferPointer { allTerms in
                entries.withUnsafeBufferPointer { entries in
                    for index in entries.indices {
                        if let within, !within.contains(entries[index].id) { continue }
                        let primary = UnsafeBufferPointer(rebasing: all[entries[index].primary])
                        let secondary = UnsafeBufferPointer(rebasing: all[entries[index].secondary])
                        var total = 0
                        var matched = true
                        for (range, ceiling) in zip(termRanges, secondaryCeilings) {
                            let term = UnsafeBufferPointer(rebasing: allTerms[range])
                            var best = FuzzyMatcher.score(term: term, in: primary).map { $0 * 2 }
                            if (best ?? .min) < ceiling, let score = FuzzyMatcher.score(term: term, in: secondary) {
                                best = Swift.max(best ?? .min, score)
                            }
                            guard let best else { matched = false; break }
                            total += best
                        }
                        if matched { hits.append(Ranked(score: total, prefix: entries[index].sortPrefix, index: index)) }
                    }
                }
            }
        }
        sortByRank(&hits)
        return hits.prefix(limit).map { SearchHit(id: entries[$0.index].id, score: $0.score) }
    }

    /// One matching entry while ranking.
    struct Ranked {
        var score: Int
        var prefix: UInt64
        var index: Int

        /// Score descending then name prefix ascending, as one integer: 16 bits of inverted score above the
        /// first 6 bytes of the name.
        var key: UInt64 { UInt64(UInt16.max - UInt16(clamping: score)) << 48 | prefix >> 16 }
    }

    /// Orders hits by score (best first), then folded name, then index: the order of a comparison sort on
    /// (score, name), but a stable radix sort on a packed key does most of it, because short queries match
    /// tens of thousands of entries that mostly share a score.
    func sortByRank(_ hits: inout [Ranked]) {
        guard hits.count > 1 else { return }
        var keys = hits.map(\.key)
        var order = Array(hits.indices)
        var scratch = order
        for shift in stride(from: 0, to: 64, by: 8) {
            var counts = [Int](repeating: 0, count: 257)
            for i in order { counts[Int((keys[i] >> UInt64(shift)) & 0xFF) + 1] += 1 }
            guard counts[1...].max() != hits.count else { continue } // every key has the same byte here
            for b in 1...256 { counts[b] += counts[b - 1] }
            for i in order {
                let bucket = Int((keys[i] >> UInt64(shift)) & 0xFF)
                scratch[counts[bucket]] = i
                counts[bucket] += 1
            }
            swap(&order, &scratch)
        }
        var sorted = order.map { hits[$0] }
        keys = sorted.map(\.key)
        // Equal packed keys: same score and same first 6 name bytes; settle those runs on the full name.
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && keys[end] == keys[start] && sorted[end].score == sorted[start].score { end += 1 }
            if end - start > 1 {
                bytes.withUnsafeBufferPointer { all in
                    sorted[start..<end].sort { a, b in
                        let nameA = all[entries[a.index].primary], nameB = all[entries[b.index].primary]
                        if nameA.elementsEqual(nameB) { return a.index < b.index }
                        return nameA.lexicographicallyPrecedes(nameB)
                    }
                }
            }
            start = end
        }
        hits = sorted
    }
}
