import Foundation
import ReachCore
import ReachStore
import Testing

/// `reach brief` through the real binary: standard output, `--output`, the text format and exit codes.
@Suite struct BriefCommandTests {
    /// A folder with a filled brief (CJK, and an internal note that must not leak), a similar name and an empty brief.
    static func folder() throws -> DataFolder {
        let data = try DataFolder()
        let store = try RecordStore(folder: data.url.path)
        let now = Date()
        var generator = SystemRandomNumberGenerator()
        func campaign(_ name: String, _ brief: CampaignBrief, notes: String? = nil) throws {
            _ = try store.save(Campaign(id: RecordID.generate(at: now, using: &generator), createdAt: now, name: name, brand: "Bento Go",
                                        budget: Money(major: 2_000_000, currency: .jpy), brief: brief, notes: notes), expectedRevision: 0)
        }
        try campaign("Japan launch", CampaignBrief(keyMessage: "好きな店の味を、30分で。\u{1b}[2J", dos: ["注文をライブで"],
                                                   callToAction: "コード BENTO50"), notes: "Max fee ¥90,000")
        try campaign("Japan relaunch", CampaignBrief())
        return data
    }

    @Test func printsMarkdownWritesTextToAFileAndFailsClearly() throws {
        let data = try Self.folder()
        defer { data.remove() }
        let dir = ["--data-dir", data.url.path]

        let md = try ReachBinary.run(["brief", "japan launch"] + dir)
        #expect(md.status == 0, "\(md.output)")
        #expect(md.output == """
            # Brief: Japan launch

            **Brand:** Bento Go

            ## Key message

            好きな店の味を、30分で。^[[2J

            ## Do's

            - 注文をライブで

            ## Call to action

            コード BENTO50

            """, "the escape sequence in the data is shown, not sent")

        let file = data.url.appendingPathComponent("brief.txt").path
        let text = try ReachBinary.run(["brief", "JAPAN LAUNCH", "--format", "text", "--output", file] + dir)
        #expect(text.status == 0 && text.output.isEmpty, "\(text.output)")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("Brief: Japan launch\nBrand: Bento Go\n\nKEY MESSAGE\n好きな店の味を"))
        #expect(!written.contains("90,000"), "internal notes stay out")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600, "written like an export")

        let ambiguous = try ReachBinary.run(["brief", "japan"] + dir)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.output.contains("\"japan\" matches 2 campaigns"))
        #expect(ambiguous.output.contains("  Japan launch (Bento Go)") && ambiguous.output.contains("  Japan relaunch (Bento Go)"))

        let empty = try ReachBinary.run(["brief", "Japan relaunch"] + dir)
        #expect(empty.status == 1)
        #expect(empty.output == "reach: The brief of \"Japan relaunch\" is empty: write it in Reach (B on the campaign) before sending it to creators.\n")

        let unknown = try ReachBinary.run(["brief", "Winter"] + dir)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("No campaign matches \"Winter\""))

        #expect(try ReachBinary.run(["brief", "Japan launch", "--format", "pdf"] + dir).status == 2)
    }
}
