#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import reach_torture

/// A running `reach-torture` process whose stdout and stderr go to files in a scratch folder,
/// so several children never block on a full pipe and a kill never loses a written line.
final class TortureChild {
    let pid: pid_t
    let outputPath: String
    let errorPath: String
    private var exitStatus: Int32?

    /// Starts `reach-torture` with `arguments`; `environment` replaces ours when given.
    init(_ arguments: [String], outputTo prefix: String, environment: [String: String]? = nil) throws {
        outputPath = prefix + ".out"
        errorPath = prefix + ".err"
        let binary = try Self.binaryPath()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o600)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, binary, &actions, nil, argv, env)
        guard result == 0 else { throw HarnessFailure("could not start \(binary): \(String(cString: strerror(result)))") }
        pid = child
    }

    /// `$REACH_TORTURE_BINARY`, else `reach-torture` in the products folder beside the test binary.
    static func binaryPath() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["REACH_TORTURE_BINARY"] { return explicit }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("reach-torture").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw HarnessFailure("reach-torture not found near \(CommandLine.arguments[0]); run `swift build` or set REACH_TORTURE_BINARY")
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }
    /// The complete lines printed so far, parsed.
    var events: [TortureEvent] { TortureEvent.parse(output) }

    /// Waits until the child's output satisfies `condition` (polling its output file); throws if it exited first.
    func wait(until condition: (String) -> Bool, timeout: Duration = .seconds(20)) throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(output) {
            if let status = poll() { throw HarnessFailure("reach-torture exited (\(status)) too early: \(errors)") }
            guard ContinuousClock.now < deadline else { throw HarnessFailure("reach-torture printed too little after \(timeout)") }
            usleep(500)
        }
    }

    /// SIGKILL, then reap: the child gets no chance to clean up.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        _ = wait()
    }

    /// Waits for the child to end and returns its raw wait status.
    @discardableResult
    func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        exitStatus = status
        return status
    }

    /// Waits and throws unless the child exited with status 0.
    func expectSuccess() throws {
        let status = wait()
        guard status == 0 else { throw HarnessFailure("reach-torture failed (wait status \(status)): \(errors)") }
    }

    private func poll() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        exitStatus = status
        return status
    }

    deinit { if exitStatus == nil { kill() } }
}

/// A harness problem (not a finding about the store): the child could not run as expected.
struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
