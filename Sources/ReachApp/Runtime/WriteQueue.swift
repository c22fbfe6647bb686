import Foundation
import ReachCore

/// The app's saves and deletes, written one after another on a background queue in the order `update` asked for
/// them, so a key never waits for the disk: a save flushes a file (1–2 ms here, far more on a busy shared disk), a
/// bulk action saves hundreds, and one that meets another session's lock waits up to 0.15 s. The loop collects the
/// results (`.saved`, `.conflict`, …) on a later turn.
///
/// A record edited again before its save came back still carries the revision the screens hold, which is no longer
/// the one on disk: this session wrote the next. Such a write expects the revision this session's own save left
/// (`RevisionChain`), so it does not conflict with itself. Unchecked-Sendable: `results` and `waiting` are only
/// touched under `lock`, `chain` only on `queue`.
final class WriteQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "reach.write", qos: .userInitiated)
    private let lock = NSLock()
    private var results: [Action] = []
    private var waiting = 0
    private var chain = RevisionChain()

    /// No write is waiting or running, and every result was collected.
    var isIdle: Bool { lock.withLock { waiting == 0 && results.isEmpty } }

    /// Queues a `.save` or `.delete`, written by `perform` (the effect performer) after every write queued before it.
    func enqueue(_ effect: Effect, _ perform: @escaping @Sendable (Effect) -> [Action]) {
        lock.withLock { waiting += 1 }
        queue.async { [self] in
            let (written, asked) = chain.current(effect)
            let outcome = perform(written)
            chain.record(outcome, asked: asked)
            lock.withLock {
                results += outcome
                waiting -= 1
            }
        }
    }

    /// The results of the writes finished since the last call, in order.
    func takeResults() -> [Action] {
        lock.withLock {
            defer { results = [] }
            return results
        }
    }

    /// Waits until every queued write is on disk (or failed), then returns all results not yet collected.
    func finish() -> [Action] {
        queue.sync {}
        return takeResults()
    }
}

/// Per record, the revision this session's screens still hold for it and the revision its own latest save wrote.
/// Kept by the write queue, on its thread.
struct RevisionChain {
    private var written: [RecordID: (shown: Int, now: Int)] = [:]

    /// `effect` expecting the revision on disk after this session's own writes, and the revision it was asked to expect.
    func current(_ effect: Effect) -> (Effect, asked: Int?) {
        switch effect {
        case .save(let record, let expected):
            guard let now = newer(record.id, than: expected) else { return (effect, expected) }
            return (.save(record.withRevision(now), expectedRevision: now), expected)
        case .delete(let record):
            guard let now = newer(record.id, than: record.revision) else { return (effect, record.revision) }
            return (.delete(record.withRevision(now)), record.revision)
        default:
            return (effect, nil)
        }
    }

    /// Remembers what a write left on disk: a saved record's new revision (for writes still asking for `asked`);
    /// a deleted record is forgotten.
    mutating func record(_ outcome: [Action], asked: Int?) {
        for action in outcome {
            switch action {
            case .saved(let record): if let asked { written[record.id] = (shown: asked, now: record.revision) }
            case .deleted(let record): written[record.id] = nil
            default: break
            }
        }
    }

    private func newer(_ id: RecordID, than expected: Int) -> Int? {
        guard let entry = written[id], entry.shown == expected, entry.now != expected else { return nil }
        return entry.now
    }
}
