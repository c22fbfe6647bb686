import Foundation
import ReachStore

/// Keeps the per-user snapshot cache current so the next start skips reading every record file: written in
/// the background after a start that read the files, and again at quit when records changed meanwhile.
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

    /// At quit: lets a background write finish, then writes again if any record changed since the snapshot.
    public func finish(_ workspace: Workspace) {
        background.wait()
        guard store.snapshotPath != nil, store.changesSinceSnapshot != 0 else { return }
        write(workspace)
    }

    /// Failures are logged by the store; the next start then reads the record files, as without a cache.
    private func write(_ workspace: Workspace) {
        _ = try? store.writeSnapshot(influencers: workspace.influencers.values, campaigns: workspace.campaigns.values,
                                     deals: workspace.deals.values, templates: workspace.templates.values)
    }
}
