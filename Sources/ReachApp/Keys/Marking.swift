import ReachCore
import TerminalUI

/// The marking keys of a list, as in mutt and ranger: `Space` marks the row and moves on, `V` marks the range
/// from the last mark to the cursor, `*` marks every row shown (or unmarks them when all are), `M` clears, and
/// `b` opens the actions for the marked set.
enum Marking {
    /// `marks`: the set the list marks into; `rows`: the ids shown, in order (asked for only by `V` and `*`: at 100k
    /// rows making the array is most of a keystroke); `selectedID` and `selected`: the cursor's row and its position
    /// in `rows`; `moveDown`: the list's own "next row", so Space walks down the list like `j`.
    static func section(_ marks: WritableKeyPath<Marks, Set<RecordID>> & Sendable,
                        rows: @escaping @Sendable (AppState) -> [RecordID],
                        selectedID: @escaping @Sendable (AppState) -> RecordID?,
                        selected: @escaping @Sendable (AppState) -> Int,
                        moveDown: @escaping @Sendable (inout AppState) -> Void,
                        bulk: @escaping @Sendable (inout AppState) -> Void) -> KeySection {
        KeySection("Mark", [
            KeyBinding(chars: " ", help: "Mark / unmark and move down") { state in
                guard let id = selectedID(state) else { return [] }
                if state.marks[keyPath: marks].remove(id) == nil { state.marks[keyPath: marks].insert(id) }
                state.marks.anchor = id
                moveDown(&state)
                return []
            },
            KeyBinding(chars: "V", help: "Mark from the last mark to here") { state in
                let shown = rows(state)
                let index = selected(state)
                guard shown.indices.contains(index) else { return [] }
                let start = state.marks.anchor.flatMap { shown.firstIndex(of: $0) } ?? index
                state.marks[keyPath: marks].formUnion(shown[min(start, index)...max(start, index)])
                state.marks.anchor = shown[index]
                return []
            },
            KeyBinding(chars: "*", help: "Mark all shown (again: unmark them)") { state in
                let shown = rows(state)
                if shown.allSatisfy(state.marks[keyPath: marks].contains) {
                    state.marks[keyPath: marks].subtract(shown)
                } else {
                    state.marks[keyPath: marks].formUnion(shown)
                }
                return []
            },
            KeyBinding(chars: "M", help: "Clear marks") { state in
                state.marks[keyPath: marks] = []
                state.marks.anchor = nil
                return []
            },
            KeyBinding(chars: "b", help: "Bulk actions on the marked rows…", hint: true) { state in
                bulk(&state)
                return []
            },
        ])
    }

    /// A marked row's sign: `*`, as mutt tags messages (plain ASCII, the same width in every terminal and font).
    static let sign = "*"

    /// Put before a row's first cell while anything is marked, so marked rows stand out and the rest stay aligned.
    static func prefix(_ marked: Bool) -> String { marked ? sign + " " : "  " }

    /// "12 marked", for the status bar; nil when nothing on this screen is marked.
    static func countText(_ state: AppState) -> String? {
        let count: Int = switch state.dealDetail == nil && !state.settingsScreen.isOpen ? state.tab : .campaigns {
        case .roster: state.marks.creators.count
        case .today, .pipeline: state.marks.deals.count
        case .campaigns: 0
        }
        return count == 0 ? nil : "\(count) marked"
    }
}
