import Foundation
import ReachCore

/// The workspace's indexes of creators, made from each creator's `CreatorSummary` alone: the same whether the full
/// creators are in memory or read from their files on demand (a start from the folder index).
struct CreatorIndexes: Sendable {
    /// Every creator's names and facts, in no particular order (a removal moves the last entry into the gap), with
    /// each id's place beside them: three dictionaries by id took 59 MB at 100k creators, their tables a third full
    /// (a Swift dictionary of 100,000 has 262,144 buckets, and a bucket of facts is 150 bytes); the array and one
    /// table of places take 24 MB.
    private(set) var entries = CreatorEntries()
    /// The archived creators: while there are none, a search need not be filtered to hide them.
    private(set) var archived: Set<RecordID> = []
    /// Creators by `DuplicateDetector` key, for the new-creator form's duplicate check.
    private(set) var byDuplicateKey = DuplicateKeyIndex()

    init() {}

    init(reservingCapacity count: Int) {
        entries.reserveCapacity(count)
    }

    /// Adds or replaces a creator; returns their previous folded name (nil: new).
    @discardableResult
    mutating func put(_ summary: CreatorSummary, sortName: String, facts creatorFacts: RosterFacts) -> String? {
        let id = summary.id
        let previous = entries.put(CreatorEntry(id: id, name: summary.displayName, sortName: sortName, facts: creatorFacts))?.sortName
        if creatorFacts.archived { archived.insert(id) } else { archived.remove(id) }
        byDuplicateKey.add(id, keys: summary.duplicateKeys)
        return previous
    }

    /// Removes a creator; returns their folded name (nil: not here).
    mutating func remove(_ id: RecordID) -> String? {
        archived.remove(id)
        return entries.remove(id)?.sortName
    }

    /// Sets a creator's deal facts (last contact, open deals); false when nothing changed.
    mutating func setDealFacts(of id: RecordID, lastContact: Date?, openDeals: Int) -> Bool {
        entries.update(id) { facts in
            guard facts.lastContact != lastContact || facts.openDeals != openDeals else { return false }
            facts.lastContact = lastContact
            facts.openDeals = openDeals
            return true
        } ?? false
    }
}
