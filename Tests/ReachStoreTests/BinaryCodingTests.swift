import Foundation
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore

/// The folder index's binary columns (a creator's summary, a deal's row): exact round trips of every demo record,
/// and a typed error (never a trap) for any truncated or garbled input, since the index is derived and never trusted.
@Suite struct BinaryCodingTests {
    static let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 7, scale: 300)

    static func summary(_ bytes: [UInt8], id: RecordID) throws -> CreatorSummary {
        var interned = InternedValues()
        return try bytes.withUnsafeBytes { try CreatorSummaryColumn.summary(id: id, $0, interned: &interned) }
    }

    static func row(_ bytes: [UInt8]) throws -> DealRow {
        var interned = InternedValues()
        return try bytes.withUnsafeBytes { try DealRowColumn.row($0, interned: &interned) }
    }

    @Test func everyDemoCreatorsSummaryAndDealsRowRoundTrips() throws {
        for creator in Self.demo.influencers {
            let summary = CreatorSummary(creator)
            #expect(try Self.summary(CreatorSummaryColumn.bytes(summary), id: creator.id) == summary, "\(creator.id)")
            #expect(summary.searchKeys.foldedName == TextFolding.fold(creator.displayName), "\(creator.id)")
        }
        var subjects = Set<Int>()
        for deal in Self.demo.deals {
            let row = DealRow(deal)
            #expect(try Self.row(DealRowColumn.bytes(row)) == row, "\(deal.id)")
            for entry in row.entries {
                switch entry.subject {
                case .deliverable: subjects.insert(0)
                case .payment: subjects.insert(1)
                case .usageRights, .exclusivity, .whitelisting: subjects.insert(2)
                case .worded: subjects.insert(3)
                }
            }
        }
        #expect(subjects.count >= 3, "the demo deals cover too few agenda subjects: \(subjects)")
    }

    /// Rows read in one pass (as a start reads 200,000) hold one copy of each long text they repeat: a next step set
    /// on many deals at once, an owner's name. Short texts are kept inside the value and need no sharing.
    @Test func rowsReadTogetherShareTheTextsTheyRepeat() throws {
        func row(_ id: String, owner: String, step: String) -> DealRow {
            DealRow(id: RecordID(rawValue: id), influencerID: RecordID(rawValue: "c"), campaignID: RecordID(rawValue: "k"),
                    owner: owner, archived: false, stage: "contacted", stageSince: Date(timeIntervalSinceReferenceDate: 0),
                    nextAction: NextAction(summary: step, due: Date(timeIntervalSinceReferenceDate: 86_400)),
                    agreedFee: nil, lastContact: nil, entries: [], paid: [])
        }
        let step = "Send the brief and the contract draft", owner = "Alexandra Papadopoulou-Ivanova"
        var interned = InternedValues()
        let rows = try [row("a", owner: owner, step: step), row("b", owner: owner, step: step)].map { original in
            let decoded = try DealRowColumn.bytes(original).withUnsafeBytes { try DealRowColumn.row($0, interned: &interned) }
            #expect(decoded == original)
            return decoded
        }
        func storage(_ text: String?) -> UnsafePointer<UInt8>? {
            var text = text ?? ""
            return text.withUTF8 { $0.baseAddress }
        }
        #expect(storage(rows[0].nextAction?.summary) == storage(rows[1].nextAction?.summary))
        #expect(storage(rows[0].owner) == storage(rows[1].owner))
        #expect(interned.texts.count == 2)
    }

    @Test func edgeValuesRoundTrip() throws {
        let row = DealRow(id: RecordID(rawValue: "d"), influencerID: RecordID(rawValue: ""), campaignID: RecordID(rawValue: "c"), owner: "Ģirts 🦊", archived: true, stage: "negotiating",
                          stageSince: Date(timeIntervalSinceReferenceDate: -1e9),
                          nextAction: NextAction(summary: "", due: .distantFuture, whoseMove: .them),
                          agreedFee: Money(minorUnits: .min, currency: .usd), lastContact: Date(timeIntervalSinceReferenceDate: 0.5),
                          entries: [AgendaEntry(kind: .payment, date: nil, subject: .payment(Money(minorUnits: .max, currency: .eur), .bonus)),
                                    AgendaEntry(kind: .goingLive, date: .distantPast, subject: .worded("ვიდეო\n"))],
                          paid: [Money(minorUnits: -1, currency: .gbp)])
        #expect(try Self.row(DealRowColumn.bytes(row)) == row)
    }

    @Test func everyTruncationThrows() {
        let creator = Self.demo.influencers[0]
        let summary = CreatorSummaryColumn.bytes(CreatorSummary(creator))
        for length in 0..<summary.count {
            #expect(throws: BinaryDecodeError.self) { try Self.summary(Array(summary.prefix(length)), id: creator.id) }
        }
        let row = DealRowColumn.bytes(DealRow(Self.demo.deals[0]))
        for length in 0..<row.count {
            #expect(throws: BinaryDecodeError.self) { try Self.row(Array(row.prefix(length))) }
        }
        #expect(throws: BinaryDecodeError.self) { try Self.row(row + [0]) }
    }

    /// A folded name said to be longer than the key it begins is a damaged index, not a name cut anywhere.
    @Test func aFoldedNameLongerThanItsKeyThrows() {
        var summary = CreatorSummary(Self.demo.influencers[0])
        summary.searchKeys.foldedNameLength = summary.searchKeys.primary.count + 1
        #expect(throws: BinaryDecodeError.self) { try Self.summary(CreatorSummaryColumn.bytes(summary), id: summary.id) }
    }

    @Test func garbledBytesThrowOrDecodeButNeverTrap() {
        var rng = SeededRNG(seed: 99)
        var failures = 0
        for deal in Self.demo.deals.prefix(40) {
            let original = DealRowColumn.bytes(DealRow(deal))
            for _ in 0..<100 {
                var bytes = original
                for _ in 0...Int(rng.next() % 4) { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
                do { _ = try Self.row(bytes) } catch { failures += 1 }
            }
        }
        #expect(failures > 0)
    }

    @Test func anUnknownEnumCaseOrABadPresenceByteThrows() throws {
        var writer = BinaryWriter()
        writer.byte(UInt8(VettingVerdict.binaryCases.count))
        writer.byte(2)
        writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryDecodeError.self) { try reader.enumCase(VettingVerdict.self) }
            #expect(throws: BinaryDecodeError.self) { try reader.present() }
            #expect(reader.isAtEnd)
        }
    }

    @Test func varintsAndZigzagRoundTripAtTheExtremes() throws {
        var writer = BinaryWriter()
        let values: [Int64] = [0, 1, -1, 63, -64, 64, 127, 128, .max, .min, .max - 1, .min + 1]
        for value in values { writer.int64(value) }
        writer.varint(.max)
        let read = try writer.bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            let numbers = try values.map { _ in try reader.int64() }
            return (numbers, try reader.varint(), reader.isAtEnd)
        }
        #expect(read.0 == values)
        #expect(read.1 == .max)
        #expect(read.2)
        // Eleven continuation bytes are no 64-bit number.
        let tooLong = [UInt8](repeating: 0xFF, count: 10) + [0x01]
        tooLong.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            #expect(throws: BinaryDecodeError.self) { try reader.varint() }
        }
    }

    @Test func theStableHashSeesEveryByteAndLength() {
        let bytes = (0..<64).map { UInt8($0) }
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { StableHash.hash($0) } }
        var seen = Set<UInt64>()
        for length in 0...bytes.count { seen.insert(hash(Array(bytes.prefix(length)))) }
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 1
            seen.insert(hash(flipped))
        }
        #expect(seen.count == bytes.count + 1 + bytes.count)
        // Stored by every session: the same bytes give the same hash in every process, on every machine.
        #expect(hash(Array("reach".utf8)) == hash(Array("reach".utf8)))
    }
}
