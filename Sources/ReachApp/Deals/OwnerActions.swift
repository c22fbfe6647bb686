import ReachCore
import TerminalUI

/// Whose deals the lists show (`o`), and who owns a deal (`O`, on one deal or the marked ones).
enum OwnerActions {
    /// `o`: mine → everyone → each other owner → mine; Today and the Pipeline follow at once.
    static func cycleScope(_ state: inout AppState) {
        let owners = state.workspace.assignableOwners
        state.severalOwners = state.workspace.dealOwners.count > 1
        state.ownerScope = state.ownerScope.next(owners: owners, user: state.user)
        state.refresh([.pipeline])
        if !state.stalePanes.contains(.today) { TodayPane.scopeChanged(&state) }
        state.show("Showing \(scopeDescription(state))")
    }

    /// "my deals (Marta Kalniņa)", "everyone's deals", "Tom Becker's deals".
    static func scopeDescription(_ state: AppState) -> String {
        switch state.ownerScope {
        case .mine: "my deals" + (state.user.map { " (\($0.name))" } ?? "")
        case .everyone: "everyone's deals"
        case .owner(let name): "\(name)'s deals"
        }
    }

    /// The header tag: "mine", "everyone" or the owner's name; nothing in a folder with one owner and no narrowing.
    static func scopeTag(_ state: AppState) -> String? {
        state.ownerScope == .everyone && !state.severalOwners ? nil : state.ownerScope.label
    }

    /// The `o` binding shared by Today and the Pipeline.
    static let scopeBinding = KeyBinding(chars: "o", help: "Whose deals: mine → everyone → one owner") { state in
        cycleScope(&state)
        return []
    }

    /// `O`: a picker of team members and known owners (or a new name typed in) that gives the deals to one person.
    static func assign(_ dealIDs: [RecordID], _ state: inout AppState) {
        guard !dealIDs.isEmpty else { return }
        let current = dealIDs.count == 1 ? state.workspace.deal(dealIDs[0])?.owner : nil
        let names = state.workspace.assignableOwners
        let what = dealIDs.count == 1 ? state.workspace.deal(dealIDs[0]).map { state.workspace.title(of: .deal($0)) } ?? "deal"
            : "\(dealIDs.count) deals"
        let picker = Picker(title: "Owner of \(what)", emptyText: "Type a name and press Enter to assign to them.",
                            state: state, source: { query, state in
            var items = Picker.rank(names.map { name in
                PickerItem(id: name, title: name, detail: state.user?.owns(name) == true ? "you" : (name == current ? "current" : nil))
            }, query: query)
            let typed = query.trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty, !names.contains(where: { UserIdentity.same($0, typed) }) {
                items.append(PickerItem(id: typed, title: typed, detail: "new owner"))
            }
            return items
        }) { item, state in
            let deals = dealIDs.compactMap { state.workspace.deal($0) }.filter { $0.owner != item.id }.map { deal in
                var deal = deal
                deal.owner = item.id
                return AnyRecord.deal(deal)
            }
            guard !deals.isEmpty else {
                state.show("Already \(item.id)'s")
                return []
            }
            state.severalOwners = true
            let effects = Edits.commit(deals, label: "assign \(deals.count == 1 ? "deal" : "\(deals.count) deals") to \(item.id)", &state)
            state.show("\(deals.count == 1 ? "Deal" : "\(deals.count) deals") assigned to \(item.id)", .success)
            return effects
        }
        state.overlays.append(.custom(picker))
    }
}
