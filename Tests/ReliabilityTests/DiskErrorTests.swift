#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ReachCore
import Testing
@testable import ReachStore
@testable import reach_torture

/// A save that fails for lack of space or a read-only disk: a typed error that says what happened
/// and that the edit is kept, the old file intact, no temp file left, and a retry that works once
/// the disk is fixed.
@Suite struct DiskErrorTests {
    /// Fails every atomic-write step `failing` with `code` while `broken` is set, like a full disk would.
    final class BrokenDisk: Sendable {
        let broken = Locked(false)
        let failing: AtomicWriteStep
        let code: Int32

        init(failing: AtomicWriteStep, code: Int32) {
            self.failing = failing
            self.code = code
        }

        var hook: AtomicWriteHook {
            { step, target in
                if step == self.failing, self.broken.withLock({ $0 }) {
                    throw StoreError.io(operation: "write", path: target, errno: self.code)
                }
            }
        }
    }

    static let advice: [Int32: String] = [
        ENOSPC: "The disk is full; free some space and save again (your edit is kept).",
        EDQUOT: "The disk is full; free some space and save again (your edit is kept).",
        EROFS: "The disk is mounted read-only",
        EACCES: "Check the permissions of the data folder",
    ]

    @Test(arguments: AtomicWriteStep.allCases, [ENOSPC, EDQUOT, EROFS, EACCES])
    func failureAtAnyWriteStepKeepsTheOldFileAndARetryWorks(step: AtomicWriteStep, code: Int32) throws {
        let disk = BrokenDisk(failing: step, code: code)
        let planted = try Planted(options: StoreOptions(writeHook: disk.hook))
        disk.broken.withLock { $0 = true }
        let before = planted.bytes
        var edit = planted.victim
        edit.body = String(repeating: "edit ", count: 2_000)
        do {
            let result = try planted.store.save(edit)
            Issue.record("saved on a broken disk: \(result)")
        } catch let error as StoreError {
            guard case .io(_, _, let errno) = error else { throw error }
            #expect(errno == code)
            #expect(error.description.contains(try #require(Self.advice[code])), "\(error)")
        }
        let renamed = step == .syncDirectory
        #expect((planted.bytes == before) != renamed, "before the rename the old file is intact; after it, the new one")
        #expect(FolderTree(planted.scratch.data + "/influencers").entries.keys.allSatisfy { !$0.contains(AtomicWriter.tempMarker) })

        disk.broken.withLock { $0 = false }
        let retried = try #require(try planted.store.save(edit).saved, "the retry after the disk was fixed conflicted")
        #expect(retried.body == edit.body)
        #expect(try planted.store.load(TortureRecord.self, id: edit.id) == retried)
        #expect(planted.store.loadAll(TortureRecord.self).problems.isEmpty)
    }

    /// The kernel's own ENOSPC on a 1 MB tmpfs, then freeing space and saving again.
    @Test func realFullDiskThenRetry() throws {
        guard let disk = try TinyDisk.mount(size: "1m") else {
            report("real full disk", ["skipped": "tmpfs not mountable here; the hook test covers every step"])
            return
        }
        let store = try RecordStore(folder: disk.path + "/data")
        let original = try #require(try store.save(TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "original")).saved)
        let path = store.layout.recordFile(.influencer, original.id)
        let before = FileManager.default.contents(atPath: path)
        let filler = try disk.fill()
        var edit = original
        edit.body = String(repeating: "a long note ", count: 3_000)
        do {
            let result = try store.save(edit)
            Issue.record("saved on a full disk: \(result)")
        } catch let error as StoreError {
            guard case .io(_, _, ENOSPC) = error else { throw error }
            #expect(error.description.contains("disk is full") && error.description.contains("your edit is kept"), "\(error)")
            #expect(error.description.contains("influencers/\(original.id).json"), "names the record's file: \(error)")
        }
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(FolderTree(disk.path + "/data/influencers").entries.count == 2, "only the record (and the folder) remain, no temp file")
        try disk.free(filler)
        let retried = try #require(try store.save(edit).saved)
        #expect(try store.load(TortureRecord.self, id: original.id) == retried)
        report("real full disk", ["tmpfs": "1m", "saveFailedWith": "ENOSPC", "retry": "saved"])
    }

    /// `--output` into a read-only folder: the kernel's EROFS, named as such, the old file untouched, no temp file.
    @Test func outputIntoAReadOnlyFolderSaysSoAndLeavesTheOldFile() throws {
        guard let disk = try TinyDisk.mount(size: "1m") else {
            report("read-only output", ["skipped": "tmpfs not mountable here"])
            return
        }
        let path = disk.path + "/report.csv"
        try OutputFile.write(Array("old".utf8), to: path)
        try disk.setReadOnly(true)
        defer { try? disk.setReadOnly(false) }
        do {
            try OutputFile.write(Array("new".utf8), to: path)
            Issue.record("wrote into a read-only folder")
        } catch {
            #expect(error.description.hasPrefix("Cannot write \(path): could not "), "\(error)")
            #expect(error.description.contains("Read-only file system. Nothing was written. The disk is mounted read-only"), "\(error)")
        }
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["report.csv"])
    }

    /// The kernel's own EROFS: the folder remounted read-only under an open store, then writable again.
    @Test func realReadOnlyDiskThenRetry() throws {
        guard let disk = try TinyDisk.mount(size: "1m") else {
            report("real read-only disk", ["skipped": "tmpfs not mountable here; the hook test covers every step"])
            return
        }
        let store = try RecordStore(folder: disk.path + "/data")
        let original = try #require(try store.save(TortureRecord(id: RecordID.generate(at: Date()), at: Date(), body: "original")).saved)
        let before = FileManager.default.contents(atPath: store.layout.recordFile(.influencer, original.id))
        try disk.setReadOnly(true)
        var edit = original
        edit.body = "edited"
        do {
            let result = try store.save(edit)
            Issue.record("saved on a read-only disk: \(result)")
        } catch let error as StoreError {
            guard case .io(_, _, EROFS) = error else { throw error }
            #expect(error.description.contains("read-only"), "\(error)")
        }
        // Reading still works, and opening a second session on the read-only folder does too.
        #expect(store.loadAll(TortureRecord.self).records == [original])
        #expect(try RecordStore(folder: disk.path + "/data").loadAll(TortureRecord.self).records == [original])
        #expect(FileManager.default.contents(atPath: store.layout.recordFile(.influencer, original.id)) == before)
        try disk.setReadOnly(false)
        #expect(try store.save(edit).saved?.body == "edited")
        report("real read-only disk", ["saveFailedWith": "EROFS", "retry": "saved"])
    }
}
