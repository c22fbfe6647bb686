import Foundation
import ReachCore
import Testing
@testable import ReachStore

/// An import writes new creators while it still reads its file (`StagedBatch`): what lands must be exactly
/// what a write at the end would have written, and a stop at any point must leave nothing behind.
@Suite struct StagedImportTests {
    /// `count` creators with one handle each, so each row creates one; more than a staging chunk.
    /// `trailing` adds that many empty columns.
    private static func rows(_ count: Int, trailing: Int = 0) -> String {
        let empty = String(repeating: ",", count: trailing)
        return (1...count).map { "Creator \($0),@creator\($0),\($0 * 10)\(empty)\n" }.joined()
    }

    @Test func aLateRowMergesIntoACreatorAlreadyStaged() throws {
        let ws = try DataFolderFixture()
        let text = "Name,Instagram,Followers,Tags\n" + Self.rows(3_000, trailing: 1) + "Late duplicate,@creator1,,late-tag\n"
        let report = try ws.importInfluencers(ws.file("big.csv", text))
        #expect(report.created == 3_000)
        #expect(report.merged == 1)
        #expect(report.written.count == 3_000)
        let onDisk = ws.store.loadAll(Influencer.self)
        #expect(onDisk.records.count == 3_000)
        #expect(onDisk.problems.isEmpty)
        let first = try #require(ws.influencer(named: "Creator 1"))
        #expect(first.tags == ["late-tag"], "the merge after staging must reach the file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.folder.data + "/influencers").allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func progressIsToldAsTheFileIsReadThenWhenWritingStarts() throws {
        let ws = try DataFolderFixture()
        let path = ws.file("big.csv", "Name,Instagram,Followers\n" + Self.rows(2_500))
        for dryRun in [true, false] {
            let told = Locked<[ImportProgress]>([])
            let report = try InfluencerImport.run(file: path, store: ws.store, options: .init(
                dryRun: dryRun, now: DataFolderFixture.now, progress: { event in told.withLock { $0.append(event) } }))
            let events = told.withLock { $0 }
            let reading = events.compactMap { event -> (Int, Double)? in
                if case let .reading(rows, fraction?) = event { return (rows, fraction) }
                return nil
            }
            #expect(reading.map(\.0) == [1_024, 2_048])
            #expect(reading.allSatisfy { 0 < $0.1 && $0.1 <= 1 } && reading[0].1 < reading[1].1, "\(reading)")
            // Written rows count against the file's size: 2,048 of 2,500 rows is 80 % of it, give or take a chunk.
            #expect(abs(reading[1].1 - 0.82) < 0.1 || reading[1].1 == 1, "\(reading)")
            #expect(events.last == (dryRun ? .reading(rows: 2_048, fractionOfFile: reading[1].1) : .writing(newRecords: 2_500)))
            #expect(report.created == 2_500)
        }
        #expect(ImportProgress.reading(rows: 45_000, fractionOfFile: 0.456).description == "reading: 45% of the file, 45,000 rows")
        #expect(ImportProgress.writing(newRecords: 1).description == "writing 1 new record…")
    }

    @Test func aFileThatBreaksAfterStagingBeganLeavesNothing() throws {
        let ws = try DataFolderFixture()
        let text = "Name,Instagram,Followers\n" + Self.rows(2_500) + "\"Never closed,@x,1\n"
        #expect(caught { _ = try ws.importInfluencers(ws.file("broken.csv", text)) } != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.folder.data + "/influencers").isEmpty)
    }

    @Test func aDiskErrorWhileStagingWritesNoNewRecordAndSaysSo() throws {
        let folder = TempFolder()
        let creates = Locked(0)
        let store = try RecordStore(folder: folder.data, options: StoreOptions(writeHook: { step, _ in
            guard step == .createTemp else { return }
            let count = creates.withLock { n in n += 1; return n }
            if count == 1_500 { throw StoreError.io(operation: "write", path: "x", errno: ENOSPC) }
        }), clock: { DataFolderFixture.now })
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        let path = folder.path + "/in/many.csv"
        writeText("Name,Instagram,Followers\n" + Self.rows(4_000), to: path)
        let report = try InfluencerImport.run(file: path, store: store, options: .init(now: DataFolderFixture.now))
        #expect(report.written.isEmpty)
        #expect(report.notWritten.count == 4_000)
        #expect(report.failure?.contains("disk is full") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.data + "/influencers").isEmpty)
        // Staging stopped at the error: the chunks after it were never written.
        #expect(creates.withLock { $0 } < 2_100)
    }
}

/// When the staging falls behind, the producer encodes chunks itself; the files must be the same.
@Suite struct StagedBatchSharingTests {
    @Test func chunksTheCallerEncodesAreWrittenAsTheStagingThreadWouldWriteThem() throws {
        let folder = TempFolder()
        let gate = DispatchSemaphore(value: 0)
        let first = Locked(true)
        // Holds the staging thread at its first file for a moment, so the producer finds it behind.
        let store = try RecordStore(folder: folder.data, options: StoreOptions(writeHook: { step, _ in
            guard step == .createTemp, first.withLock({ let was = $0; $0 = false; return was }) else { return }
            _ = gate.wait(timeout: .now() + 0.5)
        }), clock: { epoch })
        let batch = StagedBatch<Person>(store: store, now: epoch, besideProducer: true)
        let people = (1...60).map { person($0, name: "Person \($0)") }
        for start in stride(from: 0, to: people.count, by: 10) { batch.stage(Array(people[start..<start + 10])) }
        try batch.commit()
        #expect(batch.chunksEncodedByCaller > 0)
        let loaded = store.loadAll(Person.self)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.records.map(\.name).sorted() == people.map(\.name).sorted())
        for record in people {
            let bytes = FileManager.default.contents(atPath: store.layout.recordFile(.influencer, record.id)).map(Array.init)
            #expect(bytes == (try store.newRecordFile(record, now: epoch)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.data + "/influencers").allSatisfy { !$0.hasPrefix(".") })
    }
}
