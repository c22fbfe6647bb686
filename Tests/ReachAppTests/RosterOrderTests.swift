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

    /// The full sort by handle, both ways, against sorting every creator with the binary search's comparator.
    static func expectTheHandleSortAgreesWithTheComparator(_ state: AppState, _ context: String = "",
                                                           sourceLocation: SourceLocation = #_sourceLocation) {
        for ascending in [true, false] {
            let order = RosterOrder(column: .handle, ascending: ascending)
            let reference = state.workspace.creatorsByName.ids.sorted { a, b in
                guard let x = order.key(a, state), let y = order.key(b, state) else { return false }
                return order.less(x, y)
            }
            #expect(order.sorted(state) == reference, "\(context) ascending: \(ascending)", sourceLocation: sourceLocation)
        }
    }

    /// Sorted A→Z by name, the roster shares the workspace's name order, and still does after an edit: re-placing
    /// the creator in its own copy kept a second copy of every creator's facts (13 MB at 100k) for good.
    @Test func theNameOrderStaysSharedAfterAnEdit() throws {
        var state = AppState(workspace: Workspace(influencers: Fx.influencers), now: Fx.now, timeZone: Fx.utc)
        RosterPane.refreshRows(&state)
        var creator = try #require(state.workspace.influencer(Fx.liga))
        creator.displayName = "Zz Last Now"
        creator.country = "GE"
        state.workspace.put(.influencer(creator))
        state.recordChanged(.influencer(creator))
        let ordered = try #require(state.roster.ordered)
        let byName = state.workspace.creatorsByName
        // Last but one: "田中さくら" folds after "zz".
        #expect(ordered.ids == byName.ids && ordered.ids.dropLast().last == Fx.liga)
        #expect(ordered.facts.dropLast().last?.country == "GE")
        #expect(ordered.facts.withUnsafeBufferPointer(\.baseAddress) == byName.facts.withUnsafeBufferPointer(\.baseAddress))
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

    /// A text column's full sort (16-byte keys for ASCII texts) is `String`'s order, as the binary search's
    /// comparator has it: handles sharing their first eight bytes, or 32, one a prefix of another, upper and lower
    /// case, accents precomposed and combining (equal as `String`s), CJK, empty, repeated, and missing.
    @Test func aTextColumnSortsAsStringsCompare() {
        let handles: [String?] = ["creator.one", "creator.onex", "creator.on", "Creator.one", "créator", "cre\u{301}ator",
                                  "e\u{301}", "é", "f", "桜.travel", "", "creator.one", nil, "zz", "creator.ona", "a",
                                  "these.handles.agree.on.32.bytes.b", "these.handles.agree.on.32.bytes.a.z",
                                  "these.handles.agree.on.32.bytes", "these.handles.agree.on.32.bytes.a"]
        let creators = handles.enumerated().map { n, handle in
            Influencer(id: Fx.id(100 + n), createdAt: Fx.days(-30), displayName: "Same Name",
                       accounts: handle.map { [Fx.account(.instagram, $0, 1_000, er: 1)] } ?? [])
        }
        Self.expectTheHandleSortAgreesWithTheComparator(AppState(workspace: Workspace(influencers: creators), now: Fx.now, timeZone: Fx.utc))
    }

    /// The radix sort over the first eight bytes, the runs that share them and the merge of other texts, against
    /// the comparator on 3,000 handles drawn from few pieces (so many share eight bytes, many repeat), with
    /// accents, emoji, Georgian and missing handles. The pieces are in NFC: `String` does not order every other
    /// pair ("..e\u{301}" and "..é." are neither equal nor one before the other), so no order is the reference's.
    @Test func aTextColumnSortsAsStringsCompareOnRandomHandles() {
        var random = SeededRandom(seed: 18)
        let pieces = ["a", "ab", "creator", ".", "_", "K", "k", "é", "0", "Z", "🌿", "ლ"]
        let creators = (0..<3_000).map { n in
            let handle = random.chance(0.05) ? nil : (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(pieces) }.joined()
            return Influencer(id: Fx.id(1_000 + n), createdAt: Fx.days(-30), displayName: random.pick(["Ann", "Bo", "Cy"]),
                              accounts: handle.map { [Fx.account(.instagram, $0, 1_000, er: 1)] } ?? [])
        }
        Self.expectTheHandleSortAgreesWithTheComparator(AppState(workspace: Workspace(influencers: creators), now: Fx.now, timeZone: Fx.utc))
    }

    /// The handles' keys the name order keeps follow every change: a creator renamed, a handle changed (the name
    /// kept), one removed, one added; after each, the sort by handle agrees with the comparator.
    @Test func theKeptHandleKeysFollowEveryChange() throws {
        var random = SeededRandom(seed: 15)
        let handles = ["anna.kalnina", "anna.kalnina1", "anna.kalnina12345678", "b", "ბექა", "zz", "Anna"]
        func creator(_ n: Int) -> Influencer {
            Influencer(id: Fx.id(2_000 + n), createdAt: Fx.days(-30), displayName: random.pick(["Ann", "Bo", "Cy"]),
                       accounts: random.chance(0.1) ? [] : [Fx.account(.instagram, random.pick(handles) + random.pick(["", "1", "2"]), 1_000, er: 1)])
        }
        var workspace = Workspace(influencers: (0..<200).map(creator))
        workspace.buildRosterIndexes()
        var next = 200
        for step in 0..<60 {
            let ids = workspace.creatorsByName.ids
            switch step % 4 {
            case 0: // another handle, the same name
                var edited = try #require(workspace.influencer(random.pick(ids)))
                edited.accounts = [Fx.account(.instagram, random.pick(handles), 1_000, er: 1)]
                workspace.put(.influencer(edited))
            case 1: // another name
                var edited = try #require(workspace.influencer(random.pick(ids)))
                edited.displayName = random.pick(["Dee", "Al", "Cy"])
                workspace.put(.influencer(edited))
            case 2: workspace.remove(.influencer, random.pick(ids))
            default:
                workspace.put(.influencer(creator(next)))
                next += 1
            }
            Self.expectTheHandleSortAgreesWithTheComparator(AppState(workspace: workspace, now: Fx.now, timeZone: Fx.utc), "step \(step)")
        }
    }

    /// A number's key orders as the number does, either way, equal numbers (0 and -0 too) alike, a missing one last.
    @Test func numberKeysOrderAsTheNumbers() {
        var random = SeededRandom(seed: 12)
        let edges: [Double?] = [nil, 0, -0.0, 1, -1, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
                                -.leastNonzeroMagnitude, .infinity, -.infinity, 1e-300, -1e300, 683_000_000, -978_307_200]
        let values = edges + (0..<300).map { _ in Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 7 }
        for ascending in [true, false] {
            for a in values {
                for b in values {
                    let (x, y) = (RosterOrder.key(of: a, ascending: ascending), RosterOrder.key(of: b, ascending: ascending))
                    switch (a, b) {
                    case let (a?, b?): #expect((x < y) == (ascending ? a < b : a > b) && (x == y) == (a == b), "\(a) \(b)")
                    case (nil, nil): #expect(x == y)
                    case (nil, _): #expect(x > y, "\(String(describing: b))")
                    case (_, nil): #expect(x < y, "\(String(describing: a))")
                    }
                }
            }
        }
    }

    /// The radix order is a stable sort by key: keys with many ties and every digit in use.
    @Test func radixOrderIsAStableSortByKey() {
        var random = SeededRandom(seed: 13)
        for count in [0, 1, 2, 1_000, 70_000] {
            let keys = (0..<count).map { _ in
                random.next() % 3 == 0 ? UInt64(random.next() % 50) : random.next() >> (random.next() % 64)
            }
            let expected = Array(keys.indices).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            #expect(RadixOrder.positions(by: keys) == expected, "\(count) keys")
        }
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
