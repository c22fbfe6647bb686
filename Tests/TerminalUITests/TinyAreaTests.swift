import Testing
@testable import TerminalUI

@Suite struct TinyAreaTests {
    @Test(arguments: [(1, 1), (0, 0), (20, 5), (2, 1), (1, 3), (3, 2)])
    func everyWidgetSurvivesTinyBuffers(width: Int, height: Int) {
        let screens = WidgetGallery.renderEach(width: width, height: height)
        #expect(screens.count == 14)
        for buffer in screens.values {
            #expect(buffer.lines().count == height)
        }
    }

    @Test func widgetsNeverWriteOutsideTheirArea() {
        let area = Rect(x: 5, y: 3, width: 7, height: 2)
        let screens = WidgetGallery.renderEach(width: 20, height: 8, area: area)
        for (name, buffer) in screens {
            for y in 0..<buffer.height {
                for x in 0..<buffer.width where !area.contains(Point(x: x, y: y)) {
                    #expect(buffer[x: x, y: y] == .blank, "\(name) wrote at \(x),\(y)")
                }
            }
        }
    }

    @Test func areasOutsideTheBufferAreIgnored() {
        let screens = WidgetGallery.renderEach(width: 10, height: 4, area: Rect(x: 8, y: 2, width: 30, height: 30))
        for buffer in screens.values {
            #expect(buffer.lines().count == 4)
        }
    }
}
