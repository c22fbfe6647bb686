/// A field's text cut into grapheme clusters, each with the glyphs it is drawn as, kept up to date edit by edit.
///
/// Cutting and sanitising a 100 KB paste takes milliseconds, so doing it on every key and every frame held each key
/// in such a field for 20–40 ms. An edit re-cuts only the clusters around it: the one before it, the changed text and
/// the one after, reaching further right only while the cut there differs from before (a regional-indicator run
/// pairs differently after an inserted flag letter). Grapheme breaks depend on what comes before them and on the
/// next scalar only, so the clusters before the window keep their cuts, and once the window's last cluster comes out
/// as it was, every cluster after it does too.
struct TextFieldClusters: Sendable {
    struct Cluster: Sendable {
        var character: Character
        var utf8Count: Int
        /// How it draws: sanitised, NFC-normalised, as `Sanitizer.glyphs` draws it alone.
        var glyphs: [Glyph]
        var width: Int

        init(_ character: Character, glyphs: [Glyph]) {
            self.character = character
            utf8Count = character.utf8.count
            self.glyphs = glyphs
            width = glyphs.reduce(0) { $0 + $1.width }
        }

        /// Same scalars in the same order: canonically equal spellings draw differently before normalising, and
        /// decide grapheme breaks differently.
        func isSpelled(as other: Character) -> Bool {
            utf8Count == other.utf8.count && character.utf8.elementsEqual(other.utf8)
        }
    }

    private(set) var clusters: [Cluster]

    init(_ text: String) {
        clusters = Self.cut(text, reusing: [])
    }

    var count: Int { clusters.count }

    /// The UTF-8 offset in the text where cluster `index` starts (`count` gives the text's length).
    func utf8Offset(of index: Int) -> Int {
        clusters[..<index].reduce(0) { $0 + $1.utf8Count }
    }

    /// The display column where cluster `index` starts.
    func column(of index: Int) -> Int {
        clusters[..<index].reduce(0) { $0 + $1.width }
    }

    /// Replaces clusters `range` of `text` with `replacement`, in both, and says where the end of the replacement
    /// lands, in clusters (after any cluster it merged into).
    mutating func replace(_ range: Range<Int>, with replacement: String, in text: inout String) -> Int {
        let start = max(0, range.lowerBound - 1)
        var end = min(count, range.upperBound + 1)
        let startOffset = utf8Offset(of: start)
        let lowerOffset = startOffset + clusters[start..<range.lowerBound].reduce(0) { $0 + $1.utf8Count }
        let upperOffset = lowerOffset + clusters[range].reduce(0) { $0 + $1.utf8Count }
        let replacementEnd = lowerOffset + replacement.utf8.count - startOffset
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        while true {
            let endOffset = upperOffset + clusters[range.upperBound..<end].reduce(0) { $0 + $1.utf8Count }
            var window = String(text[index(startOffset)..<index(lowerOffset)])
            window += replacement
            window += text[index(upperOffset)..<index(endOffset)]
            let cut = Self.cut(window, reusing: clusters[start..<end])
            if end == count || cut.last.map({ $0.isSpelled(as: clusters[end - 1].character) }) == true {
                text.replaceSubrange(index(startOffset)..<index(endOffset), with: window)
                clusters.replaceSubrange(start..<end, with: cut)
                var offset = 0
                return start + cut.prefix { cluster in
                    defer { offset += cluster.utf8Count }
                    return offset < replacementEnd
                }.count
            }
            end = min(count, end + (end - start))
        }
    }

    /// Cuts `text` into clusters, taking the glyphs of those spelled as one of `old` at the same position from the
    /// start or from the end: a cluster of 50,000 combining marks is not sanitised again when a letter is typed after it.
    private static func cut(_ text: String, reusing old: ArraySlice<Cluster>) -> [Cluster] {
        let characters = Array(text)
        // A paste repeats few distinct characters: each short one is sanitised once. Canonically equal spellings
        // share glyphs, as `Sanitizer` normalises; long clusters are not hashed (hashing normalises them too).
        var made: [Character: [Glyph]] = [:]
        return characters.indices.map { index in
            let character = characters[index]
            let fromStart = old.startIndex + index, fromEnd = old.endIndex - (characters.count - index)
            if old.indices.contains(fromStart), old[fromStart].isSpelled(as: character) { return old[fromStart] }
            if old.indices.contains(fromEnd), old[fromEnd].isSpelled(as: character) { return old[fromEnd] }
            // Not `asciiValue`: it compares the character with "\r\n", normalising a long cluster to do so.
            let spelling = character.utf8
            if spelling.count == 1, let byte = spelling.first, byte >= 0x20, byte < 0x7F {
                return Cluster(character, glyphs: [Glyph(character, width: 1)])
            }
            guard spelling.count <= 32 else { return Cluster(character, glyphs: Sanitizer.glyphs(String(character))) }
            if let glyphs = made[character] { return Cluster(character, glyphs: glyphs) }
            let glyphs = Sanitizer.glyphs(String(character))
            made[character] = glyphs
            return Cluster(character, glyphs: glyphs)
        }
    }
}
