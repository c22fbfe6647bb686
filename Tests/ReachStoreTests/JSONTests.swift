import Foundation
import PropertyBased
import Testing
@testable import ReachStore

@Suite struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let text = #"{"a": [1, -2.5e3, true, false, null], "s": "tab\there \u00e9 \ud83d\ude00 \/", "o": {}}"#
        let value = try JSONParser.parse(Data(text.utf8))
        #expect(value == ["a": [1, .number("-2.5e3"), true, false, nil], "s": "tab\there é 😀 /", "o": [:]])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "expected a member name"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected a value"),
        ("{\"a\": 01}", 1, 8, "expected ',' or '}'"),
        ("{} {}", 1, 4, "after the end"),
        ("\"line\nbreak\"", 1, 6, "control character"),
        ("{\"é\": ?}", 1, 7, "expected a value but found '?'"),
        ("   ", 1, 4, "only whitespace"),
    ])
    func syntaxErrorsNameLineAndColumn(text: String, line: Int, column: Int, reason: String) {
        do {
            _ = try JSONParser.parse(Data(text.utf8))
            Issue.record("\(text) parsed")
        } catch {
            #expect(TextPosition.of(offset: error.offset, in: Data(text.utf8)) == TextPosition(line: line, column: column))
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func writerOutputIsValidForFoundationAndStable() throws {
        let value: JSONValue = ["b": ["x": "q\"\\\n\u{1}"], "a": [], "c": [:], "é": 1, "Z": .number("1e10")]
        let bytes = JSONWriter.bytes(of: value)
        #expect(String(decoding: bytes, as: UTF8.self) == """
            {
              "Z": 1e10,
              "a": [],
              "b": {
                "x": "q\\"\\\\\\n\\u0001"
              },
              "c": {},
              "é": 1
            }

            """)
        #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any])
        #expect(try JSONParser.parse(Data(bytes)) == value)
    }

    @Test func anyStringRoundTrips() async {
        let scalars = Gen.character(in: "\u{0}"..."\u{D7FF}").string(of: 0...24)
        await propertyCheck(count: 300, input: scalars, scalars) { key, text in
            let value: JSONValue = [key: [.string(text), ["k": .string(key)]]]
            #expect((try? JSONParser.parse(Data(JSONWriter.bytes(of: value)))) == value)
        }
    }

    @Test func locatesAValueByPath() throws {
        let text = "{\n  \"list\": [\n    {\"k\": 1},\n    {\"k\": \"two\"}\n  ]\n}"
        let offset = try #require(JSONParser.offset(of: [.key("list"), .index(1), .key("k")], in: Data(text.utf8)))
        #expect(TextPosition.of(offset: offset, in: Data(text.utf8)) == TextPosition(line: 4, column: 11))
    }
}
