import Foundation
import Testing

extension EndToEndTests {
    /// Two apps on two clones of one repository (two servers): edits to different fields of one deal both arrive
    /// after `Y` on each side; then both change the same field, and the second sees the conflict and resolves it.
    @Test("Two servers sync one deal through git; a same-field clash is shown and resolved in the app")
    func twoServersSyncOneDeal() throws {
        let world = try SyncWorld(replicas: 2)
        defer { world.remove() }
        let apps = try (0..<2).map { try ReachSession(folder: world.replicas[$0], width: 120, height: 40, environment: SyncWorld.user($0)) }
        defer { apps.forEach { $0.close() } }
        for app in apps {
            try app.tmux.waitFor(text: "synced just now")
            try app.go(to: "1", expecting: " to do")
            try app.tmux.press("Enter")
            try app.tmux.waitFor(text: "Stage: ")
        }
        let stage = try #require(apps[1].tmux.screen().split(separator: "\n").first { $0.contains("Stage: ") })

        // Different fields: the first sets the follow-up date, the second moves the stage.
        let nine = "\(Self.utcDay(Date().addingTimeInterval(9 * 86_400))) (in 9d)"
        try apps[0].tmux.type("f")
        try apps[0].tmux.waitFor(text: "Next follow-up")
        try apps[0].tmux.press("C-u")
        try apps[0].tmux.type("+9d")
        try apps[0].tmux.press("Enter")
        try apps[0].tmux.waitFor(text: nine)
        try apps[1].tmux.type(">")
        try apps[1].tmux.waitForAbsence(of: String(stage))
        let moved = try #require(apps[1].tmux.screen().split(separator: "\n").first { $0.contains("Stage: ") })

        for index in [0, 1, 0] { try world.pressSync(apps[index], replica: index) }
        try apps[0].tmux.waitFor(text: String(moved.trimmingCharacters(in: .whitespaces).prefix(30)))
        try apps[1].tmux.waitFor(text: nine)

        // The same field: both set the follow-up, the first syncs first; the second keeps its own date and is told.
        let twelve = "\(Self.utcDay(Date().addingTimeInterval(12 * 86_400))) (in 12d)"
        let fifteen = "\(Self.utcDay(Date().addingTimeInterval(15 * 86_400))) (in 15d)"
        for (app, days, shown) in [(apps[0], "+12d", twelve), (apps[1], "+15d", fifteen)] {
            try app.tmux.type("f")
            try app.tmux.waitFor(text: "Next follow-up")
            try app.tmux.press("C-u")
            try app.tmux.type(days)
            try app.tmux.press("Enter")
            try app.tmux.waitFor(text: shown)
        }
        try world.pressSync(apps[0], replica: 0)
        try apps[1].tmux.type("Y")
        try apps[1].tmux.waitFor(text: "≠")
        #expect(try apps[1].tmux.screen().contains(fifteen), "ours stays in the record until the user chooses")

        try apps[1].tmux.type("!")
        let dialog = try apps[1].tmux.waitFor(text: "Take theirs")
        #expect(dialog.contains("Replica 1"), "the dialog names who made the other value:\n\(dialog)")
        try apps[1].tmux.type("t")
        try apps[1].tmux.waitFor(text: twelve)
        try apps[1].tmux.waitForAbsence(of: "≠")
        let conflicts = world.replicas[1].appendingPathComponent("conflicts/deals")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: conflicts.path)) ?? []).isEmpty)
    }
}
