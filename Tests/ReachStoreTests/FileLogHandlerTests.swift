import Foundation
import Logging
import ReachCore
import Testing
@testable import ReachStore

/// `logs/reach.log`: one intact line per event, escaped, with the folder's file mode, rotated when large.
@Suite struct FileLogHandlerTests {
    private func logLines(_ folder: TempFolder) -> [String] {
        (readText(folder.data + "/logs/reach.log") ?? "").split(separator: "\n").map(String.init)
    }

    @Test func aLineCarriesTimeLevelLabelWhoMessageAndSortedMetadata() throws {
        let folder = TempFolder()
        _ = try RecordStore(folder: folder.data)
        var logger = FileLogHandler.logger(folder: folder.data, sharing: .privateToUser, user: "aiko")
        logger[metadataKey: "session"] = "s1"
        logger.notice("saved a creator", metadata: ["id": "01J", "attempt": "2"])
        logger.debug("not at info level")
        let lines = logLines(folder)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ notice reach \[pid \d+ aiko\] saved a creator attempt=2 id=01J session=s1$"#,
                           options: .regularExpression) != nil, "\(line)")
        #expect(mode(folder.data + "/logs/reach.log") == 0o600)
    }

    @Test func controlCharactersFromDataAreEscaped() throws {
        let folder = TempFolder()
        _ = try RecordStore(folder: folder.data)
        let logger = FileLogHandler.logger(folder: folder.data, sharing: .team, user: nil)
        logger.warning("quarantined influencers/\u{1B}]0;pwned\u{7}x\u{9B}.json\nsecond")
        let text = try #require(readText(folder.data + "/logs/reach.log"))
        #expect(text.contains(#"influencers/\u{1b}]0;pwned\u{7}x\u{9b}.json\u{a}second"#))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(mode(folder.data + "/logs/reach.log") == 0o660)
    }

    @Test func linesFromManyThreadsStayWhole() throws {
        let folder = TempFolder()
        _ = try RecordStore(folder: folder.data)
        let logger = FileLogHandler.logger(folder: folder.data, sharing: .privateToUser, user: nil)
        let filler = String(repeating: "x", count: 300)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for n in 0..<200 { logger.info("thread \(thread) line \(n) \(filler)") }
        }
        let lines = logLines(folder)
        #expect(lines.count == 1_600)
        #expect(lines.allSatisfy { $0.hasSuffix(filler) && $0.contains(" info reach ") })
    }

    @Test func aLargeLogIsRotatedWhenTheNextProcessOpensIt() throws {
        let folder = TempFolder()
        _ = try RecordStore(folder: folder.data)
        let path = folder.data + "/logs/reach.log"
        writeText(String(repeating: "old line\n", count: FileLogHandler.rotationSize / 9 + 10), to: path)
        FileLogHandler.logger(folder: folder.data, sharing: .privateToUser, user: nil).info("fresh start")
        #expect(logLines(folder).count == 1)
        #expect((readText(path + ".1") ?? "").hasPrefix("old line\n"))
    }

    @Test func theStoreLogsQuarantinesConflictsAndFailedSaves() throws {
        let folder = TempFolder()
        let logger = FileLogHandler.logger(folder: folder.data, sharing: .privateToUser, user: nil)
        let store = try RecordStore(folder: folder.data, options: StoreOptions(logger: logger), clock: { epoch })
        let saved = try store.saveOK(person(1))
        var mine = saved, theirs = saved
        mine.name = "Mine"
        theirs.name = "Theirs"
        _ = try store.saveOK(theirs)
        #expect(throws: Never.self) {
            if case .saved = try store.save(mine) { Issue.record("a stale revision must conflict") }
        }
        writeText("{ not json", to: folder.data + "/influencers/\(newID(2)).json")
        _ = store.loadAll(Person.self)
        let tooBig = try RecordStore(folder: folder.data, options: StoreOptions(maxFileSize: 10, logger: logger), clock: { epoch })
        #expect(throws: StoreError.self) { try tooBig.save(person(3)) }
        let text = readText(folder.data + "/logs/reach.log") ?? ""
        #expect(text.contains("notice reach [pid"))
        #expect(text.contains("conflict saving influencers/\(saved.id).json: revision 2 on disk, this session had 1"))
        #expect(text.contains("quarantined influencers/\(newID(2)).json"))
        #expect(text.contains("error reach [pid \(getpid())] could not save influencers/\(newID(3)).json"))
    }
}
