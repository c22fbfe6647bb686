import Foundation
import Testing
@testable import ReachStore

@Suite struct DelimitedTextReaderTests {
    @Test func quotedCommasQuotesAndLineBreaksKeepPhysicalLineNumbers() throws {
        let text = "Name,Notes,Followers\n"
            + "\"Kowalska, Anna\",\"said \"\"hi\"\"\",12k\n"
            + "Bob,\"line one\nline two\r\nline three\",5\n"
            + "Cleo,plain,7\n"
        let rows = try csvRows(text)
        #expect(rows.map(\.line) == [1, 2, 3, 6])
        #expect(rows[1].fields == ["Kowalska, Anna", "said \"hi\"", "12k"])
        #expect(rows[2].fields[1] == "line one\nline two\r\nline three")
        #expect(rows[3].fields == ["Cleo", "plain", "7"])
    }

    @Test func bomIsSkippedAndDelimiterDetected() throws {
        let semicolon = try csvRows("", bytes: [0xEF, 0xBB, 0xBF] + Array("Name;Email\nAnna;a@x.io\n".utf8))
        #expect(semicolon.first?.fields == ["Name", "Email"])
        #expect(semicolon.last?.fields == ["Anna", "a@x.io"])

        let tabs = try csvRows("Name\tNotes\n Anna \t\"a, b\"\n")
        #expect(tabs.last?.fields == ["Anna", "a, b"])

        // A comma inside quotes in the header does not make comma the delimiter.
        let quotedHeader = try csvRows("\"Name, display\";Email\nA;b@c.de\n")
        #expect(quotedHeader.first?.fields == ["Name, display", "Email"])
    }

    @Test func crlfLineEndsBlankLinesAndTrimming() throws {
        let rows = try csvRows("a, b ,c\r\n\r\n1,\" padded \",3\r\n\n")
        #expect(rows.map(\.line) == [1, 3])
        #expect(rows[0].fields == ["a", "b", "c"])
        #expect(rows[1].fields == ["1", " padded ", "3"])
    }

    @Test func missingTrailingFieldsAndNoFinalNewline() throws {
        let rows = try csvRows("a,b,c\n1,2")
        #expect(rows.last?.fields == ["1", "2"])
        #expect(rows.last?.line == 2)
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() {
        #expect(throws: InterchangeError.unterminatedQuote(file: "test.csv", line: 3)) {
            _ = try csvRows("a,b\n1,2\n3,\"never closed\n4,5\n")
        }
    }

    @Test func latin1BytesAreRefusedWithTheirLine() {
        var bytes = Array("Name,City\nAnna,Riga\n\"Multi\nline\",x\nJos".utf8)
        bytes += [0xE9]  // é in Latin-1
        bytes += Array(",Paris\n".utf8)
        let error = caught { _ = try csvRows("", bytes: bytes) }
        #expect(error == .notUTF8(file: "test.csv", line: 5, encoding: "Latin-1 or Windows-1252"))
        #expect(error?.description.contains("iconv -f WINDOWS-1252 -t UTF-8") == true)
        #expect(error?.description.contains("test.csv line 5") == true)
    }

    @Test func utf16IsRefusedUpFront() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("Name".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let withBOM = caught { _ = try csvRows("", bytes: utf16) }
        #expect(withBOM?.description.contains("iconv -f UTF-16 -t UTF-8") == true)
        let withoutBOM = caught { _ = try csvRows("", bytes: Array(utf16.dropFirst(2))) }
        #expect(withoutBOM == withBOM)
    }

    @Test func streamsAFileLargerThanOneChunk() throws {
        let folder = TempFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        var text = "Name,Notes\n"
        for i in 0..<5_000 { text += "Creator \(i),\"note with, comma and\nbreak \(i)\"\n" }
        let path = folder.path + "/big.csv"
        writeText(text, to: path)
        #expect(text.utf8.count > ByteChunks.chunkSize)
        var reader = try DelimitedTextReader(path: path)
        var count = 0
        var last: DelimitedTextReader.Row?
        while let row = try reader.next() {
            count += 1
            last = row
        }
        #expect(count == 5_001)
        #expect(last?.line == 2 + 4_999 * 2)
        #expect(last?.fields == ["Creator 4999", "note with, comma and\nbreak 4999"])
    }
}
