import Foundation

/// Re-executes this binary with `--child --only <case>` and reads the rows it prints,
/// so each case's peak RSS (VmHWM) is measured in a process of its own.
enum ChildRun {
    static func run(_ benchCase: BenchCase, quick: Bool) -> [BenchResult] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["--child", "--only", benchCase.name] + (quick ? ["--quick"] : [])
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return [failure(benchCase, "could not start a child process: \(error)")]
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return [failure(benchCase, "child exited with status \(process.terminationStatus); rerun with --only \(benchCase.name) --child to see why")]
        }
        do {
            return try JSONDecoder().decode([BenchResult].self, from: data)
        } catch {
            return [failure(benchCase, "child output was not a result list: \(error)")]
        }
    }

    /// A failed row standing in for a case that did not report.
    private static func failure(_ benchCase: BenchCase, _ reason: String) -> BenchResult {
        BenchResult(name: benchCase.name, value: .nan, unit: .milliseconds, target: .max(below: 0), note: reason)
    }
}
