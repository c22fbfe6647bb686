import Foundation
import Testing

extension EndToEndTests {
    /// The app writes saves off its loop; a quit, or a hang-up (a dropped SSH connection), right after a bulk action
    /// over every creator must still leave every one of them saved. Each creator's save is its own file written and
    /// flushed, so the last ones are still on their way when the `q` or the signal arrives.
    @Test("A quit or a hang-up right after a bulk archive leaves every marked creator archived", arguments: ["quit", "hang-up"])
    func bulkArchiveThenLeave(_ how: String) throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let archivedBefore = try folder.records("influencers").filter { $0["archived"] as? Bool == true }.count
        let app = try ReachSession(folder: folder.url)
        defer { app.close() }
        let pid = try app.pid()

        try app.go(to: "2", expecting: "creators · sort:")
        try app.tmux.type("*")
        try app.tmux.waitFor(text: "marked")
        try app.tmux.type("b")
        try app.tmux.waitFor(text: "Archive")
        try app.tmux.type("Archive")
        try app.tmux.press("Enter")
        let screen = try app.tmux.waitFor(text: " creators?")
        let question = try #require(screen.range(of: #"Archive (\d+) creators\?"#, options: .regularExpression).map { String(screen[$0]) })
        let marked = try #require(Int(question.dropFirst("Archive ".count).prefix { $0.isNumber }))
        #expect(marked > 50, "the demo's roster: \(question)")
        if how == "quit" {
            try app.tmux.press("Enter", "q")
        } else {
            try app.tmux.press("Enter")
            // The app has taken the Enter (its frame is drawn before the files are written), then the line drops.
            try app.tmux.waitForAbsence(of: " creators?")
            #expect(kill(pid, SIGHUP) == 0)
        }
        try app.tmux.waitForPrompt()
        let archived = try folder.records("influencers").filter { $0["archived"] as? Bool == true }.count
        #expect(archived == archivedBefore + marked, "\(marked) marked, \(archived - archivedBefore) archived on disk")
    }
}
