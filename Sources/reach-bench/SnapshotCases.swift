import Foundation
import ReachApp
import ReachCore
import ReachStore

/// The snapshot cache, which a start uses only when the folder index is not built: the store load when a valid
/// snapshot exists (written once before timing), and what writing one costs.
enum SnapshotCases {
    /// A fresh `RecordStore` reading every record from the snapshot, plus `reach.json`, as the app does at start.
    static func load(_ count: Int, target: Double) -> BenchCase {
        BenchCase(name: "store.load-snapshot-\(StoreCases.label(count))", datasets: [count]) { options in
            let dataset = Dataset(influencers: count)
            let written = try prepare(dataset, timedWrites: count >= 100_000 ? options.iterations(5) : 0)
            var sizes = (0, 0)
            let samples = try Measure.repeating(options.iterations(count > 10_000 ? 8 : 30), warmup: 1, keeping: {
                let store = try dataset.openStore(snapshots: true)
                guard let records = store.loadAllFromSnapshot() else {
                    throw BenchError(description: "the snapshot of \(dataset.folder) did not load; run with a writable \(dataset.snapshotDirectory)")
                }
                blackHole(try store.loadWorkspace(WorkspaceSettings.self))
                sizes = (records.influencers.count, records.deals.count)
                return records
            })
            var results = [BenchResult(name: "store.load \(StoreCases.label(count)) from snapshot", samples: samples,
                                       target: .p99(below: target), note: "\(sizes.0) influencers + \(sizes.1) deals")]
            if let writes = written.samples {
                results.append(BenchResult(name: "store.snapshot write \(StoreCases.label(count))", samples: writes,
                                           note: "\(written.summary.records) records, \(written.summary.bytes / 1_000_000) MB"))
            }
            return results
        }
    }

    /// Makes sure the folder has a current snapshot (loading from the files and writing one when not), then
    /// times `timedWrites` rewrites of it from the loaded records. As the app writes it: without deals, whose rows
    /// come from the folder index.
    private static func prepare(_ dataset: Dataset, timedWrites: Int) throws -> (samples: Samples?, summary: SnapshotWriteSummary) {
        let store = try dataset.openStore(snapshots: true)
        let records: SnapshotRecords
        if let cached = store.loadAllFromSnapshot() {
            records = cached
        } else {
            Progress.say("writing the snapshot of \(dataset.folder) into \(dataset.snapshotDirectory)…")
            records = SnapshotRecords(influencers: store.loadAll(Influencer.self).records, campaigns: store.loadAll(Campaign.self).records,
                                      templates: store.loadAll(Template.self).records)
        }
        func write() throws -> SnapshotWriteSummary {
            try store.writeSnapshot(influencers: records.influencers, campaigns: records.campaigns, deals: [Deal](),
                                    templates: records.templates)
        }
        var summary = try write()
        guard timedWrites > 0 else { return (nil, summary) }
        let samples = try Measure.repeating(timedWrites, warmup: 0) { summary = try write() }
        return (samples, summary)
    }
}
