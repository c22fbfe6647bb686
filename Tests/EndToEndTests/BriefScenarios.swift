import Foundation
import Testing

extension EndToEndTests {
    /// The brief edited on the campaign page of the real app reaches the campaign's file, the page and `reach brief`.
    @Test("Edit a campaign's brief and print it")
    func editBriefAndPrintIt() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }

        try app.go(to: "4", expecting: "Spent")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Brief  B edits")  // at 120 columns, beside the figures
        try app.tmux.type("B")
        try app.tmux.waitFor(text: "Brief ·")
        let message = "Nakts serums: 好きな味、毎晩"
        try app.tmux.press("C-u")
        try app.tmux.type(message)
        try app.tmux.waitFor(text: "毎晩")
        try app.tmux.press("Enter")
        try app.tmux.waitFor(text: "Saved ")

        let record = try folder.waitForRecord("campaigns", "the new key message") { record in
            (record["brief"] as? [String: Any])?["keyMessage"] as? String == message
        }
        #expect(record["revision"] as? Int == 2)
        try app.tmux.waitFor(text: "Nakts serums")  // the page shows it
        let id = try #require(record["id"] as? String)
        let printed = try ReachBinary.run(["brief", id, "--data-dir", folder.url.path])
        #expect(printed.status == 0)
        #expect(printed.output.contains("## Key message\n\n\(message)\n"), "\(printed.output)")
    }
}
