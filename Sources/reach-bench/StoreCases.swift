import Foundation
import ReachCore
import ReachStore

/// Data folder cost: loading everything at start, saving one edit, and polling for other sessions' changes.
enum StoreCases {
    static let all = [
        load(10_000, target: 300), load(100_000, target: 2_000), indexBuild, indexRows, save, scan,
    ]

    /// The folder index built from nothing, every record file read into it, as a first start on a folder (or the first
    /// command) does. Each run removes the index first (timed with it: an unlink); the last run's index is kept.
    static let indexBuild = BenchCase(name: "store.index-build-100k", datasets: [100_000]) { options in
        let dataset = Dataset(influencers: 100_000)
        var read = 0
        let samples = try Measure.repeating(options.iterations(3), warmup: 0, keeping: {
            let store = try dataset.openStore()
            for suffix in ["", "-wal", "-shm"] { unlink(store.layout.cacheDirectory + "/" + FolderIndex.fileName + suffix) }
            read = try FolderIndex(store: store).refresh().filesRead
            return read
        })
        return [BenchResult(name: "store.index first build 100k", samples: samples,
                            note: "\(read) record files read into a new index, in id order, the next chunk read while one is written")]
    }

    /// Every deal's compact row read from the folder index (`FolderIndex.allDealRows`), as the app's start reads
    /// them; the index is brought up to date first, untimed.
    static let indexRows = BenchCase(name: "store.index-rows-100k", datasets: [100_000]) { options in
        let store = try Dataset(influencers: 100_000).openStore()
        let index = try FolderIndex(store: store)
        try index.refresh()
        var count = 0
        let samples = try Measure.repeating(options.iterations(5), warmup: 1, keeping: {
            let rows = try index.allDealRows()
            count = rows.count
            return rows
        })
        return [BenchResult(name: "store.index rows of every deal 100k", samples: samples,
                            note: "\(count) rows with every entry, one blob each (DealRowColumn), as the app's start reads them")]
    }

    /// A fresh `RecordStore` loading every kind (influencers, campaigns, deals, workspace) from the JSON files, as the
    /// app does at start without the folder index. The OS page cache is warm after the first run; what is timed is parsing
    /// and decoding, not the disk.
    static func load(_ count: Int, target: Double) -> BenchCase {
        BenchCase(name: "store.load-\(label(count))", datasets: [count]) { options in
            let dataset = Dataset(influencers: count)
            var sizes = (0, 0)
            let samples = try Measure.repeating(options.iterations(count > 10_000 ? 8 : 30), warmup: 1, keeping: {
                let data = try dataset.load(from: RecordStore(folder: dataset.folder))
                sizes = (data.influencers.count, data.deals.count)
                return data
            })
            return [BenchResult(name: "store.load \(label(count)) from JSON files", samples: samples, target: .p99(below: target),
                                note: "\(sizes.0) influencers + \(sizes.1) deals")]
        }
    }

    /// Saving one edited influencer (lock, revision check, merge, write, fsync, rename) at 1k and 100k records:
    /// the cost must not grow with the folder.
    static let save = BenchCase(name: "store.save", datasets: [1_000, 100_000]) { options in
        func run(_ count: Int) throws -> Samples {
            let store = try Dataset(influencers: count).openStore()
            var records = store.loadAll(Influencer.self).records
            var rng = SplitMix64(seed: 7)
            return try Measure.repeating(options.iterations(300)) {
                let index = rng.below(records.count)
                var edited = records[index]
                edited.notes = "Edited by reach-bench \(rng.next())"
                guard case .saved(let saved) = try store.save(edited) else {
                    throw BenchError(description: "unexpected conflict saving \(edited.id) in \(store.layout.root)")
                }
                records[index] = saved
            }
        }
        let small = try run(1_000)
        let large = try run(100_000)
        return [
            BenchResult(name: "store.save 1 record @1k", samples: small, target: .p99(below: 10)),
            BenchResult(name: "store.save 1 record @100k", samples: large, target: .p99(below: 10)),
            BenchResult(name: "store.save 100k÷1k (flat in N)", value: large.p50 / small.p50, unit: .ratio, target: .p50(below: 1.5),
                        note: "p50 ratio"),
        ]
    }

    /// `scanChanges` over all kinds at 100k with nothing changed (what a 1-second poll costs), then with 10 files changed.
    static let scan = BenchCase(name: "store.scan-100k", datasets: [100_000]) { options in
        let dataset = Dataset(influencers: 100_000)
        let store = try dataset.openStore()
        var influencers = store.loadAll(Influencer.self).records
        _ = store.loadAll(Campaign.self)
        _ = store.loadAll(Deal.self)
        var found = 0
        let unchanged = Measure.repeating(options.iterations(10), warmup: 1) {
            found += store.scanChanges(Influencer.self).changed.count
            found += store.scanChanges(Campaign.self).changed.count
            found += store.scanChanges(Deal.self).changed.count
        }
        // Another session edits ten records between polls.
        let other = try RecordStore(folder: dataset.folder)
        var rng = SplitMix64(seed: 11)
        var runs: [(wall: Duration, cpu: Double)] = []
        for _ in 0..<options.iterations(10) {
            for _ in 0..<10 {
                let index = rng.below(influencers.count)
                var edited = influencers[index]
                edited.notes = "Edited elsewhere \(rng.next())"
                if case .saved(let saved) = try other.save(edited) { influencers[index] = saved }
            }
            runs.append(Measure.timed { found += store.scanChanges(Influencer.self).changed.count })
        }
        let edits = Samples(runs)
        return [
            BenchResult(name: "store.scan 100k, nothing changed", samples: unchanged, target: .p99(below: 1_000),
                        note: "all kinds; must fit a 1 s poll"),
            BenchResult(name: "store.scan 100k, 10 changed", samples: edits, target: .p99(below: 1_000),
                        note: "influencers; \(found) changes seen"),
        ]
    }

    static func label(_ count: Int) -> String {
        count >= 1_000_000 ? "\(count / 1_000_000)M" : count >= 1_000 ? "\(count / 1_000)k" : "\(count)"
    }
}
