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

    @Test func waitingForMissingTextTimesOut() throws {
        let session = try TmuxSession(width: 40, height: 10)
        defer { session.close() }
        #expect(throws: HarnessError.self) {
            try session.waitFor(text: "this text never appears", timeout: 0.3)
        }
    }
}
