import Foundation

/// fzf-style matching on pre-folded UTF-8 bytes: subsequence for ASCII query terms, substring for other scripts.
///
/// Scoring per term: a contiguous substring scores highest (more at a word start, most at the start of the key);
/// otherwise a subsequence scores per matched byte with bonuses for word-boundary and consecutive matches and a
/// small penalty per gap. A term that does not match rejects the entry (terms are ANDed).
public enum FuzzyMatcher {
    static func isBoundary(_ key: [UInt8], _ i: Int) -> Bool {
        if i == 0 { return true }
        let p = key[i - 1]
        return !(p >= 97 && p <= 122) && !(p >= 48 && p <= 57) && p < 0x80
    }

    /// Score of one folded term against one folded key; nil when it does not match.
    public static func score(term: [UInt8], in key: [UInt8]) -> Int? {
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
public struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var id: RecordID
        /// Name and handles (weighted higher).
        var primary: [UInt8]
        /// Tags, niches, city, country, real name, email, notes.
        var secondary: [UInt8]
        var sortName: String
    }

    private var entries: [Entry] = []
    private var positions: [RecordID: Int] = [:]

    public init() {}

    public init(_ influencers: [Influencer]) {
        entries.reserveCapacity(influencers.count)
        for inf in influencers { update(inf) }
    }

    public var count: Int { entries.count }

    static func entry(for inf: Influencer) -> Entry {
        let handles = inf.accounts.map { $0.handle }.joined(separator: " ")
        let primary = TextFolding.fold(inf.displayName + " " + handles)
        var parts: [String] = [inf.realName ?? "", inf.tags.joined(separator: " "), inf.niches.map(\.rawValue).joined(separator: " "),
                               inf.city ?? "", inf.country ?? "", inf.contact.email ?? "", inf.agent?.name ?? "", inf.agent?.agency ?? ""]
        parts.append(inf.notes ?? "")
        let secondary = TextFolding.fold(parts.filter { !$0.isEmpty }.joined(separator: " | "))
        return Entry(id: inf.id, primary: Array(primary.utf8), secondary: Array(secondary.utf8), sortName: primary)
    }

    /// Adds or replaces the entry for `influencer`.
    public mutating func update(_ influencer: Influencer) {
        let e = Self.entry(for: influencer)
        if let i = positions[influencer.id] { entries[i] = e } else {
            positions[influencer.id] = entries.count
            entries.append(e)
        }
    }

    /// Removes the entry for `id`.
    public mutating func remove(_ id: RecordID) {
        guard let i = positions.removeValue(forKey: id) else { return }
        let lastIndex = entries.count - 1
        if i != lastIndex {
            entries[i] = entries[lastIndex]
            positions[entries[i].id] = i
        }
        entries.removeLast()
    }

    /// Matches of `query`, best first (ties by name); an empty query returns nothing (show the unfiltered list instead).
    /// Restrict to `within` (e.g. the filtered roster) when given.
    public func search(_ query: String, limit: Int = .max, within: Set<RecordID>? = nil) -> [SearchHit] {
        let terms = FuzzyMatcher.terms(query)
        guard !terms.isEmpty else { return [] }
        var hits: [(SearchHit, Int)] = []
        for (idx, e) in entries.enumerated() {
            if let within, !within.contains(e.id) { continue }
            var total = 0
            var ok = true
            for t in terms {
                let p = FuzzyMatcher.score(term: t, in: e.primary).map { $0 * 2 }
                let s = FuzzyMatcher.score(term: t, in: e.secondary)
                guard let best = [p, s].compactMap({ $0 }).max() else { ok = false; break }
                total += best
            }
            if ok { hits.append((SearchHit(id: e.id, score: total), idx)) }
        }
        hits.sort { a, b in
            if a.0.score != b.0.score { return a.0.score > b.0.score }
            return entries[a.1].sortName < entries[b.1].sortName
        }
        return hits.prefix(limit).map(\.0)
    }
}
