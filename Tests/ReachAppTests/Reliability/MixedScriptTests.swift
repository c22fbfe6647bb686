import Foundation
import Testing
import ReachCore
import TerminalUI
@testable import ReachApp

/// A roster of Latvian, Georgian, CJK and emoji names: every row's columns after the name start at the same
/// terminal column, computed from the drawn cells the way a terminal advances its cursor.
@Suite("Mixed scripts")
struct MixedScriptTests {
    static let names = [
        "Līga Bērziņa", "Ģirts Ķēniņš-Šķēle", "ნინო ბერიძე", "ლევან გოგიჩაიშვილი-ჯაყელი", "田中さくら",
        "田中さくら田中さくら田中さくら田中さくら", "王小明", "김민지", "🌸 Sakura Travels", "👩‍💻 Dev Queen", "🇱🇻 Rīga Eats",
        "❤️ Love", "👍🏽 Thumbs", "Zoë Ångström", "e\u{301}lodie (decomposed)", "Ａｎｎａ 全角", "𝐁𝐨𝐥𝐝 Face",
    ]

    static func state(size: Size) -> AppState {
        let influencers = names.enumerated().map { n, name in
            Influencer(id: FuzzWorld.id(500 + n), createdAt: FuzzWorld.days(-1), displayName: name, country: "LV",
                       accounts: [PlatformAccount(platform: [.instagram, .tiktok, .youtube][n % 3], handle: "handle\(n)", isMain: true,
                                                  snapshots: [MetricSnapshot(asOf: FuzzWorld.days(-2), followers: 1_000 * (n + 1))])])
        }
        var state = AppState(workspace: Workspace(influencers: influencers), now: FuzzWorld.now, timeZone: FuzzWorld.utc,
                             size: size)
        _ = App.update(&state, .input(.key(.char("2"))))
        return state
    }

    /// The terminal column at which the cell at `x` is drawn: the sum of the widths of the glyphs before it.
    static func terminalColumn(x: Int, y: Int, _ buffer: Buffer) -> Int {
        (0..<x).reduce(0) { column, i in
            let cell = buffer[x: i, y: y]
            return cell.isContinuation ? column : column + DisplayWidth.of(cell.character)
        }
    }

    /// For each table row showing a handle, the terminal column where the Handle column starts ("IG @handle3"
    /// puts `@` three columns in). The header's "Handle" is included under the key "header".
    static func handleColumns(_ buffer: Buffer, rows: Int) throws -> [String: Int] {
        let header = try #require((0..<buffer.height).first { ScreenInspection.column(of: "Handle", inRow: $0, of: buffer) != nil })
        let headerX = try #require(ScreenInspection.column(of: "Handle", inRow: header, of: buffer))
        var columns = ["header": terminalColumn(x: headerX, y: header, buffer)]
        for y in (header + 1)..<buffer.height {
            guard let x = ScreenInspection.column(of: "@handle", inRow: y, of: buffer) else { continue }
            columns[ScreenInspection.line(y, of: buffer)] = terminalColumn(x: x, y: y, buffer) - 3
        }
        #expect(columns.count > min(rows, buffer.height - 4), "too few rows with a handle: \(columns.count)")
        return columns
    }

    @Test("columns after the name start at the same column in every row", arguments: [
        Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
        Size(width: 200, height: 60),
    ])
    func aligned(_ size: Size) throws {
        let state = Self.state(size: size)
        var buffer = Buffer(size: size)
        AppView.render(state, into: &buffer, theme: .monochrome)
        #expect(ScreenInspection.problems(buffer, expected: size).isEmpty)
        let columns = try Self.handleColumns(buffer, rows: Self.names.count)
        #expect(Set(columns.values).count == 1, "handle column per row: \(columns)")
        // A name wider than its column (up to 120 columns the name gets 18) is cut with an ellipsis, not spilled.
        if size.width <= 120, let long = buffer.lines().first(where: { $0.contains("@handle5 ") }) {
            #expect(long.hasPrefix("田中さくら田中") && long.contains("…"), "\(long)")
        }
    }

    @Test("selecting rows and opening details keeps the alignment", arguments: ["j", "jjjjj", "G", "<Enter><Esc>jj"])
    func alignedWhileMoving(_ script: String) throws {
        var state = Self.state(size: Size(width: 120, height: 40))
        for event in keys(script) { _ = App.update(&state, .input(event)) }
        var buffer = Buffer(size: state.size)
        AppView.render(state, into: &buffer, theme: .monochrome)
        let columns = try Self.handleColumns(buffer, rows: Self.names.count)
        #expect(Set(columns.values).count == 1, "handle column per row: \(columns)")
        #expect(ScreenInspection.problems(buffer, expected: state.size).isEmpty)
    }
}
