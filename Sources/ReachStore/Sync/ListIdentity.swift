/// How the elements of a JSON list are told apart, so two replicas' edits to a list merge item by item
/// instead of the whole list clashing.
enum ListIdentity: Equatable {
    /// Objects named by these members together (`["id"]`, `["at", "to"]`).
    case members([String])
    /// Strings, numbers or booleans that are their own identity: the list is a set (tags, languages, countries).
    case scalar

    /// Lists whose objects carry no `id`, by the name of the member that holds the list. A rule only applies
    /// when every element of every version has these members, so a list of the same name elsewhere that does
    /// not fit simply merges as one value.
    static let keysByListName: [String: [String]] = [
        "stageHistory": ["at", "to"],  // a deal's stage moves
        "snapshots": ["asOf", "source"],  // an account's dated metrics
        "checklist": ["check"],  // a creator's vetting checklist
        "stages": ["key"], "sideExits": ["key"],  // reach.json pipeline
        "teamMembers": ["login"],  // reach.json team
        "rates": ["from", "to", "asOf"],  // reach.json currency rates: one quote per pair and day
        "topCountries": ["key"], "ageBands": ["key"],  // a creator's audience shares
        "entries": ["platform", "contentType"],  // a creator's rate card
    ]

    /// The rule for a list named `name` (nil for a list inside a list), given every version of it: `id` when
    /// every element has one, else the named keys, else scalar. Nil when no rule tells every element of each
    /// version apart (mixed kinds, an item missing its key, two items with one identity): the list then merges
    /// as one value.
    static func rule(forListNamed name: String?, versions: [[JSONValue]]) -> ListIdentity? {
        let candidates: [ListIdentity] = [.members(["id"])] + (name.flatMap { keysByListName[$0] }.map { [.members($0)] } ?? []) + [.scalar]
        return candidates.first { rule in versions.allSatisfy(rule.identifiesEachElement) }
    }

    /// The element's identity: the key members as an object, or the scalar itself; nil when it has none.
    func identity(of element: JSONValue) -> JSONValue? {
        switch (self, element) {
        case (.members(let keys), .object(let members)):
            var identity: [String: JSONValue] = [:]
            for key in keys {
                guard let value = members[key], value != .null else { return nil }
                identity[key] = value
            }
            return .object(identity)
        case (.scalar, .string), (.scalar, .number), (.scalar, .bool):
            return element
        default:
            return nil
        }
    }

    private func identifiesEachElement(_ elements: [JSONValue]) -> Bool {
        var seen = Set<JSONValue>()
        return elements.allSatisfy { element in identity(of: element).map { seen.insert($0).inserted } ?? false }
    }
}
