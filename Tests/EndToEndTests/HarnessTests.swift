import Foundation
import Testing

/// Checks the harness itself against the real binary, so a broken harness fails loudly rather than passing vacuously.
@Suite(.serialized)
struct HarnessTests {
    @Test func versionIsPrintedInsideTmux() throws {
        let session = try TmuxSession(width: 80, height: 24)
        defer { session.close() }
        try session.typeLine("\(try ReachBinary.path()) --version; echo exit=$?")
        let screen = try session.waitFor(text: "exit=0")
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("reach 0.") })
    }

    /// The terminal-restore scenario reads `stty -a` under `sh -c`; this shows that reading sees modes a program left off.
    @Test func sttyFlagsShowModesLeftOff() throws {
        let session = try TmuxSession(width: 100, height: 20)
        defer { session.close() }
        let (screen, status) = try session.runInShell("sh -c 'stty -echo -icanon; stty -a; stty sane'")
        #expect(status == 0)
        let flags = EndToEndTests.sttyFlags(screen)
        #expect(flags.contains("-echo") && flags.contains("-icanon"), "stty -a showed:\n\(screen)")
    }

    /// The binary never sees the user's HOME or ~/.cache: each pane has its own, removed on close even while the app
    /// still runs.
    @Test func paneHasItsOwnHomeAndCacheRemovedOnClose() throws {
        let folder = try EndToEndTests.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        let home = app.tmux.home
        try app.quit()
        let (screen, status) = try app.tmux.runInShell(#"echo "[$HOME]"; echo "[$XDG_CACHE_HOME]""#)
        #expect(status == 0)
        #expect(screen.contains("[\(home.home.path)]") && screen.contains("[\(home.cache.path)]"), "\(screen)")
        #expect(FileManager.default.fileExists(atPath: home.home.path))
        try app.start()
        app.close()
        #expect(!FileManager.default.fileExists(atPath: home.root.path))
    }

    @Test func waitingForMissingTextTimesOut() throws {
        let session = try TmuxSession(width: 40, height: 10)
        defer { session.close() }
        #expect(throws: HarnessError.self) {
            try session.waitFor(text: "this text never appears", timeout: 0.3)
        }
    }
}
