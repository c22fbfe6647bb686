import Testing
@testable import TerminalUI

/// Loose timing guards (debug builds are much slower than release); the real benchmarks live elsewhere.
@Suite struct PerformanceTests {
    private func milliseconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    }

    @Test func fullFrameRenderAndDiffAt200x60() {
        var previous = Buffer(width: 200, height: 60)
        let row = String(repeating: "Ļoti garš vārds 東京 ", count: 10)
        let time = milliseconds {
            for frame in 0..<10 {
                var buffer = Buffer(width: 200, height: 60)
                for y in 0..<60 { buffer.write(frame % 2 == 0 ? row : "x" + row, x: 0, y: y, maxWidth: 200) }
                _ = buffer.changes(from: previous)
                previous = buffer
            }
        }
        #expect(time / 10 < 50, "debug-build frame took \(time / 10) ms")
    }

    @Test func millionRowTableFrame() {
        let table = Table(columns: [TableColumn("Name"), TableColumn("Fee", width: .fixed(8))], rowCount: 1_000_000) {
            ["Row \($0)", "\($0)"]
        }
        var buffer = Buffer(width: 120, height: 50)
        var state = SelectionState(selected: 500_000)
        let time = milliseconds { table.render(into: &buffer, area: buffer.area, state: &state) }
        #expect(time < 50, "debug-build table frame took \(time) ms")
    }
}
