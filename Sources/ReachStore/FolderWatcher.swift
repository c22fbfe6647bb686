#if canImport(Glibc)
import Glibc
#endif
import ReachCore

/// Which record files changed since the last look: what an open app scans instead of stat'ing every file of
/// the folder every second (at 100,000 creators that poll kept more than a core busy in every idle session).
public enum FolderChanges: Sendable, Equatable {
    /// Record file names (`<id>.json`) per kind that were written, renamed or deleted.
    case files([RecordKind: Set<String>])
    /// The watcher lost track (its queue overflowed, a record folder was replaced): scan everything.
    case everything
}

/// Watches the record folders with Linux inotify. Every way a record file changes goes through the kernel
/// as one of these events: Reach's own writes and other sessions' (temp file + rename), a text editor
/// (rename or write in place), `git pull` (unlink + create), `rm`. The app still runs a slow full scan now and
/// then, for what no local event reports (a folder on NFS written from another machine).
///
/// Not thread-safe: one owner (the app loop) calls `take()`.
public final class FolderWatcher {
    private let layout: DataFolderLayout
    private var descriptor: Int32
    /// inotify's watch descriptor for each record folder.
    private var watches: [Int32: RecordKind] = [:]
    private var buffer: [UInt8]
    /// False after a record folder could not be watched again (it was removed): the caller scans everything
    /// at its fallback pace until `take()` manages to watch them again.
    public private(set) var isWatching = true

    /// Nil where inotify is unavailable (not Linux) or refused (the per-user limit of instances or watches):
    /// the caller then falls back to full scans.
    public init?(layout: DataFolderLayout) {
        #if canImport(Glibc)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.layout = layout
        self.descriptor = descriptor
        self.buffer = [UInt8](repeating: 0, count: 64 * 1024)
        guard addWatches() else {
            close(descriptor)
            return nil
        }
        #else
        return nil
        #endif
    }

    deinit {
        #if canImport(Glibc)
        close(descriptor)
        #endif
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Watches every record folder; false when one cannot be watched.
    private func addWatches() -> Bool {
        watches.removeAll()
        for kind in RecordKind.allCases {
            let watch = inotify_add_watch(descriptor, layout.directory(for: kind), Self.mask)
            guard watch >= 0 else { return false }
            watches[watch] = kind
        }
        return true
    }
    #endif

    /// What changed since the last call, without blocking; nil when nothing did.
    public func take() -> FolderChanges? {
        #if canImport(Glibc)
        var files: [RecordKind: Set<String>] = [:]
        let lostTrack = drain { kind, name in
            if DataFolderLayout.recordID(fromFileName: name) != nil { files[kind, default: []].insert(name) }
        }
        if lostTrack || !isWatching {
            // A replaced folder needs a new watch; an overflow only a full scan. Until the folders can be
            // watched again (one is missing), `isWatching` tells the caller to scan at its fallback pace.
            for watch in watches.keys { inotify_rm_watch(descriptor, watch) }
            _ = drain { _, _ in }
            let wasWatching = isWatching
            isWatching = addWatches()
            return lostTrack || (isWatching && !wasWatching) ? .everything : nil
        }
        return files.isEmpty ? nil : .files(files)
        #else
        return .everything
        #endif
    }

    #if canImport(Glibc)
    /// Reads every queued event, calling `changed` with the folder's kind and the file name of each; true when
    /// an event says the watcher lost track (queue overflow, a watched folder removed or moved).
    private func drain(_ changed: (RecordKind, String) -> Void) -> Bool {
        var lostTrack = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return lostTrack }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    offset = nameStart + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                        lostTrack = true
                        continue
                    }
                    guard let kind = watches[event.wd], event.len > 0 else { continue }
                    // The name is NUL-padded to `len` bytes.
                    let raw = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<min(offset, count)])
                    changed(kind, String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self))
                }
            }
        }
    }
    #endif
}
