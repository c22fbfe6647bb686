import Foundation
import Testing
import TerminalUI
@testable import ReachApp

/// One fuzz run: a seed, the terminal size it starts at, and how many steps it takes.
struct FuzzRun: Sendable, CustomTestStringConvertible {
    var seed: UInt64
    var width: Int
    var height: Int
    var steps: Int
    var testDescription: String { "seed \(seed) from \(width)x\(height), \(steps) steps" }
}

/// Random keys, pastes, resizes, ticks and other sessions through `update` and the view, with every invariant
/// checked after each step. 10 seeds × 10,000 steps by default; `REACH_LONG_TESTS=1` runs 10 × 100,000.
/// `REACH_FUZZ_SEED=n` (with optional `REACH_FUZZ_STEPS`, `REACH_FUZZ_SIZE=WxH`) replays one seed.
@Suite("App fuzzing")
struct AppFuzzTests {
    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
    static let startSizes = [(1, 1), (20, 5), (40, 12), (80, 24), (200, 60), (80, 24), (120, 40), (40, 12), (100, 30), (200, 60)]

    static let environment = ProcessInfo.processInfo.environment
    static let isLong = environment["REACH_LONG_TESTS"] == "1"

    /// The one run `REACH_FUZZ_SEED` asks for, if it does.
    static func replay(defaultSteps: Int) -> [FuzzRun]? {
        guard let seed = environment["REACH_FUZZ_SEED"].flatMap({ UInt64($0) }) else { return nil }
        let size = (environment["REACH_FUZZ_SIZE"] ?? "80x24").split(separator: "x").compactMap { Int($0) }
        let steps = Int(environment["REACH_FUZZ_STEPS"] ?? "") ?? defaultSteps
        return [FuzzRun(seed: seed, width: size.first ?? 80, height: size.last ?? 24, steps: steps)]
    }

    static var runs: [FuzzRun] {
        let steps = isLong ? 100_000 : 10_000
        return replay(defaultSteps: steps) ?? zip(seeds, startSizes).map { FuzzRun(seed: $0, width: $1.0, height: $1.1, steps: steps) }
    }

    /// Shorter runs against a real data folder (every save fsynced): 2 × 2,000 steps, or 2 × 20,000 when long.
    static var folderRuns: [FuzzRun] {
        let steps = isLong ? 20_000 : 2_000
        return replay(defaultSteps: steps)
            ?? [FuzzRun(seed: 201, width: 120, height: 40, steps: steps), FuzzRun(seed: 202, width: 80, height: 24, steps: steps)]
    }

    @Test("random input on a real data folder keeps every invariant and memory in step with the files", arguments: folderRuns)
    func fuzzRealFolder(_ run: FuzzRun) throws {
        CrashReport.install()
        let driver = try FuzzDriver(seed: run.seed, size: Size(width: run.width, height: run.height), realFolder: true)
        driver.thoroughEvery = 10
        let failure = driver.run(steps: run.steps)
        CrashReport.finish(seed: run.seed)
        if let failure { Issue.record(Comment(rawValue: failure)) }
        #expect((driver.actionCounts["saved"] ?? 0) > run.steps / 100, "too few saves to mean much: \(driver.actionCounts)")
    }

    @Test("random input keeps every invariant", arguments: runs)
    func fuzz(_ run: FuzzRun) throws {
        CrashReport.install()
        let driver = try FuzzDriver(seed: run.seed, size: Size(width: run.width, height: run.height))
        let failure = driver.run(steps: run.steps)
        CrashReport.finish(seed: run.seed)
        if let failure {
            Issue.record(Comment(rawValue: failure))
            return
        }
        // Every key the help lists on a screen the run stayed on was pressed, and every palette command on offer
        // for a while was run (see `FuzzDriver.unused`; a command first offered in the last tenth, e.g. a filter
        // saved near the end, is not counted).
        let unused = driver.unused
        #expect(unused.bindings.isEmpty, "bindings never pressed: \(unused.bindings)")
        #expect(unused.commands.isEmpty, "palette commands never run: \(unused.commands)")
        // The thresholds must leave something to check: the palette and the main screens are visited at length.
        #expect(driver.heldToCoverage.bindings >= 20 && driver.heldToCoverage.commands >= 5, "coverage held to: \(driver.heldToCoverage)")
        #expect(driver.step == run.steps)
        if Self.environment["REACH_FUZZ_SEED"] != nil {
            print("seed \(run.seed): \(driver.seenBindings.count) bindings, \(driver.seenCommands.count) commands,",
                  "held to \(driver.heldToCoverage), used \(driver.usedCommands.count);",
                  driver.actionCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
