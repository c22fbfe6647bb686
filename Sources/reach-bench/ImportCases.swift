import Foundation
import ReachCore
import ReachStore

/// `reach import influencers FILE.csv` on a 100,000-row spreadsheet (issue #7: under 5 s and 300 MB).
///
/// Three cases, so each has its own process and its own peak RSS: into an empty folder, as a dry run, and into
/// a copy of the 10k bench folder's creators (1,000 rows are theirs: dedupe and merge against records on disk).
///
/// The runs' data folders are only removed after every case has run: on ext4 without a journal (this VM's disk)
/// the inode allocator skips inodes freed in the last minutes one by one, so creating 100,000 files right after
/// deleting 100,000 took three times as long, a cost of the benchmark and not of an import.
enum ImportCases {
    static let all = [fresh, dryRun, onto10k]
    static let csv = ImportCSV(rows: 100_000)

    static let fresh = importCase("import.csv-100k", label: "into an empty folder", iterations: 5, dryRun: false, existing: nil)
    static let dryRun = importCase("import.csv-100k-dry-run", label: "--dry-run", iterations: 5, dryRun: true, existing: nil)
    static let onto10k = importCase("import.csv-100k-onto-10k", label: "into the 10k folder", iterations: 3, dryRun: false,
                                    existing: ImportCSV.source)

    /// Each run gets a new data folder (holding a copy of `existing`'s creators, if given), set up and removed
    /// outside the timing; what is timed is what `reach import influencers` does: open the store, read, plan,
    /// write, and make the listing it prints.
    private static func importCase(_ name: String, label: String, iterations: Int, dryRun: Bool, existing: Dataset?) -> BenchCase {
        BenchCase(name: name, datasets: [ImportCSV.source.influencers], run: { options in
            try csv.prepare()  // a no-op after the parent's; here for `--child` runs by hand
            var runs: [(wall: Duration, cpu: Double)] = []
            var processCPU: [Double] = []
            var report: ImportReport?
            var lastFolder = ""
            var firstPeak: Double?
            func timedImport(into folder: String) throws -> (wall: Duration, cpu: Double) {
                try Measure.timed {
                    let store = try RecordStore(folder: folder)
                    let result = try InfluencerImport.run(file: csv.path, store: store, options: .init(dryRun: dryRun, now: Date()))
                    blackHole(result.lines(everyRow: dryRun))
                    report = result
                }
            }
            for _ in 0..<options.iterations(iterations) {
                let folder = try scratchFolder(copying: existing)
                lastFolder = folder
                let cpuStart = processCPUMilliseconds()
                runs.append(try timedImport(into: folder))
                processCPU.append(processCPUMilliseconds() - cpuStart)
                // The peak of one import, as one `reach import` process has it: later runs in this process
                // would add what the allocator kept from earlier ones.
                if firstPeak == nil { firstPeak = Machine.peakRSS() }
            }
            let peak = firstPeak ?? .nan
            let samples = Samples(runs)
            let summary = report.map { "\($0.created) new, \($0.merged) merged, \($0.unchanged) unchanged, \($0.rejected) rejected, \($0.written.count) written" } ?? ""
            let cpu = Samples(milliseconds: processCPU).p50 / 1_000
            var rows = [
                BenchResult(name: "import 100k-row CSV \(label)", samples: samples, target: .p99(below: 5_000),
                            note: summary + String(format: "; process CPU p50 %.1f s; first run %.1f s", cpu, runs[0].wall.milliseconds / 1_000)),
                BenchResult(name: "import 100k-row CSV \(label): peak RSS", value: peak, unit: .megabytes, target: .max(below: 300)),
            ]
            if existing == nil, !dryRun, let written = report?.written.count, written > 0 {
                let size = FileSystemFloor.meanFileSize(in: lastFolder + "/influencers")
                let floor = try FileSystemFloor.measure(count: written, size: size, in: try scratchFolder(copying: nil) + "/floor")
                rows.append(BenchResult(name: "  disk alone: \(written) temp files + sync + renames", samples: Samples([floor]),
                                        note: "\(size) B each, no Reach code: the part of the row above that is the disk's"))
                // The same import into memory (tmpfs): what Reach itself takes, whatever the disk.
                let memory = "/dev/shm/reach-bench-import-\(ProcessInfo.processInfo.processIdentifier)"
                if (try? FileManager.default.createDirectory(atPath: memory, withIntermediateDirectories: true)) != nil {
                    defer { try? FileManager.default.removeItem(atPath: memory) }
                    rows.append(BenchResult(name: "  the same import on tmpfs (no disk)", samples: Samples([try timedImport(into: memory)]),
                                            note: "Reach's own time: reading, planning, encoding and file calls without a disk"))
                }
            }
            return rows
        }, prepare: {
            try csv.prepare()
            removeRuns()  // left by an interrupted run
        }, cleanup: removeRuns)
    }

    /// Where each run's data folder is made.
    private static var runs: String { (ImportCSV.source.folder as NSString).deletingLastPathComponent + "/reach-bench-import-runs" }

    private static func removeRuns() {
        guard FileManager.default.fileExists(atPath: runs) else { return }
        Progress.say("removing the import runs' data folders in \(runs)…")
        try? FileManager.default.removeItem(atPath: runs)
    }

    /// A new folder under `runs`, holding a copy of `existing`'s `influencers/` when given.
    private static func scratchFolder(copying existing: Dataset?) throws -> String {
        let folder = runs + "/\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: .min ... .max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let existing {
            try existing.prepare()
            try FileManager.default.copyItem(atPath: existing.folder + "/influencers", toPath: folder + "/influencers")
        }
        return folder
    }

    /// User + system CPU of the whole process (every thread), in milliseconds: the import writes on all cores.
    private static func processCPUMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1_000 + Double(t.tv_usec) / 1_000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
