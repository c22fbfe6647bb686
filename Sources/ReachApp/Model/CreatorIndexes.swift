import Foundation
import ReachCore

/// The workspace's indexes of creators, made from each creator's `CreatorSummary` alone: the same whether the full
/// creators are in memory or read from their files on demand (a start from the folder index).
struct CreatorIndexes: Sendable {
    /// Display names, which lists of deals show beside each deal.
    private(set) var names: [RecordID: String] = [:]
    /// Folded display names (`TextFolding.fold`), the tie-breaker of every roster sort; folding is too slow to redo
    /// per sort.
    private(set) var sortNames: [RecordID: String] = [:]
    /// What the roster filter and sorts read of each creator (the deal facts filled in by the workspace).
    private(set) var facts: [RecordID: RosterFacts] = [:]
    /// The archived creators: while there are none, a search need not be filtered to hide them.
    private(set) var archived: Set<RecordID> = []
    /// Creator ids by `DuplicateDetector` key, so the new-creator form's duplicate check reads no other creator.
    private(set) var byDuplicateKey: [String: [RecordID]] = [:]
    /// Each creator's duplicate keys, so a change or removal needs only the id.
    private var duplicateKeys: [RecordID: [String]] = [:]

    init() {}

    init(reservingCapacity count: Int) {
        names.reserveCapacity(count)
        sortNames.reserveCapacity(count)
        facts.reserveCapacity(count)
        byDuplicateKey.reserveCapacity(count)
    }

    /// Adds or replaces a creator; returns their previous folded name (nil: new).
    @discardableResult
    mutating func put(_ summary: CreatorSummary, sortName: String, facts creatorFacts: RosterFacts) -> String? {
        let id = summary.id
        let previous = sortNames.updateValue(sortName, forKey: id)
        names[id] = summary.displayName
        facts[id] = creatorFacts
        if creatorFacts.archived { archived.insert(id) } else { archived.remove(id) }
        if duplicateKeys[id] != summary.duplicateKeys {
            forgetDuplicateKeys(of: id)
            if !summary.duplicateKeys.isEmpty {
                duplicateKeys[id] = summary.duplicateKeys
                for key in summary.duplicateKeys { byDuplicateKey[key, default: []].append(id) }
            }
        }
        return previous
    }

    /// Removes a creator; returns their folded name (nil: not here).
    mutating func remove(_ id: RecordID) -> String? {
        names[id] = nil
        facts[id] = nil
        archived.remove(id)
        forgetDuplicateKeys(of: id)
        return sortNames.removeValue(forKey: id)
    }

    /// Sets a creator's deal facts (last contact, open deals); false when nothing changed.
    mutating func setDealFacts(of id: RecordID, lastContact: Date?, openDeals: Int) -> Bool {
        guard let current = facts[id], current.lastContact != lastContact || current.openDeals != openDeals else { return false }
        facts[id]?.lastContact = lastContact
        facts[id]?.openDeals = openDeals
        return true
    }

    private mutating func forgetDuplicateKeys(of id: RecordID) {
        for key in duplicateKeys.removeValue(forKey: id) ?? [] {
            byDuplicateKey[key]?.removeAll { $0 == id }
            if byDuplicateKey[key]?.isEmpty == true { byDuplicateKey[key] = nil }
        }
    }
}
