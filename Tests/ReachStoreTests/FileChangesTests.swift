import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// A full check walks the folder's listing beside the index's stamps, both in the names' byte order
/// (`FileChanges(directory:listed:known:)`), as the change journal's names are walked beside theirs: new files are
/// read, changed ones read again, and files gone are forgotten.
@Suite struct FileChangesTests {
    /// The stamp the index keeps for a file now.
    static func stamp(_ path: String) throws -> Int64 {
        IndexStamp.of(FileStamp(try #require(Posix.stampInfo(path))))
    }

    /// The changes of `listed` against `known`, walked as a cursor of the index's rows is.
    static func changes(_ directory: String, _ listed: [RecordID], _ known: [(name: String, stamp: Int64)]) throws -> FileChanges {
        var rows = known.makeIterator()
        return try FileChanges(directory: directory, listed: listed, nextKnown: { rows.next() })
    }

    @Test func newChangedUnchangedAndRemovedFilesAreFoundWithoutLookingNamesUp() throws {
        let folder = TempFolder()
        let directory = folder.data
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // "A.json" and "A-.json": id order ("A" < "A-") is not the names' byte order ("A-.json" < "A.json").
        let names = ["01B.json", "01C.json", "01D.json", "A-.json", "A.json", "Zoë.json"]
        for name in names { writeText(name, to: directory + "/" + name) }
        var known = try names.map { (name: $0, stamp: try Self.stamp(directory + "/" + $0)) }
        known[1].stamp += 1 // 01C changed since the index saw it
        known.remove(at: 2) // 01D is new to the index
        known.append((name: "01A.json", stamp: 7)) // known, no longer listed
        known.append((name: "Zz.json", stamp: 7)) // known, after every listed name
        known.append((name: "01E.json", stamp: 7)) // known and listed, gone before its stamp is taken
        known.append((name: "01Bnotes.txt", stamp: 7)) // no record file's, between two that are
        known.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        // Listed in id order, as `recordFileIDs` lists them sorted.
        let listed = ["01B", "01C", "01D", "01E", "A", "A-", "Zoë"].map { RecordID(rawValue: $0) }
        #expect(listed == listed.sorted())
        let changes = try Self.changes(directory, listed, known)
        #expect(changes.changed == ["01C.json", "01D.json"])
        #expect(Set(changes.removed) == ["01A.json", "01E.json", "Zz.json", "01Bnotes.txt"])
        #expect(changes.removed.count == 4)
    }

    @Test func anEmptyIndexReadsEveryListedFileAndAnEmptyFolderForgetsEveryKnownOne() throws {
        let folder = TempFolder()
        let first = try Self.changes(folder.data, [RecordID(rawValue: "01A"), RecordID(rawValue: "01B")], [])
        #expect(first.changed == ["01A.json", "01B.json"] && first.removed.isEmpty)
        let emptied = try Self.changes(folder.data, [], [(name: "01A.json", stamp: 1), (name: "01B.json", stamp: 2)])
        #expect(emptied.changed.isEmpty && emptied.removed == ["01A.json", "01B.json"])
    }

    /// A folder not listed (its own stamp did not move since it was): each known file's stamp is compared, in name
    /// order; one gone meanwhile and a name that is no record file's are forgotten.
    @Test func theKnownFilesOfAnUnlistedFolderAreCompared() throws {
        let folder = TempFolder()
        let directory = folder.data
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["01A.json", "01B.json", "01C.json"] { writeText(name, to: directory + "/" + name) }
        var known = try ["01A.json", "01B.json", "01C.json"].map { (name: $0, stamp: try Self.stamp(directory + "/" + $0)) }
        known[1].stamp += 1
        known.append((name: "01D.json", stamp: 7)) // gone before its stamp is taken
        known.insert((name: "01Anotes.txt", stamp: 7), at: 1)
        var rows = known.makeIterator()
        let changes = try FileChanges(directory: directory, unlisted: { rows.next() })
        #expect(changes.changed == ["01B.json"])
        #expect(changes.removed == ["01Anotes.txt", "01D.json"])
    }
}
