import Foundation
import Testing

extension EndToEndTests {
    /// Scenario 8: two `reach` processes on one folder; each one's edit shows in the other within 3 s, no restart.
    @Test("Two sessions see each other's edits")
    func twoSessionsSeeEachOthersEdits() throws {
        let folder = try Self.seededFolder()
        defer { folder.remove() }
        let first = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { first.close() }
        let second = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { second.close() }
        // Both on the Roster, where the first (selected) creator is Līga and her detail shows beside the table.
        try first.go(to: "2", expecting: "4 of 4 creators")
        try second.go(to: "2", expecting: "4 of 4 creators")

        // The first renames her.
        let renamed = "Līga Bērziņa-Ozola"
        try first.tmux.type("e")
        try first.tmux.waitFor(text: "Edit Līga Bērziņa")
        try first.tmux.press("End")
        try first.tmux.type("-Ozola")
        try first.tmux.press("Enter")
        try first.tmux.waitFor(text: "Saved")
        let savedAt = Date()
        try second.tmux.waitFor(text: renamed, timeout: 3)
        let renameDelay = Date().timeIntervalSince(savedAt)

        // The second logs an activity on her deal from Today (her overdue follow-up is the first item).
        try second.go(to: "1", expecting: "3 to do")
        try second.tmux.type("a")
        try second.tmux.waitFor(text: "Log activity")
        try second.tmux.type("Rate call done")
        try second.tmux.press("Enter")
        try second.tmux.waitFor(text: "Saved")
        let loggedAt = Date()
        try first.tmux.waitFor(text: "Rate call done", timeout: 3)
        let activityDelay = Date().timeIntervalSince(loggedAt)

        #expect(renameDelay <= 3 && activityDelay <= 3, "rename seen after \(renameDelay) s, activity after \(activityDelay) s")
    }
}
