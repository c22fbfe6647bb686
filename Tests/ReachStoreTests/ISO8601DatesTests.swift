import Foundation
import ReachJSON
import Testing
@testable import ReachStore

/// The hand-written date parser must agree with Foundation's ISO 8601 parser on every date it accepts.
@Suite struct ISO8601DatesTests {
    @Test func agreesWithFoundationOnUTCSeconds() throws {
        let samples = ["1970-01-01T00:00:00Z", "2026-06-01T09:00:00Z", "2024-02-29T23:59:59Z", "2000-02-29T12:00:00Z",
                       "1999-12-31T23:59:59Z", "1900-03-01T00:00:00Z", "2100-12-31T00:00:01Z", "1969-07-20T20:17:40Z"]
        for text in samples {
            let fast = try #require(ISO8601Dates.parseUTCSeconds(text), "\(text)")
            #expect(fast == (try Date.ISO8601FormatStyle().parse(text)), "\(text)")
        }
    }

    @Test func leavesEveryOtherShapeToFoundation() {
        for text in ["2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-06-31T00:00:00Z", "2026-06-01T24:00:00Z",
                     "2026-06-01T09:00:00.5Z", "2026-06-01T09:00:00+02:00", "2026-06-01 09:00:00Z", "2026-06-01", "２０２６-06-01T09:00:00Z"] {
            #expect(ISO8601Dates.parseUTCSeconds(text) == nil, "\(text)")
        }
    }

    @Test func decodesBothShapesAndRejectsGarbage() throws {
        struct Holder: Decodable { var at: Date }
        let decoder = RecordCoding.makeDecoder()
        let fast = try decoder.decode(Holder.self, from: Data(#"{"at": "2026-06-01T09:00:00Z"}"#.utf8))
        let offset = try decoder.decode(Holder.self, from: Data(#"{"at": "2026-06-01T11:00:00+02:00"}"#.utf8))
        #expect(fast.at == offset.at)
        #expect(throws: DecodingError.self) { try decoder.decode(Holder.self, from: Data(#"{"at": "yesterday"}"#.utf8)) }
    }
}
