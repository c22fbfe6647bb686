import Testing
@testable import ReachStore

/// Objects, the bookkeeping members and type changes; lists are in `RecordMergeListTests`.
@Suite struct RecordMergeTests {
    let base: JSONValue = [
        "id": "01K75JB2DRTGKPXPVBMC4K1NVD", "schemaVersion": 1, "revision": 4,
        "createdAt": "2025-10-09T22:44:19Z", "updatedAt": "2026-01-01T09:00:00Z",
        "displayName": "Ģirts Ķēniņš", "city": "Rīga", "note": "first call went well",
        "nextAction": ["what": "Send brief", "due": "2026-02-01", "whoseMove": "ours"],
    ]

    func with(_ document: JSONValue, _ changes: [String: JSONValue?]) -> JSONValue {
        var members = document.objectValue ?? [:]
        for (key, value) in changes { members[key] = value }
        return .object(members)
    }

    @Test func aMemberChangedOnOneSideTakesThatSide() {
        let ours = with(base, ["city": "ნინო's Tbilisi"])
        let theirs = with(base, ["note": "さくら replied 🧵👩🏽‍💻"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes.isEmpty)
        #expect(merged["city"] == "ნინო's Tbilisi")
        #expect(merged["note"] == "さくら replied 🧵👩🏽‍💻")
        #expect(merged["displayName"] == "Ģirts Ķēniņš")
    }

    @Test func nestedObjectsMergeMemberByMember() {
        let ours = with(base, ["nextAction": ["what": "Send brief", "due": "2026-02-03", "whoseMove": "ours"]])
        let theirs = with(base, ["nextAction": ["what": "Send the brief (さくら)", "due": "2026-02-01", "whoseMove": "ours"]])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes.isEmpty)
        #expect(merged["nextAction"] == ["what": "Send the brief (さくら)", "due": "2026-02-03", "whoseMove": "ours"])
    }

    @Test func bothSidesChangingAMemberAlikeIsNoClash() {
        let ours = with(base, ["displayName": "Ģirts Ķēniņš 🧵"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: ours)
        #expect(clashes.isEmpty)
        #expect(merged["displayName"] == "Ģirts Ķēniņš 🧵")
    }

    @Test func bothSidesChangingAMemberDifferentlyKeepsOursAndReportsTheirs() {
        let ours = with(base, ["nextAction": ["what": "Send brief", "due": "2026-02-03", "whoseMove": "ours"], "city": "Liepāja"])
        let theirs = with(base, ["nextAction": ["what": "Send brief", "due": "2026-02-10", "whoseMove": "ours"], "city": "東京"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged["city"] == "Liepāja")
        #expect(merged["nextAction"]?["due"] == "2026-02-03")
        #expect(clashes == [
            FieldClash(path: [.member("city")], ours: "Liepāja", theirs: "東京"),
            FieldClash(path: [.member("nextAction"), .member("due")], ours: "2026-02-03", theirs: "2026-02-10"),
        ])
        #expect(clashes.map(\.field) == ["city", "nextAction.due"])
    }

    @Test func aDeletedMemberIsNotANull() {
        let ours = with(base, ["note": nil])
        let theirs = with(base, ["note": "ნინო called back"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged["note"] == nil)
        #expect(clashes == [FieldClash(path: [.member("note")], ours: nil, theirs: "ნინო called back")])

        let nulled = with(base, ["note": .null])
        let (mergedNull, nullClashes) = RecordMerge.merge(base: base, ours: nulled, theirs: theirs)
        #expect(mergedNull["note"] == .some(.null))
        #expect(nullClashes == [FieldClash(path: [.member("note")], ours: .null, theirs: "ნინო called back")])
    }

    @Test func aMemberDeletedOnOneSideAndUntouchedOnTheOtherIsDeleted() {
        let ours = with(base, ["nextAction": nil])
        let theirs = with(base, ["city": "Ventspils"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes.isEmpty)
        #expect(merged["nextAction"] == nil)
        #expect(merged["city"] == "Ventspils")
    }

    @Test func membersAddedOnEitherSideAndUnknownFieldsAreKept() {
        let ours = with(base, ["x-ourPlugin": ["score": 0.75, "tags": ["🧵"]], "phone": "+371 2000 0000"])
        let theirs = with(base, ["futureField": ["nested": [1, 2, 3]], "agent": ["name": "さくら"]])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes.isEmpty)
        #expect(merged["x-ourPlugin"] == ["score": 0.75, "tags": ["🧵"]])
        #expect(merged["phone"] == "+371 2000 0000")
        #expect(merged["futureField"] == ["nested": [1, 2, 3]])
        #expect(merged["agent"] == ["name": "さくら"])
    }

    @Test func bookkeepingMembersMergeByRuleAndNeverClash() {
        let ours = with(base, ["revision": 6, "updatedAt": "2026-01-03T10:00:00Z", "createdAt": "2025-10-09T22:44:19Z",
                               "schemaVersion": 2, "city": "Cēsis"])
        let theirs = with(base, ["revision": 5, "updatedAt": "2026-01-05T08:00:00Z", "createdAt": "2025-10-01T00:00:00Z",
                                 "schemaVersion": 1, "note": "x"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes.isEmpty)
        #expect(merged["revision"] == 7)
        #expect(merged["updatedAt"] == "2026-01-05T08:00:00Z")
        #expect(merged["createdAt"] == "2025-10-01T00:00:00Z")
        #expect(merged["schemaVersion"] == 2)
    }

    @Test func equalRevisionsStillCountTheMergeAsASave() {
        let (merged, _) = RecordMerge.merge(base: base, ours: with(base, ["revision": 5, "city": "A"]),
                                            theirs: with(base, ["revision": 5, "note": "B"]))
        #expect(merged["revision"] == 6)
    }

    @Test func anUnreadableUpdatedAtKeepsOurs() {
        let ours = with(base, ["updatedAt": "yesterday", "city": "A"])
        let theirs = with(base, ["updatedAt": "2026-05-01T00:00:00Z", "note": "B"])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes.isEmpty)
        #expect(merged["updatedAt"] == "yesterday")
    }

    @Test func bookkeepingRulesApplyOnlyAtTheTop() {
        let ours = with(base, ["agent": ["revision": 2]])
        let theirs = with(base, ["agent": ["revision": 3]])
        let (_, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(clashes == [FieldClash(path: [.member("agent"), .member("revision")], ours: 2, theirs: 3)])
    }

    @Test func aTypeChangeClashesAtThatPath() {
        let ours = with(base, ["nextAction": "call Ģirts"])
        let theirs = with(base, ["nextAction": ["what": "Send brief", "due": "2026-03-01", "whoseMove": "ours"]])
        let (merged, clashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged["nextAction"] == "call Ģirts")
        #expect(clashes.map(\.path) == [[.member("nextAction")]])
        #expect(clashes.first?.theirs == theirs["nextAction"])
    }

    @Test func withoutABaseEveryDifferingMemberClashes() {
        let ours: JSONValue = ["id": "A", "revision": 1, "displayName": "ნინო", "city": "Tbilisi", "tags": ["a"]]
        let theirs: JSONValue = ["id": "A", "revision": 1, "displayName": "Nino", "city": "Tbilisi", "country": "GE", "tags": ["b"]]
        let (merged, clashes) = RecordMerge.merge(base: nil, ours: ours, theirs: theirs)
        #expect(merged == ["id": "A", "revision": 2, "displayName": "ნინო", "city": "Tbilisi", "country": "GE", "tags": ["a", "b"]])
        #expect(clashes == [FieldClash(path: [.member("displayName")], ours: "ნინო", theirs: "Nino")])
    }

    @Test func aDocumentOnlyOneSideChangedIsThatSideWhole() {
        let theirs = with(base, ["revision": 5, "city": "Daugavpils"])
        #expect(RecordMerge.merge(base: base, ours: base, theirs: theirs).merged == theirs)
        #expect(RecordMerge.merge(base: base, ours: theirs, theirs: base).merged == theirs)
    }

    @Test func numbersKeepTheirLiteralText() {
        let ours = with(base, ["fee": .number("1200.50")])
        let theirs = with(base, ["followers": .number("12345678901234567890")])
        let (merged, _) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(merged["fee"] == .number("1200.50"))
        #expect(merged["followers"] == .number("12345678901234567890"))
    }
}
