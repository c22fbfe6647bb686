#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReachCore

extension RecordStore {
    /// Moves damaged files aside under the lock, but only if each is still the file we read
    /// (another session may have replaced it with a good one meanwhile). Returns where each went.
    func moveToQuarantine<R: Record>(_ items: [NamedOutcome<R>], kind: RecordKind) -> [String?] {
        do {
            return try lock.withLock {
                items.map { item in
                    let source = item.directory + "/" + item.name
                    guard let stamp = item.outcome.stamp, let now = Posix.stampInfo(source), FileStamp(now) == stamp else { return nil }
                    return quarantine(source, into: layout.quarantineDirectory(for: kind), name: item.name)
                }
            }
        } catch {
            logger.error("could not quarantine damaged files: \(error)")
            return items.map { _ in nil }
        }
    }

    /// Moves one file into `directory` as `<name>.<timestamp>` (never overwriting); returns its relative path.
    func quarantine(_ source: String, into directory: String, name: String) -> String? {
        let base = directory + "/" + name + "." + Self.timestamp(clock())
        var destination = base
        var counter = 1
        while Posix.lstat(destination) != nil {
            counter += 1
            destination = base + "-\(counter)"
        }
        do {
            try AtomicWriter.move(source, to: destination)
            logger.warning("quarantined \(relativePath(source)) to \(relativePath(destination))")
            return relativePath(destination)
        } catch {
            logger.error("could not quarantine \(source): \(error)")
            return nil
        }
    }

    /// Keeps the pre-migration file as `backups/<kind>/<id>.v<version>.json` (once; never overwritten).
    func backUp(_ data: Data, kind: RecordKind, name: String, version: Int) {
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        let target = layout.backupsDirectory(for: kind) + "/" + stem + ".v\(version).json"
        guard Posix.lstat(target) == nil else { return }
        do {
            try writer.write(Array(data), to: target)
            logger.info("backed up \(kind.folderName)/\(name) (schema \(version)) to \(relativePath(target))")
        } catch {
            logger.error("could not back up \(name) before migration: \(error)")
        }
    }

    /// Removes `.<name>.tmp-<pid>-<random>` files older than `staleTempAge` whose process is gone, and the
    /// snapshot files earlier versions kept in `cache/`.
    ///
    /// Only names with our temp marker are touched; a temp file is never read as a record, so this can run on
    /// another thread while records are read and written (the app does so after opening with `sweepsTempFiles` off).
    public func removeLeftovers() {
        for directory in layout.writableDirectories + [layout.cacheDirectory] { removeStaleTempFiles(in: directory) }
        removeLeftoverSnapshots()
    }

    private func removeStaleTempFiles(in directory: String) {
        let now = clock().timeIntervalSince1970
        let maxAge = Double(options.staleTempAge.components.seconds)
        // Temp names start with a dot: the 200,000 record files beside them are passed over as bytes.
        for name in (try? Posix.listDirectory(directory, keeping: { $0.first == UInt8(ascii: ".") })) ?? [] {
            guard let marker = name.range(of: AtomicWriter.tempMarker, options: .backwards) else { continue }
            let pidText = name[marker.upperBound...].prefix { $0 != "-" }
            guard let pid = Int32(pidText), let info = Posix.lstat(directory + "/" + name), Posix.isRegular(info) else { continue }
            let age = now - Double(info.st_mtim.tv_sec)
            guard age > maxAge, pid != getpid(), !Posix.processExists(pid) else { continue }
            if unlink(directory + "/" + name) == 0 {
                logger.notice("removed stale temp file \(relativePath(directory + "/" + name)) left by process \(pid)")
            }
        }
    }

    /// Deletes the snapshot files (`cache/*.snapshot`, up to 461 MB each at 100k creators) that Reach wrote for fast
    /// starts before the folder index replaced them: derived from the record files, and read by nothing since.
    private func removeLeftoverSnapshots() {
        let directory = layout.cacheDirectory
        for name in (try? Posix.listDirectory(directory)) ?? [] where name.hasSuffix(".snapshot") {
            let path = directory + "/" + name
            guard let info = Posix.lstat(path), Posix.isRegular(info), unlink(path) == 0 else { continue }
            logger.notice("removed \(relativePath(path)), a snapshot cache the folder index replaced")
        }
    }

    /// `20250314T093000Z`: sortable, no characters that need quoting in a shell.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
