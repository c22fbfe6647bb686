#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// Who may read the data folder: one user (default) or a team sharing one Unix group.
public enum FolderSharing: String, Sendable, Codable, CaseIterable {
    /// Folders 0700, files 0600: only the owner.
    case privateToUser
    /// Folders 2770, files 0660: everyone in the folder's group (put the team in one group, then
    /// `chgrp team DIR && chmod 2770 DIR`). The setgid bit makes every file and folder created inside
    /// take the folder's group, not its creator's primary group, so teammates can read each other's saves.
    case team

    var directoryMode: mode_t { self == .team ? 0o2770 : 0o700 }
    var fileMode: mode_t { self == .team ? 0o660 : 0o600 }
}

/// Tunables for a `RecordStore`, with safe defaults; tests shorten timeouts and inject hooks.
public struct StoreOptions: Sendable {
    public var sharing: FolderSharing
    /// How long a save waits for another session's lock before giving up with `StoreError.lockTimeout`.
    public var lockTimeout: Duration
    /// Files bigger than this are reported, not parsed (a record is a few KB; 5 MB is surely not one).
    public var maxFileSize: Int
    /// Temp files older than this whose process is gone are removed on open.
    public var staleTempAge: Duration
    /// Whether opening looks for those temp files at all. Finding them lists every record folder (≈ 0.15 s at 300,000
    /// files), which a command that only reads through the folder index must not pay: they cost disk space, never a
    /// record, and every writing command still sweeps them, the app on another thread while it starts.
    public var sweepsTempFiles: Bool
    /// Observes each atomic-write step; throw from it to simulate a crash (tests only).
    public var writeHook: AtomicWriteHook?
    /// Where the store reports what it did (quarantines, migrations, cleanups). Silent by default.
    public var logger: Logger

    public init(
        sharing: FolderSharing = .privateToUser,
        lockTimeout: Duration = .seconds(5),
        maxFileSize: Int = 5 * 1024 * 1024,
        staleTempAge: Duration = .seconds(60),
        sweepsTempFiles: Bool = true,
        writeHook: AtomicWriteHook? = nil,
        logger: Logger = Logger(label: "reach.store", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.sharing = sharing
        self.lockTimeout = lockTimeout
        self.maxFileSize = maxFileSize
        self.staleTempAge = staleTempAge
        self.sweepsTempFiles = sweepsTempFiles
        self.writeHook = writeHook
        self.logger = logger
    }
}
