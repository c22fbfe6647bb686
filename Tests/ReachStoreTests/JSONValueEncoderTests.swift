import Foundation
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore

/// The direct encoder must give exactly the tree that `JSONEncoder` (Reach's settings) + `JSONParser` gave,
/// since that tree is what record files are written from.
@Suite struct JSONValueEncoderTests {
    private func twoStep<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(RecordCoding.makeEncoder().encode(value))
    }

    private func expectSame<T: Encodable>(_ value: T, _ comment: @autoclosure () -> String = "") throws {
        #expect(try JSONValueEncoder.encode(value) == twoStep(value), Comment(rawValue: comment()))
    }

    @Test func everyDemoRecordEncodesAsBefore() throws {
        let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 42)
        let scaled = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400.75), seed: 9, scale: 200)
        for workspace in [demo, scaled] {
            for record in workspace.influencers { try expectSame(record, "influencer \(record.id)") }
            for record in workspace.deals { try expectSame(record, "deal \(record.id)") }
            for record in workspace.campaigns { try expectSame(record, "campaign \(record.id)") }
            for record in workspace.templates { try expectSame(record, "template \(record.id)") }
            try expectSame(workspace.settings)
        }
    }

    @Test func sharedTreesChangeNothing() throws {
        // Demo creators have varied vetting; blank ones are interleaved so the shared tree is both reused and replaced.
        let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 42).influencers
        let blank = demo.map { influencer in
            var copy = influencer
            copy.vetting = Vetting()
            return copy
        }
        let shared = RecordStore.newRecordsShare()
        var reusedAndReplaced = (0, 0)
        for (index, record) in zip(demo, blank).flatMap({ [$0, $1, $1] }).enumerated() {
            let tree = try JSONValueEncoder.encode(record, reusing: shared)
            #expect(tree == (try twoStep(record)), "record \(index)")
            if record.vetting == Vetting() { reusedAndReplaced.0 += 1 } else { reusedAndReplaced.1 += 1 }
        }
        #expect(reusedAndReplaced.0 > 0 && reusedAndReplaced.1 > 0)
        // A shared type met deeper in a value, and beside values of other types, is shared too.
        #expect(try JSONValueEncoder.encode(["a": [Vetting()], "b": [Vetting()]], reusing: shared) == twoStep(["a": [Vetting()], "b": [Vetting()]]))
    }

    @Test func anArrayWrittenElementByElementIsTheSameFile() throws {
        let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 42)
        let values = try demo.influencers.map { try JSONValueEncoder.encode($0) }
        #expect(JSONWriter.arrayBytes(count: values.count) { values[$0] } == JSONWriter.bytes(of: .array(values)))
        #expect(JSONWriter.arrayBytes(count: 1) { _ in values[0] } == JSONWriter.bytes(of: .array([values[0]])))
        #expect(JSONWriter.arrayBytes(count: 0) { _ in .null } == JSONWriter.bytes(of: .array([])))
        // Streamed into a new buffer per element (as an export hands them to its sink), joined: the same bytes.
        var stream = JSONWriter.ArrayStream()
        var pieces: [[UInt8]] = []
        for value in values {
            var piece: [UInt8] = []
            stream.append(value, into: &piece)
            pieces.append(piece)
        }
        var last: [UInt8] = []
        stream.end(into: &last)
        #expect(Array((pieces + [last]).joined()) == JSONWriter.bytes(of: .array(values)))
    }

    @Test func aValueThatCannotBeEncodedIsNamedByItsPath() throws {
        struct Reading: Encodable { var figures: [String: [Double]] }
        do {
            _ = try JSONValueEncoder.encode(Reading(figures: ["er": [1, .infinity]]))
            Issue.record("an infinite number was encoded")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["figures", "er", "Index 1"])
        }
    }

    @Test func datesMatchJSONEncoderAcrossCenturiesAndFractions() throws {
        var random = DemoRandom(seed: 11)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.5), Date(timeIntervalSince1970: 59.999),
                     Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: -12_212_553_600), Date(timeIntervalSince1970: -12_212_553_600.5), Date(timeIntervalSince1970: 253_402_300_799.9),
                     Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 4_107_542_400)]
        for _ in 0..<2_000 {
            let seconds = Double(random.next() % 20_000_000_000) - 10_000_000_000
            dates.append(Date(timeIntervalSince1970: seconds + Double(random.next() % 1_000) / 1_000))
        }
        for date in dates { try expectSame(["at": date], "\(date.timeIntervalSince1970)") }
    }

    @Test func numbersMatchJSONEncoder() throws {
        var random = DemoRandom(seed: 5)
        var doubles: [Double] = [0, -0.0, 1, 0.1, 0.035, 1e-7, 1e21, 123_456_789_012_345_680, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.5e-308]
        for _ in 0..<500 { doubles.append(Double(bitPattern: random.next())) }
        for value in doubles where value.isFinite { try expectSame(["x": value], "\(value)") }
        try expectSame(["f": Float(0.1)])
        try expectSame([Int64.min, Int64.max])
        try expectSame([UInt64.max])
        try expectSame([Decimal(string: "0.0000123")!, Decimal(string: "12345678901234567890.5")!, Decimal(1)])
        #expect(throws: EncodingError.self) { try JSONValueEncoder.encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder.encode([Double.infinity]) }
    }

    /// A type using every container the protocol offers, the way hand-written `encode(to:)` methods may.
    private struct Everything: Encodable {
        enum Keys: String, CodingKey { case a, nested, list, optional, present, `super`, child }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(Int8(-3), forKey: .a)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
            try nested.encode(UInt16(7), forKey: .a)
            try nested.encodeNil(forKey: .optional)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(true)
            try list.encode("ä\u{1B}[31m")
            try list.encode(Float(2.5))
            var inner = list.nestedContainer(keyedBy: Keys.self)
            try inner.encode([String: Int]("x y".map { (String($0), 1) }, uniquingKeysWith: +), forKey: .a)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encodeNil()
            try list.encode([1: "one", 20: "twenty"] as [Int: String])
            try container.encodeIfPresent(Optional<Int>.none, forKey: .optional)
            try container.encodeIfPresent(Optional(URL(string: "https://example.com/a b")!), forKey: .present)
            try Data([1, 2, 255]).encode(to: container.superEncoder())
            try Empty().encode(to: container.superEncoder(forKey: .child))
        }
    }

    private struct Empty: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    @Test func everyContainerKindMatchesJSONEncoder() throws {
        try expectSame(Everything())
        try expectSame([Everything(), Everything()])
        try expectSame(["empty": Empty()])
        try expectSame([[String]](), "an empty array")
        try expectSame([String: [Int?]](), "an empty object")
    }
}
