import Foundation
import ReachCore
import ReachDemo
import ReachStore
import Testing

/// `reach demo` and `reach doctor` as a user runs them: the real binary, real folders, exit codes and output.
@Suite(.serialized)
struct DemoDoctorCLITests {
    /// A terminal-like environment, so doctor's terminal checks pass wherever the tests run.
    static let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": "", "EDITOR": "vi", "NO_COLOR": ""]

    private func run(_ arguments: [String], environment: [String: String] = Self.environment) throws -> Shell.Result {
        try ReachBinary.run(arguments, environment: environment)
    }

    @Test func demoWritesAFolderThatLoadsWithoutProblems() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path + "/data"
        let result = try run(["--data-dir", folder, "demo"])
        #expect(result.status == 0, "\(result.output)")
        let expected = DemoData.make(now: Date(), seed: 1)
        #expect(result.output.contains("\(expected.influencers.count) influencers, \(expected.campaigns.count) campaigns, \(expected.deals.count) deals"))
        #expect(result.output.contains("reach --data-dir \(folder)"))

        let store = try RecordStore(folder: folder)
        let influencers = store.loadAll(Influencer.self)
        let campaigns = store.loadAll(Campaign.self)
        let deals = store.loadAll(Deal.self)
        let templates = store.loadAll(Template.self)
        #expect((influencers.problems + campaigns.problems + deals.problems + templates.problems).isEmpty)
        #expect(influencers.records.count == expected.influencers.count)
        #expect(deals.records.count == expected.deals.count)
        #expect(templates.records.count == expected.templates.count)
        #expect(deals.records.allSatisfy { $0.revision == 1 })
        let settings = try #require(try store.loadWorkspace(WorkspaceSettings.self))
        #expect(settings.currencyRates.rates.count == expected.settings.currencyRates.rates.count)
        let loaded = DemoWorkspace(influencers: influencers.records, campaigns: campaigns.records, deals: deals.records,
                                   templates: templates.records, settings: settings)
        #expect(loaded.validationIssues().isEmpty)
    }

    @Test func demoRefusesAFolderWithRecordsEvenWithForce() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path + "/data"
        #expect(try run(["demo", "--data-dir", folder, "--seed", "3"]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder + "/deals").sorted()
        for extra in [[], ["--force"]] {
            let again = try run(["demo", "--data-dir", folder] + extra)
            #expect(again.status == 1)
            #expect(again.output.contains("already holds data"), "\(again.output)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/deals").sorted() == before)
    }

    @Test func demoNeedsForceNextToOtherFilesAndKeepsThem() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path
        let settings = #"{"schemaVersion": 1, "settings": {"reportingCurrency": "NOK", "mine": true}}"# + "\n"
        try settings.write(toFile: folder + "/reach.json", atomically: false, encoding: .utf8)
        try "keep me\n".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)

        let refused = try run(["demo", "--data-dir", folder])
        #expect(refused.status == 1)
        #expect(refused.output.contains("is not empty") && refused.output.contains("notes.txt"), "\(refused.output)")

        let forced = try run(["demo", "--data-dir", folder, "--force"])
        #expect(forced.status == 0, "\(forced.output)")
        #expect(forced.output.contains("reach.json was already there and was kept"))
        #expect(try String(contentsOfFile: folder + "/reach.json", encoding: .utf8) == settings)
        #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/influencers").count > 60)
    }

    @Test func demoAtScaleLoads() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path + "/data"
        let result = try run(["demo", "--data-dir", folder, "--scale", "2000", "--seed", "5"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("2000 influencers"))
        let store = try RecordStore(folder: folder)
        let influencers = store.loadAll(Influencer.self)
        let deals = store.loadAll(Deal.self)
        #expect(influencers.problems.isEmpty && deals.problems.isEmpty)
        #expect(influencers.records.count == 2_000)
        #expect((3_400...4_600).contains(deals.records.count))
    }

    @Test func doctorPassesOnAFreshDemoFolder() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path + "/data"
        #expect(try run(["demo", "--data-dir", folder]).status == 0)
        let result = try run(["doctor", "--data-dir", folder])
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("✗"))
        for expected in ["✓ exists, readable and writable", "private: only you can open it (mode 0700)", "(chosen by --data-dir)",
                         "no leftover temp files", "TERM=xterm-256color", "256 colours", "locale C.UTF-8 (LANG) is UTF-8"] {
            #expect(result.output.contains(expected), "missing \"\(expected)\" in:\n\(result.output)")
        }
    }

    @Test func doctorReportsACorruptFileAndExitsOne() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path + "/data"
        #expect(try run(["demo", "--data-dir", folder]).status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder + "/influencers").sorted().first)
        try #"{"id": "broken", "displayName": "#.write(toFile: folder + "/influencers/" + name, atomically: false, encoding: .utf8)

        let first = try run(["doctor", "--data-dir", folder])
        #expect(first.status == 1)
        #expect(first.output.contains("✗ influencers/\(name), line 1"), "\(first.output)")
        #expect(first.output.contains("Moved to quarantine/influencers/\(name)."))
        // The file stays in quarantine until someone deals with it, and doctor keeps saying so.
        let second = try run(["doctor", "--data-dir", folder])
        #expect(second.status == 1)
        #expect(second.output.contains("1 file waiting in quarantine/ from earlier"), "\(second.output)")
    }

    /// Doctor brings the folder index up to date and asks it; what it says about the records is what reading every
    /// file says (the index cannot be used where a folder stands in its place): a damaged file, a deal whose campaign
    /// is gone, two deals sharing a discount code written differently.
    @Test func doctorThroughTheIndexSaysWhatReadingEveryFileSays() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.path + "/data", copy = scratch.path + "/copy"
        #expect(try run(["demo", "--data-dir", folder]).status == 0)
        let deals = try FileManager.default.contentsOfDirectory(atPath: folder + "/deals").filter { $0.hasSuffix(".json") }.sorted()
        func edit(_ name: String, _ change: (inout [String: Any]) -> Void) throws {
            let path = folder + "/deals/" + name
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            change(&object)
            try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        }
        try edit(deals[3]) { $0["campaignID"] = "01KZZZZZZZZZZZZZZZZZZZZZZZ" }
        try edit(deals[5]) { $0["tracking"] = ["discountCode": " twin7 "] }
        try edit(deals[9]) { $0["tracking"] = ["discountCode": "TWIN7"] }
        let creator = try #require(try FileManager.default.contentsOfDirectory(atPath: folder + "/influencers").sorted().first)
        try #"{"id": "broken", "displayName": "#.write(toFile: folder + "/influencers/" + creator, atomically: false, encoding: .utf8)
        try FileManager.default.copyItem(atPath: folder, toPath: copy)
        try FileManager.default.createDirectory(atPath: copy + "/cache/index.sqlite", withIntermediateDirectories: true)

        func records(_ output: String) -> [String] {
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let start = lines.firstIndex(of: "Records") else { return [] }
            // The quarantined file's name carries the second it was moved.
            return Array(lines[start...].prefix { !$0.isEmpty })
                .map { $0.replacingOccurrences(of: #"\.\d{8}T\d{6}Z"#, with: ".<time>", options: .regularExpression) }
        }
        let indexed = try run(["doctor", "--data-dir", folder]), everyFile = try run(["doctor", "--data-dir", copy])
        let index = try FileManager.default.attributesOfItem(atPath: folder + "/cache/index.sqlite")
        #expect(index[.type] as? FileAttributeType == .typeRegular, "doctor used the index")
        #expect(records(indexed.output) == records(everyFile.output), "\(indexed.output)\n---\n\(everyFile.output)")
        let said = records(indexed.output).joined(separator: "\n")
        for expected in ["✗ influencers/\(creator), line 1", "deals point to a missing record", "is missing: restore it or delete the deal",
                         "2 deals share a discount code", "Discount code TWIN7 is used by 2 deals"] {
            #expect(said.contains(expected), "missing \"\(expected)\" in:\n\(said)")
        }
    }

    @Test func doctorExplainsABadTerminalAndLocale() throws {
        let scratch = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = Self.environment
        environment["LANG"] = "POSIX"
        environment["TERM"] = "no-such-terminal"
        let result = try run(["doctor", "--data-dir", scratch.path + "/missing"], environment: environment)
        #expect(result.status == 1)
        // Without UTF-8 the marks are ASCII, so the report itself stays readable.
        #expect(result.output.contains("! the folder does not exist yet"), "\(result.output)")
        #expect(result.output.contains("x TERM=no-such-terminal has no terminfo entry"))
        #expect(result.output.contains("x locale POSIX (LANG) is not UTF-8"))
        #expect(!result.output.contains("✓"))
    }
}
