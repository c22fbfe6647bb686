import TerminalUI

/// The movement keys every list shares (`j`/`k`, arrows, `gg`/`G`, `Ctrl-d`/`Ctrl-u`, PgUp/PgDn, Home/End).
public enum ListNavigation {
    /// A "Move" section acting on the cursor at `cursor`, for a list of `count` rows of which `visible` fit;
    /// `didMove` lets a pane adjust its own scrolling (e.g. rows with group headers).
    public static func section(cursor: WritableKeyPath<AppState, ListCursor> & Sendable,
                               count: @escaping @Sendable (AppState) -> Int,
                               visible: @escaping @Sendable (AppState) -> Int,
                               didMove: (@Sendable (inout AppState) -> Void)? = nil) -> KeySection {
        @Sendable func move(_ delta: @escaping @Sendable (Int) -> Int) -> @Sendable (inout AppState) -> [Effect] {
            { state in
                let page = max(1, visible(state))
                state[keyPath: cursor].move(by: delta(page), count: count(state), visible: page)
                didMove?(&state)
                return []
            }
        }
        @Sendable func jump(_ first: Bool) -> @Sendable (inout AppState) -> [Effect] {
            { state in
                state[keyPath: cursor].jump(toFirst: first, count: count(state), visible: max(1, visible(state)))
                didMove?(&state)
                return []
            }
        }
        return KeySection("Move", [
            KeyBinding(keys: [.char("j"), KeyEvent(.down)], "Down", run: move { _ in 1 }),
            KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Up", run: move { _ in -1 }),
            KeyBinding([[.char("g"), .char("g")], [KeyEvent(.home)]], "First", run: jump(true)),
            KeyBinding(keys: [.char("G"), KeyEvent(.end)], "Last", run: jump(false)),
            KeyBinding(keys: [.ctrl("d")], "Half page down", run: move { max(1, $0 / 2) }),
            KeyBinding(keys: [.ctrl("u")], "Half page up", run: move { -max(1, $0 / 2) }),
            KeyBinding(keys: [KeyEvent(.pageDown)], "Page down", run: move { $0 }),
            KeyBinding(keys: [KeyEvent(.pageUp)], "Page up", run: move { -$0 }),
        ])
    }
}
