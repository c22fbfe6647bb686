import Foundation
import PropertyBased
import ReachCore
import Testing
@testable import ReachStore
@testable import reach_torture

/// Text users paste is kept exactly, byte for byte, through every path a record takes (save,
/// fast load, re-save that keeps unknown fields, migration), and the file itself stays safe to
/// `cat` or `git diff` in a terminal. (How the app displays such text is tested in TerminalUI.)
@Suite struct HostileTextTests {
    static let samples: [(name: String, text: String)] = [
        ("clear screen and home", "\u{1B}[2J\u{1B}[HHi"),
        ("OSC 52 clipboard write", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}name"),
        ("window title", "\u{1B}]0;pwned\u{1B}\\"),
        ("every C0 control and DEL", String(String.UnicodeScalarView((0...0x1F).compactMap(Unicode.Scalar.init) + ["\u{7F}"]))),
        ("every C1 control", String(String.UnicodeScalarView((0x80...0x9F).compactMap(Unicode.Scalar.init)))),
        ("bidi overrides", "\u{202E}gnp.exe\u{202C} \u{2066}\u{2067}\u{2068}\u{2069}\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202D}"),
        ("zero-width and BOM", "Ai\u{200B}ko\u{200C}\u{200D}\u{2060}\u{FEFF}"),
        ("line and paragraph separators", "a\u{2028}b\u{2029}c\r\nd\re"),
        ("decomposed vs precomposed", "Zoe\u{0301} / Zo\u{00E9}"),
        ("combining pile-up", "Z" + String(repeating: "\u{0336}\u{0337}\u{0338}", count: 200)),
        ("noncharacters and private use", "\u{FFFE}\u{FFFF}\u{E000}\u{10FFFF}\u{F0000}"),
        ("emoji sequences", "👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵 👍🏽 🏴󠁧󠁢󠁳󠁣󠁴󠁿"),
        ("NUL inside", "before\u{0}after"),
        ("JSON lookalikes", "\",\n\"revision\": 999, \"x\": \"\\u0000 \\\" \\\\"),
    ]

    /// Where terminal control and direction-changing characters must not appear raw in a record file.
    static func rawTerminalHazards(in bytes: Data) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.unicodeScalars.compactMap { scalar in
            let value = scalar.value
            let control = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
            let bidi = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
            return control || bidi ? "U+\(String(value, radix: 16, uppercase: true))" : nil
        }
    }

    @Test func hostileTextSurvivesEveryPathByteForByte() throws {
        let paste = Self.samples.map(\.text).joined(separator: " | ")
        let hundredKB = String(repeating: paste + "\n", count: 100_000 / paste.utf8.count + 1)
        for (name, text) in Self.samples + [("100 KB paste", hundredKB)] {
            try expectVerbatim(text, name: name)
        }
        report("hostile text", ["samples": Self.samples.count + 1, "largestBytes": hundredKB.utf8.count])
    }

    @Test func anyUnicodeTextSurvivesSaveAndLoad() async throws {
        // Half the scalars from below U+2100, where the controls, bidi marks and separators are.
        let scalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { Unicode.Scalar($0 % 2 == 0 ? $0 % 0x2100 : $0) ?? "\u{FFFD}" }
        let text = scalar.array(of: 0...40).map { String(String.UnicodeScalarView($0)) }
        let planted = try Planted()
        await propertyCheck(count: 300, input: text) { text in
            var edit = (try? planted.store.load(TortureRecord.self, id: planted.victim.id)) ?? planted.victim
            edit.body = text
            edit.tokens = [text]
            let saved = try? planted.store.save(edit).saved
            let loaded = try? planted.store.load(TortureRecord.self, id: planted.victim.id)
            #expect(saved.map { Array($0.body.utf8) } == Array(text.utf8))
            #expect(loaded.map { Array($0.body.utf8) } == Array(text.utf8))
            #expect(loaded?.tokens.map { Array($0.utf8) } == [Array(text.utf8)])
            #expect(Self.rawTerminalHazards(in: planted.bytes) == [])
        }
        report("unicode property", ["cases": 300])
    }

    private func expectVerbatim(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let planted = try Planted()
        var edit = planted.victim
        edit.body = text
        edit.tokens = [text, name]
        let saved = try #require(try planted.store.save(edit).saved, sourceLocation: sourceLocation)
        func same(_ record: TortureRecord?) -> Bool {
            record.map { Array($0.body.utf8) == Array(text.utf8) && $0.tokens.map { Array($0.utf8) } == [Array(text.utf8), Array(name.utf8)] } == true
        }
        #expect(same(saved), "\(name): save result", sourceLocation: sourceLocation)
        #expect(same(try RecordStore(folder: planted.scratch.data).load(TortureRecord.self, id: edit.id)), "\(name): load", sourceLocation: sourceLocation)

        // Again through the path that keeps unknown fields (parse, merge, write)...
        try planted.replace("\"body\"", with: "\"extra\": \"kept\",\n  \"body\"")
        var again = saved
        again.tokens.append("again")
        let resaved = try #require(try planted.store.save(again).saved, sourceLocation: sourceLocation)
        #expect(Array(resaved.body.utf8) == Array(text.utf8), "\(name): re-save", sourceLocation: sourceLocation)
        // ...and through a migration (the store's own parser and writer, then the decoder).
        try planted.replace("\"schemaVersion\": 2", with: "\"schemaVersion\": 1")
        try planted.replace("\"body\"", with: "\"text\"")
        let migrated = planted.store.loadAll(TortureRecord.self).records.first { $0.id == edit.id }
        #expect(migrated.map { Array($0.body.utf8) } == Array(text.utf8), "\(name): migration", sourceLocation: sourceLocation)

        // Other tools read the file, and it is safe to show in a terminal.
        #expect((try? JSONSerialization.jsonObject(with: planted.bytes)) != nil, "\(name): Foundation cannot read the file", sourceLocation: sourceLocation)
        #expect(Self.rawTerminalHazards(in: planted.bytes) == [], "\(name): raw control characters in the file", sourceLocation: sourceLocation)
    }
}
