/// Modifier keys held with a key; terminals report only some combinations reliably.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = Modifiers(rawValue: 1 << 0)
    public static let alt = Modifiers(rawValue: 1 << 1)
    public static let ctrl = Modifiers(rawValue: 1 << 2)
}

/// A key independent of modifiers.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, tab, backTab, backspace, escape
    case up, down, left, right
    case home, end, pageUp, pageDown, insert, delete
    /// F1–F12.
    case function(Int)
}

/// A typed key press, e.g. `KeyEvent.ctrl("a")` or `KeyEvent(.up, [.ctrl])`.
public struct KeyEvent: Hashable, Sendable {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, _ modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain printable character.
    public static func char(_ character: Character) -> KeyEvent { KeyEvent(.character(character)) }
    /// Ctrl plus a lowercase letter, as terminals send it.
    public static func ctrl(_ character: Character) -> KeyEvent { KeyEvent(.character(character), .ctrl) }
    /// Alt (Meta) plus a character.
    public static func alt(_ character: Character) -> KeyEvent { KeyEvent(.character(character), .alt) }
}

/// Everything the app loop can receive from a terminal.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    /// Bracketed paste, verbatim (control characters included; sanitise at display).
    case paste(String)
    case resize(width: Int, height: Int)
}
