import Testing
@testable import ReachStore

/// Taking one side of a clash: the record as it is with that side's value put at the clash's path.
@Suite struct ClashResolutionTests {
    let authors = MergeAuthors(ours: "marta", theirs: "aiko")

    func clash(_ path: [MergePathComponent], _ ours: JSONValue?, _ theirs: JSONValue?, kept: MergeSide = .ours) -> Clash {
        Clash(subject: .field(FieldClash(path: path, ours: ours, theirs: theirs, kept: kept)), authors: authors, detectedAt: epoch)
    }

    let deal: JSONValue = [
        "note": "Ģirts Ķēniņš",
        "nextAction": ["what": "Send brief", "due": "2026-02-03"],
        "offers": [["id": "F1", "amount": ["amount": "2400", "currency": "USD"]], ["id": "F2", "amount": ["amount": "1", "currency": "USD"]]],
    ]

    /// The deal with one member set (nil: removed).
    func deal(setting key: String, to value: JSONValue?) -> JSONValue {
        var members = deal.objectValue ?? [:]
        members[key] = value
        return .object(members)
    }

    @Test func takingTheirsSetsTheirValueAtTheMember() {
        let due = clash([.member("nextAction"), .member("due")], "2026-02-03", "2026-02-10")
        #expect(due.taking(.theirs, in: deal) == .record(deal(setting: "nextAction", to: ["what": "Send brief", "due": "2026-02-10"])))
        #expect(due.taking(.ours, in: deal) == .record(deal))
    }

    @Test func takingTheirsInsideAnItemFindsItByIdentity() {
        let fee = clash([.member("offers"), .item(identity: ["id": "F1"]), .member("amount"), .member("amount")], "2400", "さくら 2600")
        guard case .record(let edited) = fee.taking(.theirs, in: deal) else { return #expect(Bool(false)) }
        #expect(edited["offers"]?.arrayValue?.first?["amount"]?["amount"] == "さくら 2600")
        #expect(edited["offers"]?.arrayValue?.last == deal["offers"]?.arrayValue?.last)
    }

    @Test func anAbsentValueRemovesTheMemberAndANullSetsNull() {
        let note = clash([.member("note")], "Ģirts Ķēniņš", nil)
        #expect(note.taking(.theirs, in: deal) == .record(deal(setting: "note", to: nil)))
        let nulled = clash([.member("note")], "Ģirts Ķēniņš", .null)
        #expect(nulled.taking(.theirs, in: deal) == .record(deal(setting: "note", to: .null)))
    }

    @Test func aDeletedItemIsRemovedAndAMissingOneAdded() {
        let path: [MergePathComponent] = [.member("offers"), .item(identity: ["id": "F2"])]
        let deleted = clash(path, deal["offers"]?.arrayValue?.last, nil)
        #expect(deleted.taking(.theirs, in: deal)
            == .record(deal(setting: "offers", to: [["id": "F1", "amount": ["amount": "2400", "currency": "USD"]]])))
        let kept = clash([.member("offers"), .item(identity: ["id": "F3"])], nil, ["id": "F3", "note": "🧵👩🏽‍💻"], kept: .theirs)
        guard case .record(let edited) = kept.taking(.theirs, in: deal) else { return #expect(Bool(false)) }
        #expect(edited["offers"]?.arrayValue?.last == ["id": "F3", "note": "🧵👩🏽‍💻"])
    }

    @Test func missingObjectsOnTheWayAreCreatedForAValue() {
        let agent = clash([.member("agent"), .member("name")], nil, "ნინო")
        #expect(agent.taking(.theirs, in: ["id": "X"]) == .record(["id": "X", "agent": ["name": "ნინო"]]))
        #expect(agent.taking(.ours, in: ["id": "X"]) == .record(["id": "X"]))
    }

    @Test func aPlaceTheRecordNoLongerHasIsLeftToAPerson() {
        let gone = clash([.member("offers"), .item(identity: ["id": "F9"]), .member("note")], "a", "b")
        #expect(gone.taking(.theirs, in: deal) == .byHand)
        let notAnObject = clash([.member("note"), .member("text")], "a", "b")
        #expect(notAnObject.taking(.theirs, in: deal) == .byHand)
    }

    @Test func aWholeRecordClashReplacesOrDeletesIt() {
        let whole = clash([], ["a": 1], ["b": 2])
        #expect(whole.taking(.theirs, in: ["a": 1]) == .record(["b": 2]))
        #expect(clash([], ["a": 1], nil).taking(.theirs, in: ["a": 1]) == .deleteRecord)
    }

    @Test func anUnreadableSideCannotBeApplied() {
        let unreadable = Clash(subject: .unreadable(side: .theirs, bytes: Array("<<<<<<< HEAD".utf8)), authors: authors, detectedAt: epoch)
        #expect(unreadable.taking(.theirs, in: deal) == .byHand)
        #expect(unreadable.taking(.ours, in: deal) == .record(deal))
    }

    @Test func takingTheirsForEveryClashOfAMergeGivesTheirValues() {
        let base: JSONValue = ["note": "a", "offers": [["id": "F1", "fee": "1"], ["id": "F2", "fee": "2"]], "tags": ["x"]]
        let ours: JSONValue = ["note": "ours", "offers": [["id": "F1", "fee": "10"]], "tags": ["x", "y"]]
        let theirs: JSONValue = ["note": "さくら", "offers": [["id": "F1", "fee": "11"], ["id": "F2", "fee": "22"]], "tags": []]
        let (merged, fieldClashes) = RecordMerge.merge(base: base, ours: ours, theirs: theirs)
        var record = merged
        for field in fieldClashes {
            guard case .record(let edited) = Clash(subject: .field(field), authors: authors, detectedAt: epoch).taking(.theirs, in: record)
            else { return #expect(Bool(false)) }
            record = edited
        }
        #expect(record == ["note": "さくら", "offers": [["id": "F1", "fee": "11"], ["id": "F2", "fee": "22"]], "tags": ["y"]])
    }
}
