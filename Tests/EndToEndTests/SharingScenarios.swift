import Foundation
import Testing

extension EndToEndTests {
    /// Scenario 8: two `reach` processes on one folder; each one's edit shows in the other without a restart (by the
    /// app's one-second poll; how long a poll takes at 100k is `reach-bench`'s `store.scan-100k`).
    @Test("Two sessions see each other's edits")
    func twoSessionsSeeEachOthersEdits() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let first = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { first.close() }
        let second = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { second.close() }

        // Both search the Roster for one creator; the second renames her, the first sees the new name.
        let name = Self.georgianName
        for session in [first, second] { try Self.findOne("ნინო", in: session, folder: folder) }
        let renamed = name + " Renamed"
        try second.tmux.type("e")
        try second.tmux.waitFor(text: "Edit \(name)")
        try second.tmux.press("End")
        try second.tmux.type(" Renamed")
        try second.tmux.press("Enter")
        try second.tmux.waitFor(text: "Saved \(renamed)")
        try first.tmux.waitFor(text: renamed)

        // Both open the first deal on Today; the first moves its follow-up, the second's deal page shows the new date.
        for session in [first, second] {
            try session.go(to: "1", expecting: " to do")
            try session.tmux.press("Enter")
            try session.tmux.waitFor(text: "Stage: ")
        }
        let due = "\(Self.utcDay(Date().addingTimeInterval(9 * 86_400))) (in 9d)"
        try first.tmux.type("f")
        try first.tmux.waitFor(text: "Next follow-up")
        try first.tmux.press("C-u")
        try first.tmux.type("+9d")
        try first.tmux.press("Enter")
        try first.tmux.waitFor(text: due)
        try second.tmux.waitFor(text: due)
    }

    /// Edits made outside Reach while it runs (a text editor saving over a file, a deleted file, a copied one) show
    /// in the open app without a restart: the kernel names the changed files (inotify), so the app need not stat
    /// the whole folder every second.
    @Test("Edits from outside Reach appear while it runs")
    func editsFromOutsideAppearWhileItRuns() throws {
        let folder = try Self.demoFolder()
        defer { folder.remove() }
        let app = try ReachSession(folder: folder.url, width: 120, height: 40)
        defer { app.close() }
        try app.go(to: "2", expecting: " creators")
        try search(app, "Freja")
        try app.tmux.waitFor(text: "Freja Holm")

        let renamed = "Freja Holm-Ozola 🧪", added = "Freja Kopie 🧪"
        try editInPlace(try creatorFile(folder, named: "Freja Holm")) { rename($0, "Freja Holm", to: renamed) }
        try app.tmux.waitFor(text: renamed, timeout: 5)
        try addCopy(of: try creatorFile(folder, named: "Giulia Bianchi"), named: added, to: folder)
        try app.tmux.waitFor(text: added, timeout: 5)
        try FileManager.default.removeItem(at: try creatorFile(folder, named: renamed))
        try app.tmux.waitForAbsence(of: renamed, timeout: 5)
        #expect(try app.tmux.settledScreen().contains(added))
    }
}
