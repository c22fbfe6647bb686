#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import ReachStore

/// The options every script shares: which folder, sharing mode, and who the process runs as.
struct StoreSetup: ParsableArguments {
    @Option(help: "The data folder.")
    var folder: String

    @Flag(help: "Open the folder in team sharing mode (group-writable).")
    var team = false

    @Option(help: ArgumentHelp("Set this umask (octal) first, to show modes do not depend on it.", valueName: "octal"))
    var umask: String?

    @Option(help: ArgumentHelp("Become this user first (root only): uid:gid[:group,group...].", valueName: "identity"))
    var user: String?

    /// Applies `--umask` and `--user`, then opens the store.
    func openStore() throws -> RecordStore {
        if let umask {
            guard let mask = mode_t(umask, radix: 8) else { throw ValidationError("--umask \(umask) is not an octal number") }
            _ = Glibc.umask(mask)
        }
        if let user { try become(user) }
        return try RecordStore(folder: folder, options: StoreOptions(sharing: team ? .team : .privateToUser))
    }

    /// Drops root for another uid/gid and supplementary groups, as a second user on a shared server.
    private func become(_ identity: String) throws {
        let parts = identity.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let uid = uid_t(parts[0]), let gid = gid_t(parts[1]) else {
            throw ValidationError("--user \(identity) should be uid:gid[:group,group...]")
        }
        var groups = parts.count > 2 ? parts[2].split(separator: ",").compactMap { gid_t($0) } : []
        groups.append(gid)
        guard setgroups(groups.count, groups) == 0, setgid(gid) == 0, setuid(uid) == 0 else {
            throw ValidationError("could not become \(identity): \(String(cString: strerror(errno)))")
        }
    }
}
