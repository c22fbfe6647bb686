import TerminalUI

/// One command on a key: the keys (alternatives, each possibly a sequence like `gg`), its help text, and what it does.
///
/// The same values drive `update`, the status-bar hints and the `?` overlay, so the help can never lie.
public struct KeyBinding: Sendable {
    /// Alternative key sequences, e.g. `[[j], [↓]]` or `[[g, g]]`.
    public var sequences: [[KeyEvent]]
    public var help: String
    /// Shown in the status bar as well as in the help overlay.
    public var isHint: Bool
    public var run: @Sendable (inout AppState) -> [Effect]
    /// For help lines about keys a widget handles itself (a choice field's Space/←/→): shown, never dispatched.
    public var describedKeys: String?

    public init(_ sequences: [[KeyEvent]], _ help: String, hint: Bool = false,
                run: @escaping @Sendable (inout AppState) -> [Effect]) {
        self.sequences = sequences
        self.help = help
        self.isHint = hint
        self.run = run
    }

    /// A binding on single keys (each an alternative).
    public init(keys: [KeyEvent], _ help: String, hint: Bool = false, run: @escaping @Sendable (inout AppState) -> [Effect]) {
        self.init(keys.map { [$0] }, help, hint: hint, run: run)
    }

    /// A binding on printable characters, e.g. `chars: "j"`.
    public init(chars: Character..., help: String, hint: Bool = false, run: @escaping @Sendable (inout AppState) -> [Effect]) {
        self.init(keys: chars.map(KeyEvent.char), help, hint: hint, run: run)
    }

    /// A help line for keys handled inside a widget, listed with the popup's bindings so the help is complete.
    public init(describing keys: String, _ help: String) {
        self.init([], help) { _ in [] }
        describedKeys = keys
    }

    /// "j/↓", "gg", "Ctrl-d".
    public var keyLabel: String {
        describedKeys ?? sequences.map { $0.map(KeyLabel.text).joined() }.joined(separator: "/")
    }

    public var hint: KeyHint { KeyHint(keyLabel, help) }
}

/// A titled group of bindings, one section of the help overlay.
public struct KeySection: Sendable {
    public var title: String
    public var bindings: [KeyBinding]

    public init(_ title: String, _ bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }
}

/// How keys are written in hints and help.
enum KeyLabel {
    static func text(_ event: KeyEvent) -> String {
        let base: String = switch event.key {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Ins"
        case .delete: "Del"
        case .function(let n): "F\(n)"
        }
        var prefix = ""
        if event.modifiers.contains(.ctrl) { prefix += "Ctrl-" }
        if event.modifiers.contains(.alt) { prefix += "Alt-" }
        return prefix + base
    }
}
