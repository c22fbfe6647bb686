import Foundation
import ReachJSON
import PropertyBased
import ReachCore
import ReachDemo
import Testing
@testable import ReachStore

/// The direct reader against `JSONDecoder` (the reader's previous fast path): whatever it accepts,
/// `JSONDecoder` accepts too and gives an equal value with the same encoding.
@Suite struct DirectDecoderTests {
    static let demo = DemoData.make(now: Date(timeIntervalSince1970: 1_780_304_400), seed: 42, scale: 300)

    static func fileBytes<R: Record>(_ record: R) throws -> [UInt8] {
        JSONWriter.bytes(of: try RecordCoding.encode(record, what: "test record"))
    }

    /// Decodes `bytes` both ways; the direct value when there is one, after checking it against JSONDecoder's.
    @discardableResult
    static func compare<T: Decodable & Equatable & Encodable>(
        _ type: T.Type, _ bytes: [UInt8], scratch: DirectDecoding.Scratch, sourceLocation: SourceLocation = #_sourceLocation
    ) -> T? {
        let data = Data(bytes)
        let direct = DirectDecoding.decode(T.self, from: data, scratch: scratch)
        let foundation = try? RecordCoding.makeDecoder().decode(T.self, from: data)
        guard let direct else { return nil }
        guard let foundation else {
            Issue.record("direct accepted what JSONDecoder rejects: \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
            return direct
        }
        #expect(direct == foundation, sourceLocation: sourceLocation)
        let encoder = RecordCoding.makeEncoder()
        let directBytes = (try? encoder.encode(direct)).map { [UInt8]($0) } ?? []
        let foundationBytes = (try? encoder.encode(foundation)).map { [UInt8]($0) } ?? []
        #expect(directBytes == foundationBytes || canonical(directBytes) == canonical(foundationBytes), sourceLocation: sourceLocation)
        return direct
    }

    /// The file's JSON with `Set` fields (a campaign's goals) in a fixed order: a `Set` encodes in its own
    /// iteration order, which two equal sets need not share.
    static func canonical(_ bytes: [UInt8]) -> JSONValue? {
        func walk(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let members):
                var result: [String: JSONValue] = [:]
                for (key, member) in members {
                    if key == "goals" || key == "set", case .array(let elements) = member {
                        result[key] = .array(elements.sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") })
                    } else {
                        result[key] = walk(member)
                    }
                }
                return .object(result)
            case .array(let elements): return .array(elements.map(walk))
            default: return value
            }
        }
        return (try? JSONParser.parse(Data(bytes))).map(walk)
    }

    static func checkAll<R: Record>(_ records: [R], scratch: DirectDecoding.Scratch) throws {
        #expect(!records.isEmpty)
        for record in records {
            let bytes = try fileBytes(record)
            let direct = compare(R.self, bytes, scratch: scratch)
            #expect(direct != nil, "\(R.kind) \(record.id) did not read directly")
            if let direct {
                let again = try fileBytes(direct)
                #expect(again == bytes || (R.kind == .campaign && canonical(again) == canonical(bytes)))
            }
        }
    }

    @Test func everyDemoRecordReadsDirectlyAsJSONDecoderReadsIt() throws {
        let scratch = DirectDecoding.Scratch()
        try Self.checkAll(Self.demo.influencers, scratch: scratch)
        try Self.checkAll(Self.demo.campaigns, scratch: scratch)
        try Self.checkAll(Self.demo.deals, scratch: scratch)
        try Self.checkAll(Self.demo.templates, scratch: scratch)
    }

    /// A type with one of everything the direct decoder handles itself.
    struct Sampler: Codable, Equatable {
        var text: String
        var int: Int
        var int64: Int64
        var int8: Int8?
        var uint: UInt?
        var double: Double
        var flag: Bool
        var date: Date
        var optional: String?
        var optionalDate: Date?
        var list: [String?]
        var nested: [[Int]]
        var set: Set<String>
        var id: RecordID?
        var uuid: UUID?
    }

    static func document(_ fields: [String: String]) -> [UInt8] {
        var base: [String: String] = [
            "text": #""plain""#, "int": "1", "int64": "2", "double": "0.5", "flag": "true",
            "date": #""2026-06-01T09:00:00Z""#, "list": #"["a", null]"#, "nested": "[[1], []]", "set": #"["x"]"#,
        ]
        for (key, value) in fields { base[key] = value }
        let members = base.keys.sorted().compactMap { key in base[key].map { "  \"\(key)\": \($0)" } }
        return Array(("{\n" + members.joined(separator: ",\n") + "\n}\n").utf8)
    }

    @Test(arguments: [
        ["text": #""tab\there \u00e9 \/ \"q\" \\ \b\f\n\r\u0000""#],
        ["text": #""Ნინო 李小龍 😀 \u10D0 e\u0301""#],
        ["text": #""\ud83d\ude00""#],
        ["int": "9223372036854775807", "int64": "-9223372036854775808"],
        ["int": "9223372036854775808"],
        ["int64": "-9223372036854775809"],
        ["int": "-0"], ["int": "1.0"], ["int": "1e2"], ["int": "12345678901234567890123"],
        ["int8": "127"], ["int8": "128"], ["int8": "-129"], ["uint": "-1"], ["uint": "18446744073709551615"],
        ["double": "1"], ["double": "-0"], ["double": "-0.0"], ["double": "1e308"], ["double": "1e309"], ["double": "2.2250738585072014e-308"],
        ["double": "4.9e-324"], ["double": "1e-400"], ["double": "0.1"], ["double": "123456789012345678901234567890"],
        ["double": "1E+2"], ["double": "\"1\""], ["flag": "false"], ["flag": "1"], ["flag": "null"],
        ["date": #""2026-02-29T09:00:00Z""#], ["date": #""2024-02-29T09:00:00Z""#], ["date": #""2026-06-01T09:00:00.250Z""#],
        ["date": #""2026-06-01T09:00:00+02:00""#], ["date": #""2026-06-01""#], ["date": #""2026\u002D06-01T09:00:00Z""#], ["date": "1"],
        ["optional": "null"], ["optional": #""x""#], ["optional": "1"], ["optionalDate": "null"], ["optionalDate": #""2026-06-01T09:00:00Z""#],
        ["list": "[]"], ["list": "[null, null]"], ["list": "{}"], ["nested": "[[1, 2], [3]]"], ["nested": "[[1, 2.5]]"],
        ["double": "82.8000000000001"], ["double": "0.30000000000000004"], ["double": "0e5"], ["double": "-0.000e-999"], ["double": "1e-330"],
        ["set": #"["a", "b", "a"]"#], ["id": #""01HZ""#], ["id": "null"], ["extra": #"{"deep": [1, {"x": null}]}"#],
        ["text": "null"], ["text": "1"], ["int": "null"],
        ["uuid": #""3F41BEB9-B814-4CC0-8166-C52DB7CAAFA4""#], ["uuid": #""3f41beb9-b814-4cc0-8166-c52db7caafa4""#],
        ["uuid": #""3F41BEB9B8144CC08166C52DB7CAAFA4""#], ["uuid": #""3F41BEB9-B814-4CC0-8166-C52DB7CAAFAG""#],
        ["uuid": #""3F41BEB9-B814-4CC0-8166-C52DB7CAAFA4 ""#], ["uuid": #"" 3F41BEB9-B814-4CC0-8166-C52DB7CAAFA""#],
        ["uuid": #""+F41BEB9-B814-4CC0-8166-C52DB7CAAFA4""#], ["uuid": #""3F41BEB9-B814-4CC0-8166-C52DB7CAAF\u0041""#],
    ])
    func edgeValuesReadAsJSONDecoderReadsThem(fields: [String: String]) {
        Self.compare(Sampler.self, Self.document(fields), scratch: DirectDecoding.Scratch())
    }

    /// Every byte: a hex digit's value in either case, nil for anything else (the `\\u` escapes' reading).
    @Test func hexDigitsAreExactlyZeroToNineAndAToFInEitherCase() {
        for byte in UInt8.min...UInt8.max {
            let text = String(UnicodeScalar(byte))
            let expected = byte < 0x80 ? UInt8(text, radix: 16) : nil
            #expect(HexDigit.value(byte) == expected, "\(byte)")
        }
    }

    /// Every printable ASCII byte in every place of a UUID: the direct reader takes what JSONDecoder takes (a plain
    /// UUID, and the few odd ones `UUID(uuidString:)` takes, such as a space or sign before a pair of digits), as the
    /// same UUID, and nothing else. Its own parse checks the digits all at once, after converting them.
    @Test func uuidsWithAnyByteAnywhereReadAsJSONDecoderReadsThem() {
        let scratch = DirectDecoding.Scratch()
        let valid = Array("3F41BEB9-B814-4cc0-8166-C52DB7CAAFA4".utf8)
        var tried = 0
        for position in valid.indices {
            for byte in UInt8(0x20)...0x7E where byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                var text = valid
                text[position] = byte
                let string = String(decoding: text, as: UTF8.self)
                let read = Self.compare(Sampler.self, Self.document(["uuid": "\"\(string)\""]), scratch: scratch)
                #expect(read?.uuid == UUID(uuidString: string), "\(string)")
                tried += 1
            }
        }
        #expect(tried == 36 * 93)
    }

    @Test func plainDocumentsAreAcceptedNotLeftToTheSlowPath() throws {
        let scratch = DirectDecoding.Scratch()
        let unicode = Self.compare(Sampler.self, Self.document(["text": #""Ნინო 李 😀 \u00e9""#, "optional": "null"]), scratch: scratch)
        #expect(unicode?.text == "Ნინო 李 😀 é")
        #expect(unicode?.optional == nil)
        let large = Self.compare(Sampler.self, Self.document(["int64": "-9223372036854775808", "double": "1e308"]), scratch: scratch)
        #expect(large?.int64 == .min)
        #expect(large?.double == 1e308)
    }

    @Test func missingKeysAndSurprisesGiveUp() {
        let scratch = DirectDecoding.Scratch()
        var text = String(decoding: Self.document([:]), as: UTF8.self)
        // Missing required field.
        #expect(DirectDecoding.decode(Sampler.self, from: Data(text.replacingOccurrences(of: "\"int\": 1,", with: "").utf8), scratch: scratch) == nil)
        // A duplicate key: left to JSONDecoder, whatever it makes of it.
        text = text.replacingOccurrences(of: "\"int\": 1,", with: "\"int\": 1, \"int\": 2,")
        #expect(DirectDecoding.decode(Sampler.self, from: Data(text.utf8), scratch: scratch) == nil)
        // An escaped key.
        let escaped = String(decoding: Self.document([:]), as: UTF8.self).replacingOccurrences(of: "\"int\":", with: "\"i\\u006et\":")
        #expect(DirectDecoding.decode(Sampler.self, from: Data(escaped.utf8), scratch: scratch) == nil)
        for bad in ["", " ", "[]", "{", "{}", "{} {}", "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 01}", "{\"a\": tru}", "{\"a\": \"\u{1}\"}", "{\"a\": [1,]}"] {
            #expect(DirectDecoding.decode(Sampler.self, from: Data(bad.utf8), scratch: scratch) == nil, "\(bad)")
        }
        // Invalid UTF-8 in a string.
        let invalid = Array(#"{"text": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(DirectDecoding.decode(Sampler.self, from: Data(invalid), scratch: scratch) == nil)
    }

    @Test func anyStringAndNumberReadsAsJSONDecoderReadsIt() async {
        let texts = Gen.character(in: "\u{0}"..."\u{D7FF}").string(of: 0...24)
        let numbers = Gen.int(in: Int.min...Int.max)
        await propertyCheck(count: 300, input: texts, numbers) { text, number in
            let scratch = DirectDecoding.Scratch()
            let string = String(decoding: JSONWriter.bytes(of: .string(text)), as: UTF8.self)
            let double = Double(bitPattern: UInt64(bitPattern: Int64(number)))
            let doubleText = double.isFinite ? "\(double)" : "0"
            let read = Self.compare(Sampler.self, Self.document(["text": string, "int": "\(number)", "double": doubleText]), scratch: scratch)
            #expect(read?.text == text)
            #expect(read?.int == number)
        }
    }

    /// Random damage to valid record files: the direct reader never accepts what JSONDecoder rejects,
    /// and never reads a value JSONDecoder reads differently.
    @Test func damagedFilesAreNeverAcceptedByTheDirectPathAlone() throws {
        var rng = SeededRNG(seed: 18)
        let scratch = DirectDecoding.Scratch()
        let files = try Self.demo.influencers.prefix(40).map(Self.fileBytes) + Self.demo.deals.prefix(40).map(Self.fileBytes)
        var accepted = 0
        for round in 0..<3_000 {
            var bytes = files[round % files.count]
            let position = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes.removeSubrange(position...)
            case 1: bytes[position] = UInt8(truncatingIfNeeded: rng.next())
            case 2: bytes.insert(UInt8(ascii: ","), at: position)
            case 3: bytes.remove(at: position)
            case 4: bytes[position] ^= 1 << (rng.next() % 8)
            default:
                let from = Int(rng.next() % UInt64(bytes.count))
                bytes.insert(contentsOf: bytes[min(from, position)..<max(from, position)].prefix(40), at: position)
            }
            if round % files.count < 40 {
                if Self.compare(Influencer.self, bytes, scratch: scratch) != nil { accepted += 1 }
            } else if Self.compare(Deal.self, bytes, scratch: scratch) != nil {
                accepted += 1
            }
        }
        // Some mutations leave a valid file (a changed letter in a name): those must still read directly.
        #expect(accepted > 0)
    }

    @Test func theStoreReadsDirectlyAndKeepsItsMessages() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let inserted = try store.insertBatch(Self.demo.influencers)
        let directory = folder.data + "/influencers"
        let damagedID = inserted[0].id
        var bytes = try Self.fileBytes(inserted[0])
        let comma = try #require(bytes.firstIndex(of: UInt8(ascii: ",")))
        bytes.insert(contentsOf: Array("\n  ,".utf8), at: comma + 1)
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/\(damagedID).json"))
        let loaded = store.loadAll(Influencer.self)
        #expect(loaded.records.count == inserted.count - 1)
        #expect(Set(loaded.records) == Set(inserted.dropFirst()))
        let problem = try #require(loaded.problems.first)
        #expect(loaded.problems.count == 1)
        #expect(problem.kind == .damaged)
        // The position and reason JSONParser gives, as before the direct reader.
        do {
            _ = try JSONParser.parse(Data(bytes))
            Issue.record("the damaged file parsed")
        } catch {
            #expect(problem.position == TextPosition.of(offset: error.offset, in: Data(bytes)))
            #expect(problem.reason == error.reason)
        }
        #expect(problem.reason.contains("expected a member name"), "\(problem.reason)")
    }
}
