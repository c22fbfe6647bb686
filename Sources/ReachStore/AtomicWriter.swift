#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The steps of an atomic write, in order; a hook sees each one before it happens.
public enum AtomicWriteStep: String, Sendable, CaseIterable {
    case createTemp, writeTemp, syncTemp, rename, syncDirectory
}

/// Called before every step of every atomic write with the target path; throwing aborts the write there.
///
/// Tests use it to simulate a crash between any two steps; it could also feed a debug log.
public typealias AtomicWriteHook = @Sendable (AtomicWriteStep, _ target: String) throws -> Void

/// Replaces a file so that a crash at any moment leaves either the old or the new complete content.
///
/// Temp file in the same directory (`.<name>.tmp-<pid>-<random>`, never mistaken for a record),
/// fchmod to the exact mode, write, fsync, rename over the target, fsync the directory.
/// The target is never opened for writing, so it is never truncated in place.
struct AtomicWriter: Sendable {
    var fileMode: mode_t
    var hook: AtomicWriteHook?

    static let tempMarker = ".tmp-"

    /// The temp name for a target: hidden, and carrying our pid so a later cleanup can tell if we died.
    /// A batch passes one `suffix` for all its files, so it can work out each temp name instead of storing it.
    static func tempPath(for target: String, suffix: String = tempSuffix()) -> String {
        Posix.parent(of: target) + "/." + Posix.baseName(of: target) + tempMarker + suffix
    }

    /// `<pid>-<random hex>`: what follows the marker in a temp name.
    static func tempSuffix() -> String { "\(getpid())-" + String(UInt32.random(in: .min ... .max), radix: 16) }

    /// Errors name `target`, not the temp file: the user knows the record's file, not our temp names.
    func write(_ bytes: [UInt8], to target: String) throws {
        let temp = try writeTemp(bytes, for: target, sync: true)
        do {
            try hook?(.rename, target)
            try Posix.rename(temp, target)
        } catch {
            unlink(temp)
            throw error
        }
        try hook?(.syncDirectory, target)
        try Posix.syncDirectory(Posix.parent(of: target))
    }

    /// Creates `target`'s temp file (at `temp`, else a new temp name) with the exact mode and `bytes`, fsynced
    /// only when `sync` (a batch syncs the whole file system once instead). Returns its path; removes it on failure.
    func writeTemp(_ bytes: [UInt8], for target: String, sync: Bool, temp: String? = nil) throws -> String {
        try hook?(.createTemp, target)
        let temp = temp ?? Self.tempPath(for: target)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw Posix.error("create a temporary file in", Posix.parent(of: target)) }
        var open = true
        do {
            guard fchmod(fd, fileMode) == 0 else { throw Posix.error("set permissions of a new version of", target) }
            try hook?(.writeTemp, target)
            try Posix.writeAll(bytes, to: fd, path: target)
            if sync {
                try hook?(.syncTemp, target)
                guard fsync(fd) == 0 else { throw Posix.error("flush a new version of", target) }
            }
            open = false
            guard close(fd) == 0 else { throw Posix.error("close a new version of", target) }
        } catch {
            if open { close(fd) }
            unlink(temp)
            throw error
        }
        return temp
    }

    /// Moves `source` to `target` (same file system) and makes both directory entries durable.
    static func move(_ source: String, to target: String) throws(StoreError) {
        try Posix.rename(source, target)
        try Posix.syncDirectory(Posix.parent(of: target))
        let sourceDirectory = Posix.parent(of: source)
        if sourceDirectory != Posix.parent(of: target) { try Posix.syncDirectory(sourceDirectory) }
    }
}
