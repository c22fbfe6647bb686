import Foundation
import ReachCore
import TerminalUI

/// The creator roster: a sortable, searchable, filterable table with a detail pane, and create/edit/delete.
public enum RosterPane: Pane {
    public static func keymap(_ state: AppState) -> [KeySection] {
        if state.roster.isSearching { return [searchSection] }
        var sections: [KeySection] = []
        if state.roster.focus == .table {
            sections.append(ListNavigation.section(cursor: \AppState.roster.cursor, count: { $0.roster.rows.count },
                                                   visible: { RosterLayout($0).visibleRows }))
            sections.append(KeySection("Open", [
                KeyBinding(keys: [KeyEvent(.enter)], "Open detail", hint: true) { state in
                    if state.roster.selectedID != nil { focusDetail(&state) }
                    return []
                },
            ]))
            sections.append(Marking.section(\.creators, rows: { Array($0.roster.rows) }, selectedID: { $0.roster.selectedID },
                                            selected: { $0.roster.cursor.selected },
                                            moveDown: { state in
                state.roster.cursor.move(by: 1, count: state.roster.rows.count, visible: RosterLayout(state).visibleRows)
            }, bulk: BulkActions.openForCreators))
        } else {
            sections.append(detailSection)
        }
        sections.append(KeySection("Roster", [
            KeyBinding(keys: [KeyEvent(.tab)], "Switch table / detail") { state in
                if state.roster.focus == .table { focusDetail(&state) } else { state.roster.focus = .table }
                return []
            },
            KeyBinding(chars: "/", help: "Search", hint: true) { state in
                state.roster.isSearching = true
                state.roster.focus = .table
                return []
            },
            KeyBinding(chars: "s", help: "Sort by next column") { state in
                let all = RosterColumn.allCases
                state.roster.sortColumn = all[(state.roster.sortColumn.rawValue + 1) % all.count]
                state.roster.ascending = state.roster.sortColumn.startsAscending
                refreshRows(&state)
                return []
            },
            KeyBinding(chars: "S", help: "Flip sort direction") { state in
                state.roster.ascending.toggle()
                refreshRows(&state)
                return []
            },
            KeyBinding(chars: "F", help: "Filter", hint: true) { state in
                RosterFilterForm.open(&state)
                return []
            },
            KeyBinding(chars: "x", help: "Clear filters and search") { state in
                state.roster.filter = RosterFilter()
                state.roster.search = TextFieldState()
                refreshRows(&state)
                return []
            },
            KeyBinding(chars: "n", help: "New creator", hint: true) { state in
                InfluencerForm.openNew(&state)
                return []
            },
            onCreator("e", "Edit creator", hint: true, InfluencerForm.openEdit),
            SyncClashes.binding(.influencer) { $0.roster.selectedID },
            KeyBinding(chars: "E", help: "Edit notes in $EDITOR") { state in
                state.roster.selectedID.map { editNotes($0, &state) } ?? []
            },
            onCreator("v", "Vetting: verdict, score, checklist", CreatorEditors.vetting),
            onCreator("A", "Platform accounts and their figures", CreatorEditors.accounts),
            onCreator("$", "Rate card", CreatorEditors.rateCard),
            onCreator("w", "Who follows them: audience", CreatorEditors.audience),
            onCreator("c", "Phone, other contact, agent or manager", CreatorEditors.contacts),
            onCreator("C", "GDPR consent: source, lawful basis, date", ConsentEditor.open),
            onCreator("r", "Rating: stars, would work again", CreatorEditors.rating),
            KeyBinding(chars: "z", help: "Archive / unarchive creator") { state in
                guard let id = state.roster.selectedID, let creator = state.workspace.influencer(id) else { return [] }
                return Edits.toggleArchived(.influencer(creator), &state)
            },
            onCreator("d", "Delete creator", hint: true, confirmDelete),
            KeyBinding(chars: "y", help: "Copy handle and email") { state in
                guard let id = state.roster.selectedID, let influencer = state.workspace.influencer(id) else { return [] }
                return [.copy(copyText(influencer))]
            },
        ]))
        return sections
    }

    static let searchSection = KeySection("Search", [
        KeyBinding(keys: [KeyEvent(.enter)], "Keep results", hint: true) { state in
            state.roster.isSearching = false
            return []
        },
        KeyBinding(keys: [KeyEvent(.escape)], "Clear search", hint: true) { state in
            state.roster.isSearching = false
            state.roster.search = TextFieldState()
            refreshRows(&state)
            return []
        },
        KeyBinding(keys: [KeyEvent(.down), .ctrl("n")], "Next result") { state in
            state.roster.cursor.move(by: 1, count: state.roster.rows.count, visible: RosterLayout(state).visibleRows)
            return []
        },
        KeyBinding(keys: [KeyEvent(.up), .ctrl("p")], "Previous result") { state in
            state.roster.cursor.move(by: -1, count: state.roster.rows.count, visible: RosterLayout(state).visibleRows)
            return []
        },
    ])

    static let detailSection = KeySection("Detail", [
        KeyBinding(keys: [KeyEvent(.escape)], "Back to table", hint: true) { state in
            state.roster.focus = .table
            return []
        },
        KeyBinding(keys: [.char("j"), KeyEvent(.down)], "Scroll down") { state in
            state.roster.detailScroll.scroll(by: 1)
            return []
        },
        KeyBinding(keys: [.char("k"), KeyEvent(.up)], "Scroll up") { state in
            state.roster.detailScroll.scroll(by: -1)
            return []
        },
        KeyBinding(keys: [.ctrl("d"), KeyEvent(.pageDown)], "Page down") { state in
            state.roster.detailScroll.scroll(by: max(1, (RosterLayout(state).detail?.height ?? 2) - 2))
            return []
        },
        KeyBinding(keys: [.ctrl("u"), KeyEvent(.pageUp)], "Page up") { state in
            state.roster.detailScroll.scroll(by: -max(1, (RosterLayout(state).detail?.height ?? 2) - 2))
            return []
        },
    ])

    public static func capturesText(_ state: AppState) -> Bool { state.roster.isSearching }

    public static func handleUnbound(_ event: InputEvent, _ state: inout AppState) -> [Effect]? {
        guard state.roster.isSearching else { return nil }
        if state.roster.search.handle(event) {
            // Typing selects the best match, as fzf does (and skips looking for the old selection in 100k rows).
            state.roster.cursor = ListCursor()
            refreshRows(&state, keepSelection: false)
        }
        return []
    }

    public static func commands(_ state: AppState) -> [PaletteCommand] {
        [
            PaletteCommand("New creator", key: "n") { state in
                GlobalKeys.switchTab(.roster, &state)
                InfluencerForm.openNew(&state)
                return []
            },
            PaletteCommand("Search the roster", key: "/") { state in
                GlobalKeys.switchTab(.roster, &state)
                state.roster.isSearching = true
                return []
            },
        ] + RosterFilterForm.commands(state)
    }

    public static func workspaceChanged(_ state: inout AppState) {
        state.roster.ordered = nil
        refreshRows(&state)
    }

    /// Re-places just the changed creators in the sorted roster (a binary search each), then filters it again,
    /// unless so much changed that sorting everything again is as cheap.
    public static func recordsChanged(_ changes: RecordChanges, _ state: inout AppState) {
        var affected = changes.ids(of: .influencer)
        var resort = false
        let dealIDs = changes.ids(of: .deal)
        if [.deals, .lastContact].contains(state.roster.sortColumn), !dealIDs.isEmpty {
            // A deal's creator moves in these orders; a removed deal's creator is unknown, so sort again.
            if dealIDs.allSatisfy({ state.workspace.dealRows[$0] != nil }) {
                affected.formUnion(dealIDs.compactMap { state.workspace.dealRows[$0]?.influencerID })
            } else {
                resort = true
            }
        }
        guard !affected.isEmpty || resort else { return }
        // Each insertion moves the rows after it; past a few, one full sort is cheaper. A→Z by name is the name order
        // itself, which the workspace has already re-placed them in: shared again, not edited (an edit would copy
        // 100,000 creators' facts, 13 MB, and keep the copy).
        let isNameOrder = state.roster.ordered.map { $0.column == .name && $0.ascending } ?? false
        if resort || isNameOrder || affected.count > 16 { state.roster.ordered = nil }
        if var ordered = state.roster.ordered {
            state.roster.ordered = nil // not shared while it is edited, so the edits happen in place
            let order = RosterOrder(column: ordered.column, ascending: ordered.ascending)
            ordered.remove(affected)
            for id in affected {
                guard let facts = state.workspace.creatorEntries[id]?.facts else { continue }
                let position = order.insertionIndex(of: id, in: ordered.ids, state)
                ordered.ids.insert(id, at: position)
                ordered.facts.insert(facts, at: position)
            }
            state.roster.ordered = ordered
        }
        refreshRows(&state)
    }

    /// Recomputes the rows from filter, sort and search, keeping the selected creator selected (unless told not to).
    static func refreshRows(_ state: inout AppState, keepSelection: Bool = true) {
        let selected = keepSelection ? state.roster.selectedID : nil
        let filter = state.roster.filter.compiled(thresholds: state.workspace.settings.workspace.tierThresholds)
        let query = state.roster.search.text
        if FuzzyMatcher.isBlank(query) {
            state.roster.lastSearch = nil
            let ordered = sortedRoster(state)
            state.roster.ordered = ordered
            state.roster.rows = ordered.rows(passing: filter)
        } else {
            // Search results are ordered by relevance.
            let index = state.workspace.searchIndex
            let results = index.search(query, refining: state.roster.lastSearch)
            state.roster.lastSearch = results
            var ranked = results.ranked
            if !state.roster.filter.isEmpty {
                let creators = state.workspace.creatorEntries
                ranked.removeAll { creators[results.ids[$0]].map { filter.matches($0.facts) } != true }
            } else if !state.workspace.archivedCreators.isEmpty {
                // An empty filter still hides archived creators: usually few, so they are looked up, not every match,
                // and marked by position (a `Set` of positions hashed each of 95,000 matches: 2 ms of a keystroke).
                var hidden = [Bool](repeating: false, count: results.ids.count)
                for id in state.workspace.archivedCreators { if let position = index.position(of: id) { hidden[position] = true } }
                ranked.removeAll { hidden[$0] }
            }
            state.roster.rows = RosterRows(table: results.ids, positions: ranked)
        }
        reselect(selected, &state)
    }

    /// The whole roster in the chosen order: the kept one when it is still in that order, else sorted anew.
    private static func sortedRoster(_ state: AppState) -> OrderedRoster {
        let column = state.roster.sortColumn, ascending = state.roster.ascending
        if let ordered = state.roster.ordered, ordered.column == column, ordered.ascending == ascending { return ordered }
        let byName = state.workspace.creatorsByName
        // A→Z by name is the kept order itself: shared, not copied (200,000 facts copied cost a frame and more).
        if column == .name && ascending { return OrderedRoster(column: column, ascending: true, ids: byName.ids, facts: byName.facts) }
        let positions = RosterOrder(column: column, ascending: ascending).positions(state)
        return OrderedRoster(column: column, ascending: ascending, ids: positions.map { byName.ids[$0] },
                             facts: positions.map { byName.facts[$0] })
    }

    /// Keeps `id` selected if it is still listed, and the selection visible.
    static func reselect(_ id: RecordID?, _ state: inout AppState) {
        if let id, let index = state.roster.rows.firstIndex(of: id) { state.roster.cursor.selected = index }
        state.roster.cursor.clamp(count: state.roster.rows.count, visible: RosterLayout(state).visibleRows)
    }

    /// Shows one creator: switches to the Roster, clears what hides them, selects them and opens the detail.
    public static func open(_ id: RecordID, _ state: inout AppState) {
        GlobalKeys.switchTab(.roster, &state)
        if !state.roster.rows.contains(id) {
            state.roster.search = TextFieldState()
            state.roster.filter = RosterFilter(includeArchived: state.workspace.influencer(id)?.archived == true)
            refreshRows(&state)
        }
        if let index = state.roster.rows.firstIndex(of: id) {
            state.roster.cursor.selected = index
            state.roster.cursor.clamp(count: state.roster.rows.count, visible: RosterLayout(state).visibleRows)
        }
        focusDetail(&state)
    }

    static func focusDetail(_ state: inout AppState) {
        state.roster.focus = .detail
        state.roster.detailScroll = ScrollState()
    }

    static func copyText(_ influencer: Influencer) -> String {
        var parts: [String] = [influencer.displayName]
        if let main = influencer.mainAccount { parts.append("@\(main.handle) (\(main.platform.displayName))") }
        if let email = influencer.contact.email, !email.isEmpty { parts.append(email) }
        return parts.joined(separator: " · ")
    }

    /// A binding that acts on the selected creator, when there is one.
    private static func onCreator(_ key: Character, _ help: String, hint: Bool = false,
                                  _ action: @escaping @Sendable (RecordID, inout AppState) -> Void) -> KeyBinding {
        KeyBinding(chars: key, help: help, hint: hint) { state in
            if let id = state.roster.selectedID { action(id, &state) }
            return []
        }
    }

    static func confirmDelete(_ id: RecordID, _ state: inout AppState) {
        guard let influencer = state.workspace.influencer(id) else { return }
        let deals = state.workspace.dealCount(ofInfluencer: id)
        var message = "Move \(influencer.displayName) to the trash?"
        if deals > 0 { message += " Their \(deals) deal\(deals == 1 ? "" : "s") stay." }
        message += " u undoes."
        state.overlays.append(.confirm(ConfirmDialog(title: "Delete creator", message: message,
                                                     buttons: ["Delete", "Cancel"], cancelIndex: 1) { choice, state in
            guard choice == 0, let current = state.workspace.influencer(id) else { return [] }
            return Edits.delete(.influencer(current), &state)
        }))
    }

    static func editNotes(_ id: RecordID, _ state: inout AppState) -> [Effect] {
        guard let influencer = state.workspace.influencer(id) else { return [] }
        let request = EditRequest(subject: "notes of \(influencer.displayName)", text: influencer.notes ?? "") { text, state in
            guard var current = state.workspace.influencer(id) else { return [] }
            var trimmed = text
            while trimmed.hasSuffix("\n") { trimmed.removeLast() }
            guard trimmed != (current.notes ?? "") else {
                state.show("Notes unchanged")
                return []
            }
            current.notes = trimmed.isEmpty ? nil : trimmed
            current.updatedAt = state.now
            return Edits.commit(.influencer(current), label: "edit notes of \(current.displayName)", &state)
        }
        return [.editText(request)]
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, theme: Theme) {
        let layout = RosterLayout(state)
        renderInfoLine(state, layout.info, &buffer, theme)
        if let table = layout.table { renderTable(state, table, &buffer, theme) }
        if let detail = layout.detail {
            RosterDetailView.render(state, into: &buffer, area: detail, theme: theme)
        }
    }

    private static func renderInfoLine(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        guard !area.isEmpty else { return }
        let roster = state.roster
        if roster.isSearching {
            let label = "Search: "
            let used = buffer.write(label, x: area.x, y: area.y, maxWidth: area.width, style: theme.title)
            var field = roster.search
            TextField(placeholder: "name, handle, tag, city…", style: theme.input, placeholderStyle: theme.muted)
                .render(into: &buffer, area: Rect(x: area.x + used, y: area.y, width: max(0, area.width / 2 - used), height: 1),
                        state: &field)
            let count = "\(roster.rows.count) match\(roster.rows.count == 1 ? "" : "es")"
            buffer.write(count, x: area.x + area.width / 2 + 1, y: area.y, maxWidth: area.width / 2 - 1, style: theme.muted)
            return
        }
        var parts: [String] = ["\(roster.rows.count) of \(state.workspace.creatorCount) creators"]
        if !roster.search.text.isEmpty { parts.append("search “\(roster.search.text)”") }
        if !roster.filter.isEmpty { parts.append("filter: " + RosterFilterText.describe(roster.filter)) }
        parts.append("sort: \(roster.sortColumn.title) \(roster.ascending ? "▲" : "▼")")
        buffer.write(parts.joined(separator: " · "), x: area.x, y: area.y, maxWidth: area.width,
                     style: roster.filter.isEmpty && roster.search.text.isEmpty ? theme.muted : theme.accent)
    }

    private static func renderTable(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let columns = RosterColumn.visible(in: area.width)
        let rows = state.roster.rows
        let sort = columns.firstIndex(of: state.roster.sortColumn).map {
            SortIndicator(column: $0, ascending: state.roster.ascending)
        }
        let table = Table(columns: columns.map { TableColumn($0.title, width: $0.width, alignment: $0.alignment) },
                          rowCount: rows.count, sort: sort, theme: theme,
                          rowStyle: { index in
                              state.workspace.creatorEntries[rows[index]]?.facts.doNotContact == true ? theme.muted : nil
                          }) { index in
            guard let influencer = state.workspace.influencer(rows[index]) else { return [] }
            var cells = columns.map { $0.text(influencer, state) }
            if !state.marks.creators.isEmpty, !cells.isEmpty {
                cells[0] = Marking.prefix(state.marks.creators.contains(influencer.id)) + cells[0]
            }
            return cells
        }
        var selection = state.roster.cursor.selection(hasRows: !rows.isEmpty)
        table.render(into: &buffer, area: area, state: &selection)
        if rows.isEmpty, area.height > 1 {
            let message = state.workspace.creatorCount == 0 ? "No creators yet. Press n to add one."
                : "No creator matches. Esc clears the search; x clears filters."
            buffer.write(message, x: area.x, y: area.y + 1, maxWidth: area.width, style: theme.muted)
        }
    }
}

extension RosterPane {
    /// Shows only creators matching `filter`.
    static func apply(_ filter: RosterFilter, _ state: inout AppState) {
        state.roster.filter = filter
        state.roster.cursor = ListCursor()
        refreshRows(&state)
        state.show(filter.isEmpty ? "Showing every creator" : "Filter: \(RosterFilterText.describe(filter))")
    }

    /// Selects a creator in the table if it is in the current rows (after a create).
    static func select(_ id: RecordID, _ state: inout AppState) {
        guard let index = state.roster.rows.firstIndex(of: id) else { return }
        state.roster.cursor.selected = index
        state.roster.cursor.clamp(count: state.roster.rows.count, visible: RosterLayout(state).visibleRows)
    }
}
