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

    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Replaces the text and puts the cursor at the end.
    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.count
        scroll = 0
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
        case (.end, _), (.character("e"), .ctrl): moveCursor(to: text.count)
        case (.backspace, []), (.character("h"), .ctrl): delete(cursor - 1..<cursor)
        case (.delete, []), (.character("d"), .ctrl): delete(cursor..<cursor + 1)
        case (.character("k"), .ctrl): delete(cursor..<text.count)
        case (.character("u"), .ctrl): delete(0..<cursor)
        case (.character("w"), .ctrl), (.backspace, .alt): delete(wordStart(before: cursor)..<cursor)
        case (.character("d"), .alt): delete(cursor..<wordEnd(after: cursor))
        case (.character(let character), []), (.character(let character), .shift): insert(String(character))
        default: return false
        }
        return true
    }

    /// Inserts text at the cursor and moves the cursor after it.
    public mutating func insert(_ inserted: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: inserted, at: index)
        // Counting afterwards handles clusters that merge with their neighbours (e.g. a combining mark).
        cursor = min(text.count, text.distance(from: text.startIndex, to: index) + inserted.count)
    }

    private mutating func moveCursor(to position: Int) {
        cursor = min(max(0, position), text.count)
    }

    private mutating func delete(_ range: Range<Int>) {
        let lower = max(0, range.lowerBound), upper = min(text.count, range.upperBound)
        guard lower < upper else { return }
        let start = text.index(text.startIndex, offsetBy: lower)
        let end = text.index(start, offsetBy: upper - lower)
        text.removeSubrange(start..<end)
        cursor = lower
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Start of the word before `position` (skipping separators first), like Emacs/readline.
    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var index = min(position, characters.count)
        while index > 0, !Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    /// End of the word after `position` (skipping separators first).
    private func wordEnd(after position: Int) -> Int {
        let characters = Array(text)
        var index = max(0, position)
        while index < characters.count, !Self.isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
        return index
    }
}
