import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    @Test func fixedPercentFill() {
        #expect(Layout.sizes(total: 100, constraints: [.fixed(10), .percent(50), .fill(1)]) == [10, 50, 40])
    }

    @Test func fillWeightsShareLeftoverWithRemainderFirst() {
        #expect(Layout.sizes(total: 10, constraints: [.fill(1), .fill(2)]) == [4, 6])
        #expect(Layout.sizes(total: 10, constraints: [.fill(1), .fill(1), .fill(1)]) == [4, 3, 3])
    }

    @Test func minGrowsOnlyWithoutFill() {
        #expect(Layout.sizes(total: 20, constraints: [.min(5), .min(5)]) == [10, 10])
        #expect(Layout.sizes(total: 20, constraints: [.min(5), .fill(1)]) == [5, 15])
    }

    @Test func overflowClipsLaterSlots() {
        #expect(Layout.sizes(total: 12, constraints: [.fixed(10), .fixed(10)]) == [10, 2])
        #expect(Layout.sizes(total: 0, constraints: [.fixed(10), .fill(1)]) == [0, 0])
    }

    @Test func spacingIsSubtracted() {
        let rects = Rect(x: 0, y: 0, width: 21, height: 3).split(.horizontal, [.fill(1), .fill(1)], spacing: 1)
        #expect(rects == [Rect(x: 0, y: 0, width: 10, height: 3), Rect(x: 11, y: 0, width: 10, height: 3)])
    }

    @Test func verticalSplitAndInset() {
        let area = Rect(x: 2, y: 1, width: 10, height: 10)
        let parts = area.split(.vertical, [.fixed(1), .fill(1), .fixed(1)])
        #expect(parts.map(\.height) == [1, 8, 1])
        #expect(parts[2].y == 10)
        #expect(area.inset(by: 1) == Rect(x: 3, y: 2, width: 8, height: 8))
        #expect(area.inset(by: 20).isEmpty)
        #expect(area.centered(width: 4, height: 2) == Rect(x: 5, y: 5, width: 4, height: 2))
    }
}
