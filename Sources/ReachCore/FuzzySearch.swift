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
        guard n <= m, let keyStart = key.baseAddress else { return nil }
        // Substring search (first and best boundary occurrence). `memchr` finds each candidate start: it
        // skips through long keys (notes) many bytes at a time, and runs for every entry on every keystroke.
        var best: Int?
        let first = term[0]
        let last = m - n
        var i = 0
        while i <= last, let found = memchr(keyStart + i, Int32(first), last - i + 1) {
            i = keyStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var j = 1
            while j < n && key[i + j] == term[j] { j += 1 }
            if j == n {
                var s = 100 + 16 * n
                if isBoundary(key, i) { s += 60 }
                if i == 0 { s += 40 }
                if best.map({ s > $0 }) ?? true { best = s }
                if i == 0 { break }
            }
            i += 1
        }
        if let best { return best }
        // A one-byte term that is not a substring is not a subsequence either.
        // Subsequence only for ASCII terms: for other scripts bytes of different characters would mix.
        guard n > 1, term.allSatisfy({ $0 < 0x80 }) else { return nil }
        var s = 0, prev = -2
        i = 0
        for t in term {
            guard i < m, let found = memchr(keyStart + i, Int32(t), m - i) else { return nil }
            i = keyStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
            s += 16
            if isBoundary(key, i) { s += 24 }
            if prev == i - 1 { s += 12 } else if prev >= 0 { s -= min(10, i - prev) }
            prev = i
            i += 1
        }
        return max(1, s)
    }

    /// Splits and folds a query into byte terms, at whitespace scalars: cutting a 100 KB pasted query into
    /// characters on every key held each key in the roster search for milliseconds.
    public static func terms(_ query: String) -> [[UInt8]] {
        TextFolding.fold(query).unicodeScalars.split(whereSeparator: isSpace).map { Array(Substring($0).utf8) }
    }

    /// Whether `query` is only whitespace (or empty): no search at all.
    public static func isBlank(_ query: String) -> Bool {
        query.unicodeScalars.allSatisfy(isSpace)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }
}
