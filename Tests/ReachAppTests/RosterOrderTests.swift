import Foundation
import ReachCore
import Testing
@testable import ReachApp

/// The roster's one sort order: missing values last in either direction, ties by folded name then id, and the
/// binary search that re-places an edited creator agreeing with a full sort.
@Suite struct RosterOrderTests {
    /// Fx's five creators plus three without accounts (so without followers) whose names fold to the same text.
    static let state: AppState = {
        let twins = [(6, "Ļoti Labs"), (8, "Loti Labs"), (7, "loti labs")].map { n, name in
            Influencer(id: Fx.id(n), createdAt: Fx.days(-30), displayName: name)
        }
        return AppState(workspace: Workspace(influencers: Fx.influencers + twins), now: Fx.now, timeZone: Fx.utc)
    }()

    static func sorted(_ column: RosterColumn, ascending: Bool) -> [RecordID] {
        RosterOrder(column: column, ascending: ascending).sorted(state)
    }

    @Test func missingValuesGoLastInEitherDirection() {
        let missing = [Fx.id(6), Fx.id(7), Fx.id(8)]
        #expect(Self.sorted(.followers, ascending: false) == [Fx.nino, Fx.sakura, Fx.liga, Fx.dilnoza, Fx.ola] + missing)
        #expect(Self.sorted(.followers, ascending: true) == [Fx.ola, Fx.dilnoza, Fx.liga, Fx.sakura, Fx.nino] + missing)
    }

    @Test func namesCompareFoldedAndTiesBreakByID() {
        #expect(Self.sorted(.name, ascending: true)
            == [Fx.dilnoza, Fx.liga, Fx.id(6), Fx.id(7), Fx.id(8), Fx.nino, Fx.ola, Fx.sakura])
    }

    @Test(arguments: RosterColumn.allCases)
    func insertionIndexAgreesWithTheFullSort(_ column: RosterColumn) throws {
        for ascending in [true, false] {
            let order = RosterOrder(column: column, ascending: ascending)
            let ids = Self.sorted(column, ascending: ascending)
            for (position, id) in ids.enumerated() {
                var rest = ids
                rest.remove(at: position)
                #expect(order.insertionIndex(of: id, in: rest, Self.state) == position, "\(column) \(ascending) \(id)")
            }
        }
    }
}
