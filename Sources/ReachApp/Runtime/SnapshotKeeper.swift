import Foundation
import ReachCore
import ReachStore

/// Keeps the per-user snapshot cache current so the next start skips reading every record file: written in
/// the background after a start that read the files, and again at quit when records changed meanwhile.
/// It holds creators, campaigns and templates; deals start from the folder index's rows. A workspace started from
/// the folder index's creator summaries writes none: its next start reads the index again.
/// The cache is disposable, so a failed write is only logged.
public final class SnapshotKeeper: Sendable {
    private let store: RecordStore
    private let background = DispatchGroup()

    public init(store: RecordStore) { self.store = store }

    /// After `WorkspaceLoader.load` read the record files: writes the snapshot off the main thread.
    public func writeInBackground(_ workspace: Workspace) {
        guard store.snapshotPath != nil else { return }
        DispatchQueue.global(qos: .utility).async(group: background) { [self] in write(workspace) }
    }

    /// At quit: lets a background write finish, then writes again when `shouldWrite` says the snapshot is stale enough.
    public func finish(_ workspace: Workspace) {
        background.wait()
        let records = workspace.creatorCount + workspace.campaigns.count + workspace.templates.count
        guard store.snapshotPath != nil, Self.shouldWrite(changes: store.changesSinceSnapshot, records: records) else { return }
        write(workspace)
    }

    /// Whether quitting should rewrite the snapshot: always when there is none, and when anything changed in a
    /// small folder (writing 20,000 records takes ~0.1 s); in a large one only when more than 1% of the records
    /// changed, because writing 300,000 takes ~1.5 s while the next start's first scan re-reads 1% of the files
    /// (3,000 at ~0.1 ms each) in the background. Staleness cannot pile up: that scan counts its re-reads as
    /// changes, so the session after it writes.
    static func shouldWrite(changes: Int?, records: Int) -> Bool {
        guard let changes else { return true }
        return changes > 0 && (records <= 20_000 || changes * 100 > records)
    }

    /// Failures are logged by the store; the next start then reads the record files, as without a cache.
    private func write(_ workspace: Workspace) {
        guard workspace.holdsFullCreators else { return }
        _ = try? store.writeSnapshot(influencers: workspace.allInfluencers, campaigns: workspace.campaigns.values,
                                     deals: [Deal](), templates: workspace.templates.values)
    }
}
