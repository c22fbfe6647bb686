/// How far a whole-folder load has come, for a progress screen: the first start on a 100k folder reads
/// 300,000 files, and a blank screen for that long looks like a hang.
///
/// Written by the loading threads, read by the screen; every access is under a lock.
public final class LoadProgress: Sendable {
    /// What the load is doing now.
    public enum Phase: Sendable, Equatable {
        case starting
        /// Reading the folder index's creator summaries and deal rows (a second at 100k).
        case readingIndex
        /// Reading the record files: `done` of `total`.
        case readingFiles
        /// Listing the record folders and taking every file's stamp, before reading them into the folder index (a
        /// second at 100k).
        case listingFiles
        /// Reading the record files into the folder index, which the start then reads (the first start on a large
        /// folder): `done` of `total`.
        case indexingFiles
        /// Building the in-memory indexes from the records read.
        case building
    }

    /// A consistent reading of the progress.
    public struct Reading: Sendable, Equatable {
        public var phase: Phase
        public var done: Int
        public var total: Int

        public init(phase: Phase, done: Int = 0, total: Int = 0) {
            self.phase = phase
            self.done = done
            self.total = total
        }
    }

    private let state = Locked(Reading(phase: .starting))

    public init() {}

    public var reading: Reading { state.withLock { $0 } }

    public func enter(_ phase: Phase, total: Int = 0) {
        state.withLock { $0 = Reading(phase: phase, done: 0, total: total) }
    }

    /// `count` more files read.
    func advance(_ count: Int) { state.withLock { $0.done += count } }
}
