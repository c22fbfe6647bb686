import Foundation
import ReachCore

/// The workspace's indexes of creators, made from each creator's `CreatorSummary` alone: the same whether the full
/// creators are in memory or read from their files on demand (a start from the folder index).
struct CreatorIndexes: Sendable {
    /// Every creator's names and facts, in name order once ordered, with each id's place beside them: three
    /// dictionaries by id took 59 MB at 100k creators, their tables a third full (a Swift dictionary of 100,000 has
    /// 262,144 buckets, and a bucket of facts is 150 bytes); the columns and one table of places take 22 MB.
    private(set) var entries = CreatorEntries()
    /// The archived creators: while there are none, a search need not be filtered to hide them.
    private(set) var archived: Set<RecordID> = []
    /// Creators by `DuplicateDetector` key, for the new-creator form's duplicate check.
    private(set) var byDuplicateKey = DuplicateKeyIndex()

    init() {}

    /// Empty, with room for `count` creators put in no order until `orderByName()`.
    init(unorderedCapacity count: Int) {
        entries = CreatorEntries(unorderedCapacity: count)
        byDuplicateKey = DuplicateKeyIndex(filling: true)
    }

    /// Puts the creators in name order, and keeps them so (see `CreatorEntries`); sorts the duplicate keys a start
    /// added.
    mutating func orderByName() {
        if !entries.isInNameOrder { entries.orderByName() }
        byDuplicateKey.endFilling()
    }

    /// Adds creators at the end until the next `orderByName()`: many added one by one in order would move the
    /// columns each time.
    mutating func appendUnordered() {
        entries.appendUnordered()
    }

    /// Adds or replaces a creator.
    mutating func put(_ summary: CreatorSummary, facts creatorFacts: RosterFacts) {
        let id = summary.id
        entries.put(CreatorEntry(id: id, name: summary.displayName, sortName: summary.searchKeys.foldedName, facts: creatorFacts))
        if creatorFacts.archived { archived.insert(id) } else { archived.remove(id) }
        byDuplicateKey.add(id, keys: summary.duplicateKeys)
    }

    /// Removes a creator; returns whether they were here.
    mutating func remove(_ id: RecordID) -> Bool {
        archived.remove(id)
        return entries.remove(id) != nil
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
