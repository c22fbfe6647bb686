import Foundation
import ReachCore
import Testing
@testable import ReachApp

/// `DealRows` against a dictionary: through random new rows, replacements and removals (each moving the last row
/// into its gap), every id is found with its latest row at a place that holds it, no removed id is found, and
/// `all` holds exactly the rows.
@Suite struct DealRowsTests {
    @Test func everyRowIsFoundAtItsPlaceThroughPutsAndRemovals() {
        var random = SeededRandom(seed: 7)
        var rows = DealRows(reservingCapacity: 100) // grows past it
        var expected: [RecordID: DealRow] = [:]
        var gone: [RecordID] = []
        let creator = RecordID.generate(at: Date(timeIntervalSince1970: 0), using: &random)
        func row(_ id: RecordID, _ step: Int) -> DealRow {
            DealRow(id: id, influencerID: creator, campaignID: creator, owner: step % 3 == 0 ? nil : "Owner \(step % 5)",
                    archived: false, stage: .prospect, stageSince: Date(timeIntervalSince1970: Double(step)), nextAction: nil,
                    agreedFee: nil, lastContact: nil, entries: [], paid: [])
        }
        for step in 0..<4_000 {
            let ids = Array(expected.keys)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !ids.isEmpty:
                let id = ids.randomElement(using: &random)!
                let place = rows.place(of: id)!
                let moving = rows[place: rows.count - 1].id
                rows.remove(at: place)
                expected[id] = nil
                gone.append(id)
                if moving != id { #expect(rows.place(of: moving) == place, "step \(step)") }
            case 1 where !ids.isEmpty:
                let id = ids.randomElement(using: &random)!
                let place = rows.place(of: id)
                let (previous, at) = rows.put(row(id, step))
                #expect(previous == expected[id] && at == place, "step \(step)")
                expected[id] = row(id, step)
            default:
                let id = RecordID.generate(at: Date(timeIntervalSince1970: Double(step)), using: &random)
                let (previous, at) = rows.put(row(id, step))
                #expect(previous == nil && at == rows.count - 1, "step \(step)")
                expected[id] = row(id, step)
            }
            if step % 250 == 0 || step == 3_999 {
                #expect(rows.count == expected.count)
                #expect(Dictionary(uniqueKeysWithValues: rows.all.map { ($0.id, $0) }) == expected, "step \(step)")
                for (id, value) in expected {
                    #expect(rows[id] == value && rows.owner(of: id) == value.owner, "step \(step)")
                    #expect(rows.place(of: id).map { rows[place: $0].id } == id, "step \(step)")
                }
                for id in gone.suffix(100) { #expect(rows[id] == nil, "step \(step)") }
            }
        }
    }
}
