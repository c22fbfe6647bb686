import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of `git` printed and how it ended.
public struct GitOutput: Sendable, Equatable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var succeeded: Bool { status == 0 }

    /// What went wrong, in git's words: its first `fatal:` or `error:` line (later ones are advice, such as
    /// "Please make sure you have the correct access rights"), else its last line.
    public var reason: String {
        let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        for prefix in ["fatal: ", "error: "] {
            if let line = lines.first(where: { $0.hasPrefix(prefix) }) { return String(line.dropFirst(prefix.count)) }
        }
        return lines.last { !$0.isEmpty && !$0.hasPrefix("hint:") } ?? "git exited with status \(status)"
    }
}

/// Runs one `git` command as a child in its own process group, with its output captured and a deadline.
///
/// Its own group so a timeout also stops what git started (ssh, a credential helper, the merge driver);
/// stdin is /dev/null and prompts are switched off, so a remote that wants a password fails instead of
/// waiting for a keyboard no one is at (the app's auto-sync runs in the background).
struct GitProcess {
    var executable: String
    var arguments: [String]
    var directory: String
    var environment: [String: String]
    var timeout: TimeInterval

    func run() throws(SyncError) -> GitOutput {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { throw .cannotRun(reason: String(cString: strerror(errno))) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw .cannotRun(reason: String(cString: strerror(errno)))
        }
        let pid: pid_t
        do {
            pid = try spawn(stdout: outPipe[1], stderr: errPipe[1])
        } catch {
            for fd in outPipe + errPipe { close(fd) }
            throw error
        }
        close(outPipe[1]); close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        let (out, err, timedOut) = drain(stdout: outPipe[0], stderr: errPipe[0], pid: pid)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if timedOut {
            throw .timedOut(command: "git " + (arguments.first ?? ""), seconds: timeout,
                            network: GitRepository.networkCommands.contains(arguments.first ?? ""))
        }
        let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return GitOutput(status: exitCode, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    private func spawn(stdout: Int32, stderr: Int32) throws(SyncError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        // `-C` rather than a chdir in the child: posix_spawn's chdir action is not in every libc.
        let argv = ([executable, "-C", directory] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw .cannotRun(reason: String(cString: strerror(result))) }
        return pid
    }

    /// Reads both pipes to their end, or until the deadline, when the whole group is killed.
    private func drain(stdout: Int32, stderr: Int32, pid: pid_t) -> (out: [UInt8], err: [UInt8], timedOut: Bool) {
        var out: [UInt8] = [], err: [UInt8] = []
        var open: [Int32: Bool] = [stdout: true, stderr: true]
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open.values.contains(true) {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                kill(-pid, SIGKILL)
                return (out, err, true)
            }
            var fds = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == stdout { out.append(contentsOf: buffer[0..<count]) } else { err.append(contentsOf: buffer[0..<count]) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[entry.fd] = false
                }
            }
        }
        return (out, err, false)
    }
}
