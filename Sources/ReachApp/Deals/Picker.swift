import ReachCore
import TerminalUI

/// One choice offered by a `Picker`: an id for the caller, the text shown, and a muted detail.
public struct PickerItem: Sendable, Hashable {
    public var id: String
    public var title: String
    public var detail: String?

    public init(id: String, title: String, detail: String? = nil) {
        self.id = id
        self.title = title
        self.detail = detail
    }
}

/// A popup list filtered as you type (creators, campaigns, templates, stages, deliverables): one keyboard-driven
/// way to choose from a few items or from 100,000.
public struct Picker: OverlayModel {
    public var title: String
    public var query = TextFieldState()
    public var cursor = ListCursor()
    /// The items matching the current query, best first.
    public private(set) var items: [PickerItem]
    /// Shown when nothing matches (or nothing is listed before typing).
    public var emptyText: String
    private let source: @Sendable (String, AppState) -> [PickerItem]
    private let choose: @Sendable (PickerItem, inout AppState) -> [Effect]

    /// A picker whose items come from `source(query, state)`, e.g. the roster's search index.
    public init(title: String, emptyText: String = "Nothing matches.", state: AppState,
                source: @escaping @Sendable (String, AppState) -> [PickerItem],
                choose: @escaping @Sendable (PickerItem, inout AppState) -> [Effect]) {
        self.title = title
        self.emptyText = emptyText
        self.source = source
        self.choose = choose
        items = source("", state)
    }

    /// A picker over a fixed list, fuzzy-filtered by title and detail; `selected` is the id highlighted first.
    public init(title: String, items: [PickerItem], selected: String? = nil, state: AppState,
                choose: @escaping @Sendable (PickerItem, inout AppState) -> [Effect]) {
        self.init(title: title, state: state, source: { query, _ in Picker.rank(items, query: query) }, choose: choose)
        if let selected, let index = items.firstIndex(where: { $0.id == selected }) { cursor.selected = index }
    }

    /// `items` matching every term of `query`, best first (ties keep the given order); all of them for no query.
    public static func rank(_ items: [PickerItem], query: String) -> [PickerItem] {
        let terms = FuzzyMatcher.terms(query)
        guard !terms.isEmpty else { return items }
        var scored: [(item: PickerItem, score: Int, order: Int)] = []
        for (order, item) in items.enumerated() {
            let key = Array(TextFolding.fold(item.title + " " + (item.detail ?? "")).utf8)
            var total = 0
            var matched = true
            for term in terms {
                guard let score = FuzzyMatcher.score(term: term, in: key) else { matched = false; break }
                total += score
            }
            if matched { scored.append((item, total, order)) }
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }.map(\.item)
    }

    public var hints: [KeyHint] { [KeyHint("Enter", "choose"), KeyHint("↑/↓", "move"), KeyHint("type", "filter"), KeyHint("Esc", "cancel")] }

    public mutating func handle(_ event: InputEvent, _ state: inout AppState) -> (keepOpen: Bool, effects: [Effect]) {
        let page = Self.listHeight(state.size, count: items.count)
        if case .key(let key) = event {
            switch (key.key, key.modifiers) {
            case (.escape, _):
                return (false, [])
            case (.enter, _):
                guard items.indices.contains(cursor.selected) else { return (true, []) }
                return (false, choose(items[cursor.selected], &state))
            case (.down, []), (.tab, []), (.character("n"), .ctrl):
                cursor.move(by: 1, count: items.count, visible: page)
                return (true, [])
            case (.up, []), (.backTab, _), (.character("p"), .ctrl):
                cursor.move(by: -1, count: items.count, visible: page)
                return (true, [])
            case (.pageDown, []):
                cursor.move(by: page, count: items.count, visible: page)
                return (true, [])
            case (.pageUp, []):
                cursor.move(by: -page, count: items.count, visible: page)
                return (true, [])
            default:
                break
            }
        }
        if query.handle(event) {
            items = source(query.text, state)
            cursor = ListCursor()
        }
        return (true, [])
    }

    /// Rows of the list inside the popup (the query line and a gap take two more, the frame two).
    static func listHeight(_ size: Size, count: Int) -> Int {
        max(1, min(AppLayout.main(size).height - 4, max(3, min(count, 14))))
    }

    public func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let rows = Self.listHeight(state.size, count: items.count)
        let width = min(area.width, 70)
        let inner = Popup(title: title, theme: theme).render(into: &buffer, area: area, width: width, height: rows + 4)
        guard inner.height >= 2 else { return }
        let used = buffer.write("Find: ", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: theme.keyHint)
        var field = query
        TextField(placeholder: "type to filter", style: theme.input, placeholderStyle: theme.muted)
            .render(into: &buffer, area: Rect(x: inner.x + 1 + used, y: inner.y, width: max(0, inner.width - used - 2), height: 1),
                    state: &field)
        let list = inner.inset(top: 2, left: 1, bottom: 0, right: 1)
        guard !list.isEmpty else { return }
        if items.isEmpty {
            buffer.write(emptyText, x: list.x, y: list.y, maxWidth: list.width, style: theme.muted)
            return
        }
        var visible = cursor
        visible.clamp(count: items.count, visible: list.height)
        for (row, index) in (visible.offset..<min(items.count, visible.offset + list.height)).enumerated() {
            let item = items[index]
            let isSelected = index == visible.selected
            let y = list.y + row
            let style = isSelected ? theme.normal.adding(theme.selected.attributes) : theme.normal
            if isSelected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: style) }
            var x = list.x + buffer.write(isSelected ? "› " : "  ", x: list.x, y: y, maxWidth: list.width, style: style)
            x += buffer.write(item.title, x: x, y: y, maxWidth: list.maxX - x, style: style)
            if let detail = item.detail, x + 2 < list.maxX {
                let detailStyle = isSelected ? theme.muted.adding(theme.selected.attributes) : theme.muted
                buffer.write("  " + detail, x: x, y: y, maxWidth: list.maxX - x, style: detailStyle)
            }
        }
    }
}
