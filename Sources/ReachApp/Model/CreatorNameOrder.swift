import ReachCore

/// Every creator in the roster's name order (folded name, then id), with their folded name and roster facts side by
/// side. Kept up to date one creator at a time, so a roster sort by any column starts from it: a stable sort of
/// positions by the column's value leaves ties in name order, reads the facts in order, and neither compares names
/// nor looks a creator up by id (sorting 100,000 names took 0.3 s).
public struct CreatorNameOrder: Sendable {
    public private(set) var ids: [RecordID] = []
    public private(set) var names: [String] = []
    public private(set) var facts: [RosterFacts] = []
    /// Each main handle's sort key (`TextKey`), so a sort by handle reads no handle unless two share sixteen bytes.
    private(set) var handleKeys: [TextKey?] = []

    init() {}

    /// Sorts every creator by folded name, then id.
    init(_ creators: CreatorEntries) {
        let entries = creators.all
        let order = entries.indices.sorted { a, b in
            entries[a].sortName != entries[b].sortName ? entries[a].sortName < entries[b].sortName : entries[a].id < entries[b].id
        }
        ids.reserveCapacity(order.count)
        names.reserveCapacity(order.count)
        facts.reserveCapacity(order.count)
        handleKeys.reserveCapacity(order.count)
        for index in order {
            let entry = entries[index]
            ids.append(entry.id)
            names.append(entry.sortName)
            facts.append(entry.facts)
            handleKeys.append(entry.facts.handle.map { TextKey($0) })
        }
    }

    /// Where the creator `id` named `name` is, or would go.
    func position(_ name: String, _ id: RecordID) -> Int {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle] != name ? names[middle] < name : ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Adds the creator, or moves them from where `previousName` put them (their facts updated either way).
    mutating func put(_ id: RecordID, name: String, previousName: String?, facts creatorFacts: RosterFacts) {
        if previousName == name {
            let at = position(name, id)
            if at < ids.count, ids[at] == id {
                if facts[at].handle != creatorFacts.handle { handleKeys[at] = creatorFacts.handle.map { TextKey($0) } }
                return facts[at] = creatorFacts
            }
        }
        if let previousName { remove(id, name: previousName) }
        let at = position(name, id)
        ids.insert(id, at: at)
        names.insert(name, at: at)
        facts.insert(creatorFacts, at: at)
        handleKeys.insert(creatorFacts.handle.map { TextKey($0) }, at: at)
    }

    /// Every creator's facts anew, where they are (no name changed).
    mutating func replaceFacts(_ creators: CreatorEntries) {
        for position in ids.indices {
            guard let creatorFacts = creators[ids[position]]?.facts else { continue }
            if facts[position].handle != creatorFacts.handle { handleKeys[position] = creatorFacts.handle.map { TextKey($0) } }
            facts[position] = creatorFacts
        }
    }

    mutating func remove(_ id: RecordID, name: String) {
        let at = position(name, id)
        guard at < ids.count, ids[at] == id else { return }
        ids.remove(at: at)
        names.remove(at: at)
        facts.remove(at: at)
        handleKeys.remove(at: at)
    }
}
