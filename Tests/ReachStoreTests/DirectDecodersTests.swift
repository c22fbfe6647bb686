import Foundation
import ReachCore
import ReachDemo
import ReachJSON
import Testing
@testable import ReachStore

/// The models' generated direct decoders (`ReachCore/Generated/DirectDecoders.swift`) against `JSONDecoder` and the
/// models' synthesized `Decodable`: each member of a record, at any depth, missing, null, of another kind, or beside
/// an unknown one.
@Suite struct DirectDecodersTests {
    static let demo = DirectDecoderTests.demo

    /// The record of the kind whose file is longest: the one with the most members filled in.
    static func fullest<R: Record>(_ records: [R]) throws -> [UInt8] {
        try records.map(DirectDecoderTests.fileBytes).max { $0.count < $1.count } ?? []
    }

    enum Change: CaseIterable {
        case removed, null, string, number, object, array, unknownBeside
    }

    /// Every object member's path in `value`, depth first.
    static func memberPaths(_ value: JSONValue, _ path: [JSONPathStep] = []) -> [[JSONPathStep]] {
        switch value {
        case .object(let members):
            members.keys.sorted().flatMap { key in [path + [.key(key)]] + memberPaths(members[key]!, path + [.key(key)]) }
        case .array(let elements):
            elements.indices.flatMap { memberPaths(elements[$0], path + [.index($0)]) }
        default:
            []
        }
    }

    enum JSONPathStep: Hashable {
        case key(String)
        case index(Int)
    }

    /// `value` with the member at `path` changed.
    static func changing(_ value: JSONValue, at path: ArraySlice<JSONPathStep>, _ change: Change) -> JSONValue {
        guard let step = path.first else { return value }
        switch (value, step) {
        case (.object(var members), .key(let key)):
            if path.count > 1 {
                members[key] = changing(members[key]!, at: path.dropFirst(), change)
                return .object(members)
            }
            switch change {
            case .removed: members[key] = nil
            case .null: members[key] = .null
            case .string: members[key] = .string("2026")
            case .number: members[key] = .number("7")
            case .object: members[key] = .object([:])
            case .array: members[key] = .array([])
            case .unknownBeside: members[key + "Extra"] = .object(["a": .array([.null, .bool(true)])])
            }
            return .object(members)
        case (.array(var elements), .index(let index)):
            elements[index] = changing(elements[index], at: path.dropFirst(), change)
            return .array(elements)
        default:
            return value
        }
    }

    /// Whatever the generated decoder reads is what `JSONDecoder` reads; and where `JSONDecoder` reads a member
    /// missing, null or unknown, so does the generated decoder (it does not leave those to the slow path).
    static func checkEveryChange<R: Record>(_ type: R.Type, _ bytes: [UInt8]) throws -> (accepted: Int, total: Int) {
        let original = try JSONParser.parse(Data(bytes))
        let scratch = DirectDecoding.Scratch()
        var accepted = 0, total = 0
        for path in memberPaths(original) {
            for change in Change.allCases {
                let changed = JSONWriter.bytes(of: changing(original, at: path[...], change))
                let direct = DirectDecoderTests.compare(R.self, changed, scratch: scratch)
                let foundation = try? RecordCoding.makeDecoder().decode(R.self, from: Data(changed))
                total += 1
                if direct != nil { accepted += 1 }
                if foundation != nil, [.removed, .null, .unknownBeside].contains(change) {
                    #expect(direct != nil, "\(R.kind) \(path) \(change): JSONDecoder reads it, the direct decoder gave up")
                }
            }
        }
        return (accepted, total)
    }

    @Test func everyMemberChangedReadsAsJSONDecoderReadsIt() throws {
        for (accepted, total) in [
            try Self.checkEveryChange(Deal.self, try Self.fullest(Self.demo.deals)),
            try Self.checkEveryChange(Influencer.self, try Self.fullest(Self.demo.influencers)),
            try Self.checkEveryChange(Campaign.self, try Self.fullest(Self.demo.campaigns)),
        ] {
            // Both outcomes occur: optional members missing or null are read, required ones make it give up.
            #expect(accepted > 0 && accepted < total, "\(accepted) of \(total)")
        }
    }

    @Test func aRecordWithOnlyItsRequiredMembersReadsDirectly() throws {
        let deal = Deal(id: RecordID(rawValue: "01J0000000000000000000DEAL"), createdAt: Date(timeIntervalSince1970: 1_780_000_000),
                        influencerID: RecordID(rawValue: "01J000000000000000000CREAT"),
                        campaignID: RecordID(rawValue: "01J00000000000000000CAMPGN"))
        let bytes = try DirectDecoderTests.fileBytes(deal)
        #expect(DirectDecoding.decode(Deal.self, from: Data(bytes), scratch: DirectDecoding.Scratch()) == deal)
    }

    /// The models' decoders are made by `scripts/generate-direct-decoders`; a model changed without running it
    /// would read files with yesterday's fields.
    @Test func theGeneratedDecodersAreCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/generate-direct-decoders").path, "--check"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
