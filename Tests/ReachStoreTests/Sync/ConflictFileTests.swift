import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// The conflict file format, clash ids, and how two replicas' conflict files merge.
@Suite struct ConflictFileTests {
    static let dealID = RecordID(rawValue: "01K75JB2DRTGKPXPVBMC4K1NVD")
    static let authors = MergeAuthors(ours: "marta", theirs: "ნინო")
    static let feePath: [MergePathComponent] = [.member("offers"), .item(identity: ["id": "F1"]), .member("amount"), .member("amount")]

    func fieldClash(_ ours: JSONValue?, _ theirs: JSONValue?, path: [MergePathComponent] = feePath,
                    authors: MergeAuthors = authors, at date: Date = epoch) -> Clash {
        Clash(subject: .field(FieldClash(path: path, ours: ours, theirs: theirs)), authors: authors,
              oursAt: Date(timeIntervalSince1970: 1_767_434_400), theirsAt: Date(timeIntervalSince1970: 1_767_600_000), detectedAt: date)
    }

    @Test func clashIDsHashWhatClashedNotWhoOrWhen() {
        let clash = fieldClash("2400", "2600")
        #expect(clash.id.count == 16)
        #expect(fieldClash("2400", "2600", authors: MergeAuthors(ours: "tom", theirs: "aiko"), at: epoch + 60).id == clash.id)
        // The replica at the other end meets it with the sides swapped.
        #expect(fieldClash("2600", "2400").id == clash.id)
        #expect(fieldClash("2400", "2700").id != clash.id)
        #expect(fieldClash("2400", "2600", path: [.member("fee")]).id != clash.id)
        #expect(fieldClash("2400", nil).id != fieldClash("2400", .null).id)
    }

    /// The format and a clash id, byte for byte: replicas running other builds must write the same files and ids.
    @Test func aConflictFileReadsLikeARecord() {
        let document = ConflictDocument.adding([fieldClash("2400", "2600"), fieldClash(["amount": "1"], nil, path: [.member("nextAction")])],
                                               to: nil, about: .record(.deal, Self.dealID))
        let text = String(decoding: JSONWriter.bytes(of: document), as: UTF8.self)
        #expect(text == """
            {
              "clashes": [
                {
                  "detectedAt": "2023-11-14T22:13:20Z",
                  "field": "offers[F1].amount.amount",
                  "id": "6a0091a983e6ef24",
                  "kept": "ours",
                  "kind": "field",
                  "ours": "2400",
                  "oursAt": "2026-01-03T10:00:00Z",
                  "oursAuthor": "marta",
                  "path": [
                    "offers",
                    {
                      "id": "F1"
                    },
                    "amount",
                    "amount"
                  ],
                  "theirs": "2600",
                  "theirsAt": "2026-01-05T08:00:00Z",
                  "theirsAuthor": "ნინო"
                },
                {
                  "deletedOn": "theirs",
                  "detectedAt": "2023-11-14T22:13:20Z",
                  "field": "nextAction",
                  "id": "\(fieldClash(["amount": "1"], nil, path: [.member("nextAction")]).id)",
                  "kept": "ours",
                  "kind": "field",
                  "ours": {
                    "amount": "1"
                  },
                  "oursAt": "2026-01-03T10:00:00Z",
                  "oursAuthor": "marta",
                  "path": [
                    "nextAction"
                  ],
                  "theirsAt": "2026-01-05T08:00:00Z",
                  "theirsAuthor": "ნინო"
                }
              ],
              "kind": "deals",
              "recordId": "01K75JB2DRTGKPXPVBMC4K1NVD",
              "schemaVersion": 1
            }

            """)
    }

    @Test(arguments: [
        Clash.Subject.field(FieldClash(path: feePath, ours: "2400", theirs: nil, kept: .ours)),
        .field(FieldClash(path: [.member("stageHistory"), .item(identity: ["at": "2026-08-03T04:41:09Z", "to": "vetting"])],
                          ours: nil, theirs: ["at": "2026-08-03T04:41:09Z", "to": "vetting", "reason": "さくら"], kept: .theirs)),
        .field(FieldClash(path: [], ours: ["a": 1], theirs: "🧵👩🏽‍💻")),
        .recordDeleted,
        .unreadable(side: .theirs, bytes: Array("{\"displayName\": \"Ģirts\" <<<<<<<".utf8)),
        .unreadable(side: .ours, bytes: [0xFF, 0xFE, 0x00, 0x7B]),
    ])
    func everyKindOfClashReadsBackAsWritten(subject: Clash.Subject) throws {
        let clash = Clash(subject: subject, authors: Self.authors, detectedAt: epoch)
        let text = JSONWriter.bytes(of: clash.json)
        #expect(Clash(json: try JSONParser.parse(text)) == clash)
    }

    @Test func unreadableTextStaysReadableAndOtherBytesGoAsBase64() {
        let text = Clash(subject: .unreadable(side: .theirs, bytes: Array("ნინო {".utf8)), authors: Self.authors, detectedAt: epoch).json
        #expect(text["rawText"] == "ნინო {")
        #expect(text["kept"] == "ours")
        let binary = Clash(subject: .unreadable(side: .ours, bytes: [0xFF, 0x00]), authors: Self.authors, detectedAt: epoch).json
        #expect(binary["rawBase64"] == "/wA=")
        #expect(binary["kept"] == "theirs")
    }

    @Test func replicasAddingClashesToOneFileUniteThem() {
        let subject = ConflictSubject.record(.deal, Self.dealID)
        let shared = fieldClash("2400", "2600")
        let base = ConflictDocument.adding([shared], to: nil, about: subject)
        let oursOnly = fieldClash("さくら", "Sakura", path: [.member("displayName")])
        let theirsOnly = fieldClash("a", "b", path: [.member("note")])
        // The other replica found the shared clash too, later and with the sides swapped: the same id.
        let sameClashElsewhere = fieldClash("2600", "2400", authors: MergeAuthors(ours: "ნინო", theirs: "marta"), at: epoch + 3600)
        let ours = ConflictDocument.adding([oursOnly], to: base, about: subject)
        let theirs = ConflictDocument.adding([sameClashElsewhere, theirsOnly], to: base, about: subject)
        let merged = ConflictDocument.merge(base: base, ours: ours, theirs: theirs)
        #expect(ConflictDocument.decode(merged)?.clashes == [shared, oursOnly, theirsOnly])

        let addedOnBoth = ConflictDocument.merge(base: nil, ours: ConflictDocument.adding([shared], to: nil, about: subject),
                                                 theirs: ConflictDocument.adding([sameClashElsewhere], to: nil, about: subject))
        #expect(ConflictDocument.decode(addedOnBoth)?.clashes == [shared])
    }

    @Test func aClashResolvedOnOneSideStaysResolved() throws {
        let subject = ConflictSubject.record(.deal, Self.dealID)
        let first = fieldClash("2400", "2600"), second = fieldClash("x", "y", path: [.member("note")])
        let base = ConflictDocument.adding([first, second], to: nil, about: subject)
        let resolved = try #require(ConflictDocument.removing(first.id, from: base))
        let added = ConflictDocument.adding([fieldClash("p", "q", path: [.member("city")])], to: base, about: subject)
        let merged = ConflictDocument.merge(base: base, ours: added, theirs: resolved)
        #expect(ConflictDocument.decode(merged)?.clashes.map(\.field) == ["note", "city"])
        #expect(ConflictDocument.removing(second.id, from: resolved) == nil)
    }

    @Test func membersANewerReachAddsSurviveAddingAndResolving() throws {
        let subject = ConflictSubject.settings
        var members = try #require(ConflictDocument.adding([fieldClash("1", "2")], to: nil, about: subject).objectValue)
        members["futureSummary"] = "two replicas disagree"
        let added = ConflictDocument.adding([fieldClash("3", "4")], to: .object(members), about: subject)
        #expect(added["futureSummary"] == "two replicas disagree")
        #expect(ConflictDocument.removing(fieldClash("1", "2").id, from: added)?["futureSummary"] == "two replicas disagree")
        #expect(ConflictDocument.decode(added)?.subject == .settings)
    }
}
