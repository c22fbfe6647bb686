import Foundation

/// Locates the `reach` executable that SwiftPM built beside the test bundle, and makes scratch data folders.
enum ReachBinary {
    /// `$REACH_BINARY` if set, else `reach` in the same products folder as the running test binary.
    static func path() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["REACH_BINARY"] { return explicit }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Swift Testing may run from inside the .xctest bundle; walk up to the products folder.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("reach").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        throw HarnessError(description: "reach binary not found next to \(CommandLine.arguments[0]); run `swift build` or set REACH_BINARY")
    }

    /// A fresh, empty temporary folder; the caller removes it.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reach-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `reach` with `arguments` outside tmux (for setup steps like `demo`) and returns its output; with a
    /// `ScratchHome` of its own (removed afterwards) unless `environment` says otherwise. `environment` is laid over
    /// the test's own; `input` is a file given as standard input (else /dev/null).
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Shell.Result {
        let home = try ScratchHome()
        defer { home.remove() }
        var env = ProcessInfo.processInfo.environment
        env.merge(home.environment) { _, scratch in scratch }
        env.merge(environment) { _, given in given }
        return try Shell.run(try path(), arguments, environment: env, input: input)
    }
}
