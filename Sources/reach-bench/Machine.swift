import Foundation

/// The machine the figures came from, printed above every table because numbers mean nothing without it.
struct Machine: Sendable {
    var cores: Int
    var cpuModel: String
    var memoryMB: Int

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = field("model name", in: cpuinfo, separator: ":") ?? "unknown CPU"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let totalKB = field("MemTotal", in: meminfo, separator: ":").flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0
        return Machine(cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model, memoryMB: totalKB / 1024)
    }

    var description: String { "\(cores) cores (nproc), \(cpuModel), \(memoryMB) MB RAM" }

    /// The 1-minute load average (how many runnable tasks share the cores).
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return Double(text.split(separator: " ").first ?? "") ?? .nan
    }

    /// Peak resident set size of this process so far (VmHWM), in MB; nil where /proc is missing.
    static func peakRSS() -> Double? { statusMegabytes("VmHWM") }

    /// Resident set size now (VmRSS), in MB.
    static func currentRSS() -> Double? { statusMegabytes("VmRSS") }

    private static func statusMegabytes(_ name: String) -> Double? {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let text = field(name, in: status, separator: ":"),
              let kilobytes = Double(text.split(separator: " ").first ?? "") else { return nil }
        return kilobytes / 1024
    }

    /// The value of the first `name<separator> value` line.
    private static func field(_ name: String, in text: String, separator: Character) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            guard let colon = line.firstIndex(of: separator) else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
