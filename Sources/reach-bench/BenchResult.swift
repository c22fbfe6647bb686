/// What a row's figures measure.
enum BenchUnit: String, Codable, Sendable {
    case milliseconds
    case megabytes
    /// A dimensionless ratio (e.g. time at 1M rows ÷ time at 1k rows: "flat in N" means close to 1).
    case ratio

    var suffix: String {
        switch self {
        case .milliseconds: "ms"
        case .megabytes: "MB"
        case .ratio: "×"
        }
    }
}

/// Which statistic a target applies to.
enum BenchStatistic: String, Codable, Sendable {
    case p50, p99, max
}

/// A pass mark: `statistic` must stay below `limit` (in the row's unit).
struct BenchTarget: Codable, Sendable {
    var statistic: BenchStatistic
    var limit: Double

    static func p99(below limit: Double) -> BenchTarget { BenchTarget(statistic: .p99, limit: limit) }
    static func p50(below limit: Double) -> BenchTarget { BenchTarget(statistic: .p50, limit: limit) }
    static func max(below limit: Double) -> BenchTarget { BenchTarget(statistic: .max, limit: limit) }
}

/// One line of the report; child processes send these to the parent as JSON.
struct BenchResult: Codable, Sendable {
    var name: String
    /// Number of samples behind the percentiles.
    var count: Int
    var p50: Double
    var p99: Double
    var max: Double
    var unit: BenchUnit
    /// Median CPU time of the measuring thread (see `Samples.cpuMedian`).
    var cpuP50: Double?
    var target: BenchTarget?
    /// Peak resident memory of the process that measured this row (VmHWM), in MB.
    var peakRSS: Double?
    /// What was measured, when the name alone does not say (sizes, hit counts, ratios' inputs).
    var note: String?

    init(name: String, samples: Samples, target: BenchTarget? = nil, note: String? = nil) {
        self.name = name
        count = samples.count
        p50 = samples.p50
        p99 = samples.p99
        max = samples.max
        unit = .milliseconds
        cpuP50 = samples.cpuMedian
        self.target = target
        self.note = note
    }

    /// A single figure (a ratio or a memory size) rather than a distribution.
    init(name: String, value: Double, unit: BenchUnit, target: BenchTarget? = nil, note: String? = nil) {
        self.name = name
        count = 1
        p50 = value
        p99 = value
        max = value
        self.unit = unit
        self.target = target
        self.note = note
    }

    func value(_ statistic: BenchStatistic) -> Double {
        switch statistic {
        case .p50: p50
        case .p99: p99
        case .max: max
        }
    }

    /// nil when the row has no target.
    var passed: Bool? { target.map { value($0.statistic) < $0.limit } }
}
