import ReachCore
import TerminalUI

/// `F`: the roster filter as a form (platform, tier, niche, country, tag, vetting, relationship, do-not-contact),
/// optionally saved under a name for the command palette.
enum RosterFilterForm {
    /// Field keys, shared by the form and the code reading it back, so a label can be reworded without breaking either.
    enum Key {
        static let platform = "filter.platform"
        static let tier = "filter.tier"
        static let niches = "filter.niches"
        static let countries = "filter.countries"
        static let tags = "filter.tags"
        static let vetting = "filter.vetting"
        static let relationship = "filter.relationship"
        static let doNotContact = "filter.doNotContact"
        static let archived = "filter.archived"
        static let saveAs = "filter.saveAs"
    }

    static let any = "Any"
    static let dncChoices = [any, "Only do-not-contact", "Hide do-not-contact"]

    static func fields(_ filter: RosterFilter) -> [FormField] {
        func list(_ values: [String]) -> String { values.joined(separator: ", ") }
        let dnc = switch filter.doNotContact {
        case true?: dncChoices[1]
        case false?: dncChoices[2]
        case nil: any
        }
        return [
            FormField("Platform", key: Key.platform, kind: .choice([any] + Platform.known.map(\.displayName)),
                      value: filter.platforms.sorted().first?.displayName ?? any),
            FormField("Tier", key: Key.tier, kind: .choice([any] + Tier.allCases.map(\.displayName)),
                      value: filter.tiers.sorted().first?.displayName ?? any),
            FormField("Niches", key: Key.niches, value: list(filter.niches.sorted().map(\.rawValue))),
            FormField("Countries", key: Key.countries, value: list(filter.countries.sorted())),
            FormField("Tags", key: Key.tags, value: list(filter.tags.sorted())),
            FormField("Vetting", key: Key.vetting, kind: .choice([any] + VettingVerdict.allCases.map(\.displayName)),
                      value: VettingVerdict.allCases.first(where: filter.verdicts.contains)?.displayName ?? any),
            FormField("Relationship", key: Key.relationship, kind: .choice([any] + RelationshipStatus.allCases.map(\.displayName)),
                      value: RelationshipStatus.allCases.first(where: filter.relationships.contains)?.displayName ?? any),
            FormField("Do not contact", key: Key.doNotContact, kind: .choice(dncChoices), value: dnc),
            FormField("Show archived", key: Key.archived, kind: .toggle, value: filter.includeArchived ? "true" : "false"),
            FormField("Save as", key: Key.saveAs),
        ]
    }

    /// The filter the values describe.
    static func filter(from values: [String: String]) -> RosterFilter {
        func list(_ key: String) -> [String] {
            (values[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var filter = RosterFilter()
        if let p = Platform.known.first(where: { $0.displayName == values[Key.platform] }) { filter.platforms = [p] }
        if let t = Tier.allCases.first(where: { $0.displayName == values[Key.tier] }) { filter.tiers = [t] }
        filter.niches = Set(list(Key.niches).map(Niche.init(rawValue:)))
        filter.countries = Set(list(Key.countries).map { $0.uppercased() })
        filter.tags = Set(list(Key.tags))
        if let v = VettingVerdict.allCases.first(where: { $0.displayName == values[Key.vetting] }) { filter.verdicts = [v] }
        if let r = RelationshipStatus.allCases.first(where: { $0.displayName == values[Key.relationship] }) {
            filter.relationships = [r]
        }
        switch values[Key.doNotContact] {
        case dncChoices[1]: filter.doNotContact = true
        case dncChoices[2]: filter.doNotContact = false
        default: filter.doNotContact = nil
        }
        filter.includeArchived = values[Key.archived] == "true"
        return filter
    }

    static func open(_ state: inout AppState) {
        let form = FormState(fields: fields(state.roster.filter))
        state.overlays.append(.form(FormOverlay(title: "Filter the roster", form: form) { form, state in
            let values = form.values
            RosterPane.apply(filter(from: values), &state)
            let name = (values[Key.saveAs] ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return .close([]) }
            return .close(save(name: name, state.roster.filter, &state))
        }))
    }

    /// Stores `filter` under `name` in `reach.json` (replacing one of the same name).
    static func save(name: String, _ filter: RosterFilter, _ state: inout AppState) -> [Effect] {
        let saved = SavedRosterFilter(name: name, filter: filter)
        return [.updateSettings { settings in
            settings.savedRosterFilters.removeAll { $0.name == name }
            settings.savedRosterFilters.append(saved)
            settings.savedRosterFilters.sort { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        }]
    }

    /// Palette entries: filter, clear, save, and one per saved filter (recall and forget).
    static func commands(_ state: AppState) -> [PaletteCommand] {
        var commands = [
            PaletteCommand("Filter the roster…", key: "F") { state in
                GlobalKeys.switchTab(.roster, &state)
                open(&state)
                return []
            },
            PaletteCommand("Clear roster filter", key: "x") { state in
                RosterPane.apply(RosterFilter(), &state)
                return []
            },
            PaletteCommand("Save roster filter as…") { state in
                let filter = state.roster.filter
                state.overlays.append(.prompt(PromptOverlay(title: "Save roster filter", label: "Name") { name, state in
                    let trimmed = name.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty else { return .invalid("Enter a name for the filter.") }
                    return .close(save(name: trimmed, filter, &state))
                }))
                return []
            },
        ]
        for saved in state.workspace.settings.savedRosterFilters {
            commands.append(PaletteCommand("Roster filter: \(saved.name)") { state in
                GlobalKeys.switchTab(.roster, &state)
                RosterPane.apply(saved.filter, &state)
                return []
            })
            commands.append(PaletteCommand("Forget roster filter: \(saved.name)") { state in
                let name = saved.name
                return [.updateSettings { $0.savedRosterFilters.removeAll { $0.name == name } }]
            })
        }
        return commands
    }
}
