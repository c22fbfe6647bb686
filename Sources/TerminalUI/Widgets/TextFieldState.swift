/// A single-line editor's text, cursor and horizontal scroll; the caller owns it and feeds it events.
///
/// The cursor counts grapheme clusters, so an emoji or a decomposed `é` is one step. The text is stored
/// verbatim (sanitising happens only at display).
public struct TextFieldState: Sendable, Hashable {
    public private(set) var text: String
    /// Cursor position in grapheme clusters, 0...text.count.
    public private(set) var cursor: Int
    /// First visible display column; adjusted by the widget to keep the cursor visible.
    public var scroll: Int = 0
    /// The text's clusters and how each draws, derived from `text` and kept with it.
    private(set) var clusters: TextFieldClusters

    public init(text: String = "") {
        self.text = text
        clusters = TextFieldClusters(text)
        cursor = clusters.count
    }

    /// Replaces the text and puts the cursor at the end.
    public mutating func setText(_ newText: String) {
        self = TextFieldState(text: newText)
    }

    public static func == (lhs: TextFieldState, rhs: TextFieldState) -> Bool {
        lhs.text == rhs.text && lhs.cursor == rhs.cursor && lhs.scroll == rhs.scroll
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(cursor)
        hasher.combine(scroll)
    }

    /// Applies an editing key or paste; returns false for events the field does not use (so the form or app can).
    @discardableResult
    public mutating func handle(_ event: InputEvent) -> Bool {
        switch event {
        case .paste(let pasted):
            // One line only: line breaks in pasted text become spaces.
            insert(String(pasted.map { $0.isNewline ? " " : $0 }))
            return true
        case .key(let key):
            return handle(key)
        case .resize:
            return false
        }
    }

    private mutating func handle(_ event: KeyEvent) -> Bool {
        let mods = event.modifiers
        switch (event.key, mods) {
        case (.left, []), (.character("b"), .ctrl): moveCursor(to: cursor - 1)
        case (.right, []), (.character("f"), .ctrl): moveCursor(to: cursor + 1)
        case (.left, .ctrl), (.left, .alt), (.character("b"), .alt): moveCursor(to: wordStart(before: cursor))
        case (.right, .ctrl), (.right, .alt), (.character("f"), .alt): moveCursor(to: wordEnd(after: cursor))
        case (.home, _), (.character("a"), .ctrl): moveCursor(to: 0)
        case (.end, _), (.character("e"), .ctrl): moveCursor(to: clusters.count)
        case (.backspace, []), (.character("h"), .ctrl): delete(cursor - 1..<cursor)
        case (.delete, []), (.character("d"), .ctrl): delete(cursor..<cursor + 1)
        case (.character("k"), .ctrl): delete(cursor..<clusters.count)
        case (.character("u"), .ctrl): delete(0..<cursor)
        case (.character("w"), .ctrl), (.backspace, .alt): delete(wordStart(before: cursor)..<cursor)
        case (.character("d"), .alt): delete(cursor..<wordEnd(after: cursor))
        case (.character(let character), []), (.character(let character), .shift): insert(String(character))
        default: return false
        }
        return true
    }

    /// Inserts text at the cursor and moves the cursor after it.
    /// An inserted text that merges with a neighbour (a combining mark after a letter) leaves the cursor after the
    /// merged cluster.
    public mutating func insert(_ inserted: String) {
        cursor = clusters.replace(cursor..<cursor, with: inserted, in: &text)
    }

    private mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), clusters.count)
    }

    private mutating func delete(_ range: Range<Int>) {
        let lower = max(0, range.lowerBound), upper = min(clusters.count, range.upperBound)
        guard lower < upper else { return }
        cursor = clusters.replace(lower..<upper, with: "", in: &text)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Start of the word before `position` (skipping separators first), like Emacs/readline.
    private func wordStart(before position: Int) -> Int {
        let characters = clusters.clusters
        var index = min(position, characters.count)
        while index > 0, !Self.isWordCharacter(characters[index - 1].character) { index -= 1 }
        while index > 0, Self.isWordCharacter(characters[index - 1].character) { index -= 1 }
        return index
    }

    /// End of the word after `position` (skipping separators first).
    private func wordEnd(after position: Int) -> Int {
        let characters = clusters.clusters
        var index = max(0, position)
        while index < characters.count, !Self.isWordCharacter(characters[index].character) { index += 1 }
        while index < characters.count, Self.isWordCharacter(characters[index].character) { index += 1 }
        return index
    }
}
