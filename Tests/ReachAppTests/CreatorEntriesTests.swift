import Foundation
import Testing
@testable import ReachApp
@testable import ReachCore

/// `CreatorEntries` keeps every creator once, in name order once ordered (the roster's name order is its columns), and
/// finds each by id through a `PlaceTable` whose places move with every insertion and removal.
@Suite("Creator entries")
struct CreatorEntriesTests {
    /// After any mix of new creators, renames, fact changes and removals (before and after ordering, with names that
    /// fold alike), every id is found with its latest entry, and once ordered the ids are in (folded name, id) order.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func entriesMatchADictionaryAndStayInNameOrder(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var entries = CreatorEntries(unorderedCapacity: 100)
        var reference: [RecordID: CreatorEntry] = [:]
        let names = ["anna", "ola", "ōla", "zoe", "ნინო", "佐藤", "b", "a"]
        let facts = Fx.influencers.map(RosterFacts.init)
        func check(_ step: Int) {
            #expect(entries.count == reference.count, "step \(step)")
            for (id, entry) in reference { #expect(entries[id] == entry, "step \(step)") }
            #expect(Set(entries.ids) == Set(reference.keys), "step \(step)")
            let byName = entries.inNameOrder
            let expected = reference.values.sorted { ($0.sortName, $0.id) < ($1.sortName, $1.id) }
            #expect(byName.ids == expected.map(\.id), "step \(step)")
            #expect(byName.names == expected.map(\.sortName), "step \(step)")
            #expect(byName.facts == expected.map(\.facts), "step \(step)")
            #expect(byName.handleKeys == expected.map { $0.facts.handle.map { TextKey($0) } }, "step \(step)")
            if entries.isInNameOrder {
                #expect(entries.ids == byName.ids, "step \(step): the columns are the name order")
                #expect(entries.inNameOrder.facts.withUnsafeBufferPointer(\.baseAddress) == byName.facts.withUnsafeBufferPointer(\.baseAddress),
                        "step \(step): shared, not copied")
            }
        }
        for step in 1...1_500 {
            if step == 300 { entries.orderByName() }
            if step == 900 { entries.appendUnordered() }
            if step == 1_100 { entries.orderByName() }
            let existing = reference.keys.sorted()
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !existing.isEmpty:
                let id = existing.randomElement(using: &random)!
                #expect(entries.remove(id) == reference.removeValue(forKey: id), "step \(step)")
            case 1 where !existing.isEmpty:
                let id = existing.randomElement(using: &random)!
                let entry = CreatorEntry(id: id, name: "Renamed \(step)", sortName: names.randomElement(using: &random)!,
                                         facts: facts.randomElement(using: &random)!)
                #expect(entries.put(entry) == reference.updateValue(entry, forKey: id), "step \(step)")
            case 2 where !existing.isEmpty:
                let id = existing.randomElement(using: &random)!
                let deals = step
                entries.update(id) { $0.openDeals = deals }
                reference[id]?.facts.openDeals = deals
            default:
                let id = RecordID.generate(at: Date(timeIntervalSince1970: Double(step)), using: &random)
                let entry = CreatorEntry(id: id, name: "New \(step)", sortName: names.randomElement(using: &random)!,
                                         facts: facts.randomElement(using: &random)!)
                #expect(entries.put(entry) == nil, "step \(step)")
                reference[id] = entry
            }
            if step % 50 == 0 || step < 40 { check(step) }
        }
        check(0)
    }

    /// The table alone, through growth and removals that move later slots back: every id in the column is found at
    /// its place, and none that left is.
    @Test func placeTableFindsEveryPlaceThroughInsertionsAndRemovals() {
        var random = SeededRandom(seed: 5)
        var ids: [RecordID] = []
        var table = PlaceTable()
        var gone: [RecordID] = []
        for step in 0..<6_000 {
            if !ids.isEmpty, Int.random(in: 0..<3, using: &random) == 0 {
                let place = Int.random(in: 0..<ids.count, using: &random)
                table.remove(ids[place], in: ids)
                gone.append(ids.remove(at: place))
                if place < ids.count { table.shiftPlaces(from: place + 1, by: -1) }
            } else {
                let place = Int.random(in: 0...ids.count, using: &random)
                let id = RecordID.generate(at: Date(timeIntervalSince1970: Double(step)), using: &random)
                ids.insert(id, at: place)
                if place < ids.count - 1 { table.shiftPlaces(from: place, by: 1) }
                table.insert(place, for: id, in: ids)
            }
            if step % 500 == 0 || step == 5_999 {
                #expect(table.count == ids.count)
                for (place, id) in ids.enumerated() { #expect(table.place(of: id, in: ids) == place, "step \(step)") }
                for id in gone.suffix(200) { #expect(table.place(of: id, in: ids) == nil, "step \(step)") }
            }
        }
    }
}
