import Foundation
import Testing

/// `reach import results` through the real binary, on the demo data: exit codes, the report, and the deal file.
@Suite struct ImportResultsCommandTests {
    @Test func importsSalesByCodeOnceAndReportsBadRows() throws {
        let dir = try ReachBinary.scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        #expect(try ReachBinary.run(["--data-dir", data, "demo"]).status == 0)
        // A demo deal with a discount code.
        let dealsFolder = data + "/deals"
        var found: (file: String, code: String, creator: String)?
        for name in try FileManager.default.contentsOfDirectory(atPath: dealsFolder).sorted() where name.hasSuffix(".json") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dealsFolder + "/" + name))) as? [String: Any]
            if let code = (object?["tracking"] as? [String: Any])?["discountCode"] as? String, !code.isEmpty,
               let creator = object?["influencerID"] as? String {
                found = (dealsFolder + "/" + name, code, creator)
                break
            }
        }
        let (file, code, creator) = try #require(found)
        let csv = dir.appendingPathComponent("codes.csv").path
        try Data("\u{FEFF}Code;Orders;Net sales;Day\n \(code.lowercased()) ;2;80,00;2026-11-03\nNO-SUCH-CODE;1;10;2026-11-03\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        let dry = try ReachBinary.run(["import", "results", csv, "--dry-run", "--data-dir", data])
        #expect(dry.status == 1, "\(dry.output)")
        #expect(dry.output.contains("line 2: merged"), "\(dry.output)")
        #expect(dry.output.contains("line 3: rejected   no deal has the discount code \"NO-SUCH-CODE\""), "\(dry.output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)

        let real = try ReachBinary.run(["import", "results", csv, "--data-dir", data])
        #expect(real.status == 1, "\(real.output)")
        #expect(real.output.contains("1 record written"), "\(real.output)")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("importedResults"))
        #expect(saved.contains("\"sourceFile\": \"codes.csv\""), "\(saved)")

        let again = try ReachBinary.run(["import", "results", csv, "--data-dir", data])
        #expect(again.output.contains("0 merged"), "\(again.output)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == saved)

        // Erasing the creator scrubs what the result was matched by (a code or a post URL can name them);
        // the figures stay, so totals do not change.
        #expect(try ReachBinary.run(["person", "erase", creator, "--yes", "--data-dir", data]).status == 0)
        let erased = try String(contentsOfFile: file, encoding: .utf8)
        #expect(erased.contains("\"matchedBy\": \"erased\""), "\(erased)")
        #expect(erased.contains("\"minorUnits\": 8000"))
    }
}
