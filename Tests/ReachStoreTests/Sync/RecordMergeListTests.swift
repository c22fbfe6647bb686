import Testing
@testable import ReachStore

/// Lists: unions by identity with a merge inside each item, sets of scalars, order, and whole-value fallback.
@Suite struct RecordMergeListTests {
    func activity(_ id: String, _ summary: String, at: String = "2026-08-13T10:41:47Z") -> JSONValue {
        ["id": .string(id), "at": .string(at), "channel": "email", "summary": .string(summary)]
    }

    func deal(_ activities: [JSONValue], _ extra: [String: JSONValue] = [:]) -> JSONValue {
        .object(["id": "01K75JB2DRTGKPXPVBMC4K1NVD", "revision": 3, "activities": .array(activities)].merging(extra) { $1 })
    }

    func merge(_ base: JSONValue?, _ ours: JSONValue, _ theirs: JSONValue) -> (merged: JSONValue, clashes: [FieldClash]) {
        RecordMerge.merge(base: base, ours: ours, theirs: theirs)
    }

    @Test func itemsAddedOnBothSidesAreUnitedAfterTheirPredecessors() {
        let a = activity("A", "Ģirts Ķēniņš replied"), b = activity("B", "ნინო sent the media kit")
        let ours = deal([a, activity("O", "さくら agreed"), b])
        let theirs = deal([a, b, activity("T1", "🧵👩🏽‍💻 draft in"), activity("T2", "posted")])
        let (merged, clashes) = merge(deal([a, b]), ours, theirs)
        #expect(clashes.isEmpty)
        #expect(merged["activities"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["A", "O", "B", "T1", "T2"])
    }

    @Test func bothSidesAppendingGivesOursThenTheirs() {
        let a = activity("A", "a")
        let (merged, _) = merge(deal([a]), deal([a, activity("O1", "o1"), activity("O2", "o2")]), deal([a, activity("T1", "t1")]))
        #expect(merged["activities"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["A", "O1", "O2", "T1"])
    }

    @Test func anItemInsertedFirstOnTheirSideStaysFirst() {
        let a = activity("A", "a"), b = activity("B", "b")
        let (merged, _) = merge(deal([a, b]), deal([a, b, activity("O", "o")]), deal([activity("T", "t"), a, b]))
        #expect(merged["activities"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["T", "A", "B", "O"])
    }

    @Test func oneItemEditedOnBothSidesMergesInside() {
        let offer: JSONValue = ["id": "F1", "amount": ["amount": "2100", "currency": "USD"], "by": "us", "note": "Opening offer"]
        let base: JSONValue = ["offers": [offer], "revision": 1]
        let ours: JSONValue = ["offers": [["id": "F1", "amount": ["amount": "2400", "currency": "USD"], "by": "us", "note": "Opening offer"]], "revision": 2]
        let theirs: JSONValue = ["offers": [["id": "F1", "amount": ["amount": "2100", "currency": "USD"], "by": "us", "note": "さくら: final 🧵"]], "revision": 2]
        let (merged, clashes) = merge(base, ours, theirs)
        #expect(clashes.isEmpty)
        #expect(merged["offers"] == [["id": "F1", "amount": ["amount": "2400", "currency": "USD"], "by": "us", "note": "さくら: final 🧵"]])
    }

    @Test func aClashInsideAnItemNamesTheItem() {
        let base: JSONValue = ["offers": [["id": "F1", "amount": ["amount": "2100", "currency": "USD"]]]]
        let ours: JSONValue = ["offers": [["id": "F1", "amount": ["amount": "2400", "currency": "USD"]]]]
        let theirs: JSONValue = ["offers": [["id": "F1", "amount": ["amount": "2600", "currency": "USD"]]]]
        let (merged, clashes) = merge(base, ours, theirs)
        #expect(merged == ours)
        let path: [MergePathComponent] = [.member("offers"), .item(identity: ["id": "F1"]), .member("amount"), .member("amount")]
        #expect(clashes == [FieldClash(path: path, ours: "2400", theirs: "2600")])
        #expect(clashes.first?.field == "offers[F1].amount.amount")
    }

    @Test func anItemDeletedOnOneSideAndUntouchedOnTheOtherIsDeleted() {
        let a = activity("A", "a"), b = activity("B", "Ģirts"), c = activity("C", "c")
        let (merged, clashes) = merge(deal([a, b, c]), deal([a, c]), deal([a, b, c, activity("D", "d")]))
        #expect(clashes.isEmpty)
        #expect(merged["activities"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["A", "C", "D"])
    }

    @Test func anItemDeletedOnOneSideAndEditedOnTheOtherIsKeptWithAClash() {
        let a = activity("A", "a"), b = activity("B", "ნინო")
        let edited = activity("B", "ნინო — call moved to Friday")
        let (merged, clashes) = merge(deal([a, b]), deal([a]), deal([a, edited]))
        #expect(merged["activities"] == [a, edited])
        #expect(clashes == [FieldClash(path: [.member("activities"), .item(identity: ["id": "B"])], ours: nil, theirs: edited, kept: .theirs)])

        let (mirrored, mirroredClashes) = merge(deal([a, b]), deal([a, edited]), deal([a]))
        #expect(mirrored["activities"] == [a, edited])
        #expect(mirroredClashes == [FieldClash(path: [.member("activities"), .item(identity: ["id": "B"])], ours: edited, theirs: nil, kept: .ours)])
    }

    @Test func itemsDeletedOnBothSidesAreGone() {
        let a = activity("A", "a"), b = activity("B", "b")
        let (merged, clashes) = merge(deal([a, b]), deal([a, activity("O", "o")]), deal([a]))
        #expect(clashes.isEmpty)
        #expect(merged["activities"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["A", "O"])
    }

    @Test func snapshotsInsideAnAccountMergeByDateAndSource() {
        func snapshot(_ asOf: String, followers: Int, source: String = "manual") -> JSONValue {
            ["asOf": .string(asOf), "followers": .int(followers), "source": .string(source)]
        }
        func creator(_ snapshots: [JSONValue], handle: String = "sakura.tokyo") -> JSONValue {
            ["accounts": [["id": "ACC1", "handle": .string(handle), "platform": "instagram", "snapshots": .array(snapshots)]]]
        }
        let june = snapshot("2026-06-16T10:14:30Z", followers: 22254)
        let base = creator([june])
        let ours = creator([snapshot("2026-06-16T10:14:30Z", followers: 22300), snapshot("2026-08-11T10:14:30Z", followers: 27148)])
        let theirs = creator([snapshot("2026-06-16T10:14:30Z", followers: 22500), snapshot("2026-08-11T10:14:30Z", followers: 27000, source: "api")],
                             handle: "さくら")
        let (merged, clashes) = merge(base, ours, theirs)
        let account = merged["accounts"]?.arrayValue?.first
        #expect(account?["handle"] == "さくら")
        #expect(account?["snapshots"]?.arrayValue?.count == 3)
        let path: [MergePathComponent] = [.member("accounts"), .item(identity: ["id": "ACC1"]), .member("snapshots"),
                                          .item(identity: ["asOf": "2026-06-16T10:14:30Z", "source": "manual"]), .member("followers")]
        #expect(clashes == [FieldClash(path: path, ours: 22300, theirs: 22500)])
        #expect(clashes.first?.field == "accounts[ACC1].snapshots[2026-06-16T10:14:30Z, manual].followers")
    }

    @Test func stageHistoryChecklistStagesTeamAndRatesHaveNamedIdentities() {
        let base: JSONValue = [
            "stageHistory": [["at": "2026-08-03T04:41:09Z", "to": "vetting"]],
            "checklist": [["check": "audienceFit", "result": "unknown"], ["check": "brandSafety", "result": "unknown"]],
            "stages": [["key": "prospect", "name": "Prospect"], ["key": "vetting", "name": "Vetting"]],
            "teamMembers": [["login": "marta", "name": "Marta Kalniņa"]],
            "rates": [["from": "EUR", "to": "GEL", "asOf": "2026-10-30T10:14:30Z", "rate": "2.91"]],
        ]
        let ours: JSONValue = [
            "stageHistory": [["at": "2026-08-03T04:41:09Z", "to": "vetting"], ["at": "2026-08-07T13:51:28Z", "to": "shortlisted"]],
            "checklist": [["check": "audienceFit", "result": "pass"], ["check": "brandSafety", "result": "unknown"]],
            "stages": [["key": "prospect", "name": "Prospect"], ["key": "vetting", "name": "Vetting 🧵"]],
            "teamMembers": [["login": "marta", "name": "Marta Kalniņa"], ["login": "aiko", "name": "森 愛子"]],
            "rates": [["from": "EUR", "to": "GEL", "asOf": "2026-10-30T10:14:30Z", "rate": "2.91"],
                      ["from": "EUR", "to": "GEL", "asOf": "2026-12-02T10:14:30Z", "rate": "2.95"]],
        ]
        let theirs: JSONValue = [
            "stageHistory": [["at": "2026-08-03T04:41:09Z", "to": "vetting"], ["at": "2026-08-09T08:00:00Z", "to": "declined", "reason": "ნინო: no budget"]],
            "checklist": [["check": "audienceFit", "result": "unknown"], ["check": "brandSafety", "result": "pass"]],
            "stages": [["key": "prospect", "name": "Prospects"], ["key": "vetting", "name": "Vetting"]],
            "teamMembers": [["login": "marta", "name": "Marta"], ["login": "nino", "name": "ნინო"]],
            "rates": [["from": "EUR", "to": "GEL", "asOf": "2026-10-30T10:14:30Z", "rate": "2.91"],
                      ["from": "EUR", "to": "UZS", "asOf": "2026-12-02T10:14:30Z", "rate": "13650"]],
        ]
        let (merged, clashes) = merge(base, ours, theirs)
        #expect(clashes.isEmpty)
        #expect(merged["stageHistory"]?.arrayValue?.compactMap { $0["to"]?.stringValue } == ["vetting", "shortlisted", "declined"])
        #expect(merged["checklist"] == [["check": "audienceFit", "result": "pass"], ["check": "brandSafety", "result": "pass"]])
        #expect(merged["stages"] == [["key": "prospect", "name": "Prospects"], ["key": "vetting", "name": "Vetting 🧵"]])
        #expect(merged["teamMembers"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Marta", "森 愛子", "ნინო"])
        #expect(merged["rates"]?.arrayValue?.count == 3)
    }

    @Test func listsOfScalarsMergeAsSets() {
        let base: JSONValue = ["tags": ["minimalism", "Ģirts", "vegan"], "languages": ["lv", "en"]]
        let ours: JSONValue = ["tags": ["minimalism", "vegan", "さくら"], "languages": ["lv", "en", "ka"]]
        let theirs: JSONValue = ["tags": ["minimalism", "Ģirts", "🧵👩🏽‍💻"], "languages": ["lv"]]
        let (merged, clashes) = merge(base, ours, theirs)
        #expect(clashes.isEmpty)
        #expect(merged["tags"] == ["minimalism", "さくら", "🧵👩🏽‍💻"])
        #expect(merged["languages"] == ["lv", "ka"])
    }

    @Test func aListReorderedOnOneSideTakesThatOrder() {
        let base: JSONValue = ["stages": [["key": "a"], ["key": "b"], ["key": "c"]]]
        let ours: JSONValue = ["stages": [["key": "a"], ["key": "b"], ["key": "c"], ["key": "d"]]]
        let theirs: JSONValue = ["stages": [["key": "c"], ["key": "a"], ["key": "b"]]]
        // d follows c, as on the side that added it.
        #expect(merge(base, ours, theirs).merged == ["stages": [["key": "c"], ["key": "d"], ["key": "a"], ["key": "b"]]])
        #expect(merge(base, theirs, ours).merged == ["stages": [["key": "c"], ["key": "d"], ["key": "a"], ["key": "b"]]])
    }

    @Test func listsReorderedOnBothSidesTakeOurOrder() {
        let base: JSONValue = ["tags": ["a", "b", "c"]]
        let (merged, clashes) = merge(base, ["tags": ["c", "b", "a"]], ["tags": ["b", "a", "c", "z"]])
        #expect(clashes.isEmpty)
        #expect(merged == ["tags": ["c", "z", "b", "a"]])
    }

    @Test func aListWithoutAnIdentityMergesAsOneValue() {
        let base: JSONValue = ["dos": ["Show the product", "Show the product"]]
        let ours: JSONValue = ["dos": ["Show the product", "Tag us"]]
        #expect(merge(base, ours, base).merged == ours)
        let theirs: JSONValue = ["dos": ["Say ნინო sent you"]]
        let (merged, clashes) = merge(base, ours, theirs)
        #expect(merged == ours)
        #expect(clashes == [FieldClash(path: [.member("dos")], ours: ours["dos"], theirs: theirs["dos"])])
    }

    @Test func objectsWithoutTheirKeysMergeAsOneValue() {
        let base: JSONValue = ["checklist": [["check": "audienceFit"], ["result": "pass"]]]
        let ours: JSONValue = ["checklist": [["check": "audienceFit"], ["result": "fail"]]]
        let theirs: JSONValue = ["checklist": [["check": "ER"], ["result": "pass"]]]
        #expect(merge(base, ours, theirs).clashes.map(\.field) == ["checklist"])
    }

    @Test func theMergeIsDeterministic() {
        let a = activity("A", "a"), b = activity("B", "b")
        let ours = deal([a, activity("O1", "o1"), b, activity("O2", "o2")], ["tags": ["x", "y"], "note": "ours"])
        let theirs = deal([activity("T1", "t1"), b, a, activity("T2", "t2")], ["tags": ["y", "z"], "note": "theirs"])
        let first = merge(deal([a, b]), ours, theirs)
        for _ in 0..<20 {
            let again = merge(deal([a, b]), ours, theirs)
            #expect(again.merged == first.merged)
            #expect(again.clashes == first.clashes)
        }
        #expect(JSONWriter.bytes(of: first.merged) == JSONWriter.bytes(of: merge(deal([a, b]), ours, theirs).merged))
    }
}
