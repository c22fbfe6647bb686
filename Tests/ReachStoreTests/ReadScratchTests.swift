import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// One reading thread reads file after file into the same buffer (`RecordFileReader.Scratch`), and takes the
/// records out of the readers' slots by moving them (`ParallelSlots.takeElements`).
@Suite struct ReadScratchTests {
    /// A file bigger than the buffer makes it grow; a smaller file after it is read as just its own bytes, so a
    /// damaged one is reported at its own line and column, not misread with the bigger file's tail.
    @Test func filesOfEverySizeAreReadAsTheirOwnBytes() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let ids = (1...4).map(newID).sorted()
        var big = person(0, name: "Jānis 東京 🎉")
        big.id = ids[0]
        big.note = String(repeating: "Rīga ქართული 東京 🎉 ", count: 2_000) // 62 KB, four times the first buffer
        var small = person(0, name: "Aiko")
        small.id = ids[2]
        var last = person(0, name: "Zoë")
        last.id = ids[3]
        let saved = try [big, small, last].map { try store.saveOK($0) }
        let directory = folder.data + "/influencers"
        writeText("{\n  \"id\": \"\(ids[1])\",\n  \"name\": \"Ai", to: directory + "/\(ids[1]).json")
        #expect((try FileManager.default.attributesOfItem(atPath: directory + "/\(ids[0]).json")[.size] as? Int ?? 0) > 4 * 16_384)

        let read = store.readFiles(Person.self, in: directory, names: ids.map(DataFolderLayout.fileName), quarantine: false)
        let records = read.outcomes.map { $0?.record }
        #expect(records.map { $0?.id } == [ids[0], nil, ids[2], ids[3]])
        let asSaved = records == [saved[0], nil, saved[1], saved[2]] // not printed: the big note is 62 KB
        #expect(asSaved)
        let damaged = try #require(read.outcomes[1]?.problem)
        #expect(damaged.position == TextPosition(line: 3, column: 11))
        #expect(damaged.reason.contains("never closed"))
    }

    /// Taking the elements leaves the slots empty: each element is the one value, not a copy the slots release.
    @Test func elementsAreMovedOutOfTheSlots() {
        final class Box {}
        let slots = ParallelSlots<Box>(count: 3)
        let boxes = [Box(), Box()]
        slots.set(0, boxes[0])
        slots.set(2, boxes[1])
        var taken = slots.takeElements()
        #expect(taken.count == 3 && taken[1] == nil)
        #expect(taken[0] === boxes[0] && taken[2] === boxes[1])
        #expect(slots.takeElements().allSatisfy { $0 == nil })
        weak let first = boxes[0]
        _ = consume boxes
        #expect(first != nil) // held by `taken` alone
        taken[0] = nil
        #expect(first == nil)
    }
}
