#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachCore

/// Streams a snapshot to a temp file a few chunks at a time (encoded in parallel), then renames it into place,
/// so writing never holds the whole file in memory.
struct SnapshotFileWriter {
    var path: String
    var folder: String
    /// 0600 in a private folder, 0660 in a team folder (teammates read and rewrite the shared snapshot).
    var fileMode: mode_t
    /// Chunks encoded at once: enough to keep the cores busy, few enough to bound memory (~1 MB each).
    var batchSize = 8

    func write(_ jobs: [@Sendable () -> SnapshotChunk]) throws -> SnapshotWriteSummary {
        let temp = AtomicWriter.tempPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw Posix.error("create a temporary file in", Posix.parent(of: path)) }
        var open = true
        do {
            guard fchmod(fd, fileMode) == 0 else { throw Posix.error("set permissions of", temp) }
            let preamble = SnapshotFile.preamble(folder: folder)
            try Posix.writeAll(preamble, to: fd, path: path)
            var offset = preamble.count
            var entries: [SnapshotFile.Entry] = []
            var summary = SnapshotWriteSummary(path: path, records: 0, omitted: 0, bytes: 0)
            for batchStart in stride(from: 0, to: jobs.count, by: batchSize) {
                let batch = Array(jobs[batchStart..<min(jobs.count, batchStart + batchSize)])
                let slots = ParallelSlots<SnapshotChunk>(count: batch.count)
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in slots.set(index, batch[index]()) }
                for case let chunk? in slots.elements {
                    summary.omitted += chunk.omitted
                    guard chunk.records > 0 else { continue }
                    try Posix.writeAll(chunk.bytes, to: fd, path: path)
                    entries.append(SnapshotFile.Entry(kind: chunk.kind, records: chunk.records, length: chunk.bytes.count,
                                                      checksum: chunk.checksum))
                    summary.records += chunk.records
                    offset += chunk.bytes.count
                }
            }
            let tail = SnapshotFile.tableAndTrailer(entries, tableOffset: offset, preamble: preamble)
            try Posix.writeAll(tail, to: fd, path: path)
            summary.bytes = offset + tail.count
            open = false
            guard close(fd) == 0 else { throw Posix.error("close", temp) }
            try Posix.rename(temp, path)
            return summary
        } catch {
            if open { close(fd) }
            unlink(temp)
            throw error
        }
    }
}
