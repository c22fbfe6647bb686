import Foundation
import ReachCore
import ReachJSON
import Testing
@testable import ReachStore

/// `FolderForm` against its definition: a document is in the folder's form exactly when writing its parse again
/// (`JSONWriter.bytes`) gives the same bytes; then the export copies it, and the copy is what the writer would give.
@Suite struct FolderFormTests {
    /// (in the form, the export's text) as `FolderForm` says, or nil when the tape refuses the document.
    static func check(_ bytes: [UInt8]) -> (holds: Bool, text: [UInt8])? {
        bytes.withUnsafeBufferPointer { buffer in
            DirectDecoding.withDocument(buffer, scratch: DirectDecoding.Scratch()) { root in
                FolderForm.holds(root, count: buffer.count) ? (true, FolderForm.elementText(buffer)) : (false, [])
            }
        }
    }

    /// Holds exactly when the writer gives the same bytes, and the text is then the writer's.
    static func expectMatchesTheWriter(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool? {
        guard let parsed = try? JSONParser.parse(Data(bytes)) else { return nil }
        guard let (holds, text) = check(bytes) else { return nil }
        let canonical = JSONWriter.bytes(of: parsed) == bytes
        #expect(holds == canonical, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        if holds { #expect(text == JSONWriter.ArrayStream.text(of: parsed), sourceLocation: sourceLocation) }
        return holds
    }

    @Test func everyFileReachWritesIsInTheFormAndCopiedAsTheWriterWouldWriteIt() throws {
        let demo = DirectDecoderTests.demo
        var files = try demo.influencers.map(DirectDecoderTests.fileBytes) + demo.deals.map(DirectDecoderTests.fileBytes)
        files += try demo.campaigns.map(DirectDecoderTests.fileBytes) + demo.templates.map(DirectDecoderTests.fileBytes)
        for file in files { #expect(Self.expectMatchesTheWriter(file) == true) }
    }

    @Test(arguments: [
        // Each is a valid document the writer would write otherwise.
        "{\n  \"b\": 1,\n  \"a\": 2\n}\n", // keys out of order
        "{\n  \"a\": 1,\n  \"a2\": 2\n}", // no final newline
        "{\n  \"a\": 1\n}\n\n",
        "{\"a\": 1}\n", // on one line
        "{\n  \"a\":1\n}\n",
        "{\n  \"a\" : 1\n}\n",
        "{\n   \"a\": 1\n}\n", // three spaces
        "{\n\t\"a\": 1\n}\n",
        "{\n  \"a\": [\n  1\n  ]\n}\n", // an element not indented
        "{\n  \"a\": [ ]\n}\n",
        "{\n  \"a\": {\n  }\n}\n",
        "{\n  \"a\": \"\\u0041\"\n}\n", // an escape the writer does not use
        "{\n  \"a\": \"\\/\"\n}\n",
        "{\n  \"a\": \"\u{7F}\"\n}\n", // DEL raw: the writer escapes it
        "{\n  \"a\": \"\u{202E}\"\n}\n", // a bidi override raw
        "{\n  \"a\": \"\u{9B}\"\n}\n", // a C1 control raw
        "{\n  \"a\": \"\\u00E9\"\n}\n", // é escaped: the writer writes it raw
        "{\n  \"a\": \"\\u007F\"\n}\n", // upper-case hex: the writer writes lower case
        "[\n  1\n]\n", // an array is fine too, in the form
        "{\n  \"a\": \"\\u007f \\n \\\" \\\\ é ნ 😀\"\n}\n", // in the form: what the writer escapes, it escapes so
        "{\n  \"a\": -0.50e+3\n}\n", // numbers are written as they were read
        "{\n  \"a\": true,\n  \"b\": false,\n  \"c\": null\n}\n",
        "{}\n",
        "{\n  \"a\": []\n}\n",
    ])
    func documentsAreInTheFormExactlyWhenTheWriterAgrees(text: String) {
        #expect(Self.expectMatchesTheWriter(Array(text.utf8)) != nil, "the tape or the parser refused it")
    }

    /// Random damage to files Reach wrote: whatever still parses is in the form exactly when the writer agrees.
    @Test func changedFilesAreInTheFormExactlyWhenTheWriterAgrees() throws {
        var rng = SeededRNG(seed: 20)
        let files = try DirectDecoderTests.demo.deals.prefix(30).map(DirectDecoderTests.fileBytes)
        var outcomes = Set<Bool>()
        for round in 0..<3_000 {
            var bytes = files[round % files.count]
            let position = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 5 {
            case 0: bytes.insert(UInt8(ascii: " "), at: position)
            case 1: bytes.remove(at: position)
            case 2: bytes.insert(contentsOf: Array("\n ".utf8), at: position)
            case 3: bytes[position] = UInt8(truncatingIfNeeded: rng.next() % 128)
            default: bytes[position] ^= 1 << (rng.next() % 8)
            }
            if let holds = Self.expectMatchesTheWriter(bytes) { outcomes.insert(holds) }
        }
        // Both occur: a changed letter in a name keeps the form, a stray space does not.
        #expect(outcomes == [true, false])
    }

    @Test func aHandEditedFileIsExportedInTheFolderForm() throws {
        let source = try DataFolderFixture()
        let day = Date(timeIntervalSince1970: 1_780_304_400)
        let kept = try source.add(Influencer(id: RecordID.generate(at: day), createdAt: day, displayName: "Kept"))
        let edited = try source.add(Influencer(id: RecordID.generate(at: day), createdAt: day, displayName: "Edited"))
        let path = source.store.layout.recordFile(.influencer, edited.id)
        let file = try Posix.readFile(path)
        // The same record on one line, keys reversed, as a person or another tool might write it.
        guard case .object(let fields) = try JSONParser.parse(file) else {
            Issue.record("the file holds no object")
            return
        }
        let oneLine = "{" + fields.keys.sorted(by: >).map { key in
            "\"\(key)\":" + String(decoding: JSONWriter.bytes(of: fields[key]!).dropLast(), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: "")
        }.joined(separator: ",") + "}"
        try Data(oneLine.utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.check(Array(oneLine.utf8))?.holds == false)
        let output = try Export.run(.influencers, format: .json, campaign: nil, store: source.store)
        let expected = JSONWriter.bytes(of: .array([kept, edited].sorted { $0.id < $1.id }.map { creator in
            (try? JSONParser.parse(creator.id == edited.id ? Data(oneLine.utf8) : try Posix.readFile(
                source.store.layout.recordFile(.influencer, creator.id)))) ?? .null
        }))
        #expect(output.bytes == expected)
    }
}
