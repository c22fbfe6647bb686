import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReachCore
import Testing

extension EndToEndTests {
    /// A first start on a big folder reads every record file once, into the folder index, and starts from it. That
    /// takes a while: the app shows its progress at once, `q` quits while it reads (the terminal restored), and keys
    /// typed meanwhile run once it opens.
    @Test("A cold start of a 20k folder shows its progress, and q quits while it loads")
    func coldStartShowsProgressAndQuitsWhileLoading() throws {
        let folder = try Self.bigFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, width: 80, height: 24, afterwards: Self.sttyAfterwards,
                                   waitingFor: "Reading records")
        defer { app.close() }
        let progress = try app.tmux.waitFor(text: "q or Ctrl-C quits")
        #expect(progress.contains("Opening \(folder.url.path)") && progress.contains("Reading records into the folder's index")
                && progress.contains(" of 20,"), "\(progress)")

        try app.tmux.press("q")
        let screen = try Self.expectTerminalRestored(app, after: "q while loading")
        #expect(screen.contains("e2e-status=0\n"), "\(screen)")
        let log = try String(contentsOf: folder.url.appendingPathComponent("logs/reach.log"), encoding: .utf8)
        #expect(log.contains("app closed while loading"), "q was not handled during the load:\n\(log.suffix(2_000))")
    }

    @Test("Keys typed during a cold start run once the app opens")
    func keysTypedWhileLoadingAreKept() throws {
        let folder = try Self.bigFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, width: 100, height: 30, waitingFor: "Reading records")
        defer { app.close() }
        try app.tmux.type("2")
        try app.tmux.waitFor(text: "1 key(s) typed")
        try app.tmux.waitFor(text: try Self.allCreators(folder), timeout: 120)
        try app.quit()
        let log = try String(contentsOf: folder.url.appendingPathComponent("logs/reach.log"), encoding: .utf8)
        #expect(log.contains("started from the folder index"), "the first start did not start from the index it built")
    }

    /// The demo plus 20,000 copies of one of its creators (new ids, numbered names), written directly: the demo
    /// generator at that scale takes minutes in a debug build, and the reading is what these tests need.
    static func bigFolder() throws -> DataFolder {
        let folder = try demoFolder()
        let influencers = folder.url.appendingPathComponent("influencers")
        let sample = try #require(try FileManager.default.contentsOfDirectory(atPath: influencers.path).first { $0.hasSuffix(".json") })
        let text = try String(contentsOf: influencers.appendingPathComponent(sample), encoding: .utf8)
        let id = String(sample.dropLast(5))
        let name = try #require(try folder.records("influencers").first { $0["id"] as? String == id }?["displayName"] as? String)
        let now = Date()
        for n in 1...20_000 {
            let newID = RecordID.generate(at: now).rawValue
            let copy = text.replacingOccurrences(of: #""id": "\#(id)""#, with: #""id": "\#(newID)""#)
                .replacingOccurrences(of: #""displayName": "\#(name)""#, with: #""displayName": "Copy \#(n)""#)
            try Data(copy.utf8).write(to: influencers.appendingPathComponent("\(newID).json"))
        }
        return folder
    }
}
