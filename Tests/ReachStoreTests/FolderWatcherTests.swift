import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// The watcher must name every record file that changed however it changed (another session's save, an editor
/// writing in place, `rm`, `mv`), ignore what is not a record, and say "scan everything" when it loses track;
/// the targeted scan must then report exactly those files' changes.
@Suite struct FolderWatcherTests {
    private func fileName(_ n: Int) -> String { newID(n).rawValue + ".json" }

    @Test func namesTheFilesAnotherSessionSavedOrDeleted() throws {
        let folder = TempFolder()
        let mine = try RecordStore(folder: folder.data, clock: { epoch })
        let theirs = try RecordStore(folder: folder.data, clock: { epoch })
        _ = try mine.saveOK(person(1))
        let watcher = try #require(FolderWatcher(layout: mine.layout))
        #expect(watcher.take() == nil)

        _ = try theirs.saveOK(person(2))
        _ = try theirs.delete(Person.self, id: newID(1), expectedRevision: 1)
        #expect(watcher.take() == .files([.influencer: [fileName(1), fileName(2)]]))
        #expect(watcher.take() == nil)
    }

    @Test func seesEditsFromOutsideReachAndIgnoresOtherFiles() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let saved = try store.saveOK(person(1))
        let watcher = try #require(FolderWatcher(layout: store.layout))
        let path = store.layout.recordFile(.influencer, saved.id)

        // An editor that writes in place, then one that renames its copy over the file.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(" ".utf8))
        try handle.close()
        #expect(watcher.take() == .files([.influencer: [fileName(1)]]))
        try FileManager.default.moveItem(atPath: path, toPath: path + ".bak")
        try FileManager.default.moveItem(atPath: path + ".bak", toPath: path)
        #expect(watcher.take() == .files([.influencer: [fileName(1)]]))

        writeText("notes", to: store.layout.directory(for: .campaign) + "/README.txt")
        writeText("{}", to: store.layout.directory(for: .campaign) + "/.tmp-123.json")
        #expect(watcher.take() == nil)
    }

    @Test func aReplacedRecordFolderMeansScanEverythingAndIsWatchedAgain() throws {
        let folder = TempFolder()
        let store = try RecordStore(folder: folder.data, clock: { epoch })
        let watcher = try #require(FolderWatcher(layout: store.layout))
        let templates = store.layout.directory(for: .template)
        try FileManager.default.moveItem(atPath: templates, toPath: templates + ".old")
        #expect(watcher.take() == .everything)
        #expect(!watcher.isWatching, "the folder is gone: nothing to watch until it is back")
        #expect(watcher.take() == nil)

        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: false)
        #expect(watcher.take() == .everything, "watching again: what happened meanwhile needs a full scan")
        #expect(watcher.isWatching)
        writeText("{}", to: templates + "/" + fileName(7))
        #expect(watcher.take() == .files([.template: [fileName(7)]]))
    }

    @Test func theTargetedScanReportsOnlyTheNamedFiles() throws {
        let folder = TempFolder()
        let mine = try RecordStore(folder: folder.data, clock: { epoch })
        let theirs = try RecordStore(folder: folder.data, clock: { epoch })
        for n in 1...3 { _ = try mine.saveOK(person(n)) }
        _ = mine.loadAll(Person.self)

        var edited = try #require(try theirs.load(Person.self, id: newID(1)))
        edited.name = "changed elsewhere"
        let saved = try theirs.saveOK(edited)
        _ = try theirs.saveOK(person(4))
        _ = try theirs.delete(Person.self, id: newID(2), expectedRevision: 1)
        var other = try #require(try theirs.load(Person.self, id: newID(3)))
        other.name = "not named"
        _ = try theirs.saveOK(other)

        let named: Set = [fileName(1), fileName(2), fileName(4), "notes.txt"]
        let changes = mine.scanChanges(Person.self, files: named)
        #expect(changes.changed == [saved])
        #expect(changes.added.map(\.id) == [newID(4)])
        #expect(changes.removed == [newID(2)])
        #expect(mine.scanChanges(Person.self, files: named).isEmpty, "the named files' stamps are known now")
        #expect(mine.scanChanges(Person.self).changed.map(\.id) == [newID(3)], "a full scan still finds the rest")
    }
}
