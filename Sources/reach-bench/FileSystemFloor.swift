import Foundation

/// What the disk alone costs an import: `count` files of `size` bytes created as temp files (open, fchmod,
/// write, close), one `sync`, then renamed into place and the folder flushed: `insertBatch`'s system calls
/// with no Reach code around them, so the import rows can be read as "Reach's share" + "the disk's".
enum FileSystemFloor {
    static func measure(count: Int, size: Int, in folder: String) throws -> (wall: Duration, cpu: Double) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        let names = (0..<count).map { String(format: "%026d", $0) + ".json" }
        return try Measure.timed {
            for name in names {
                let fd = open(folder + "/." + name + ".tmp-floor", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw BenchError(description: "cannot create files in \(folder)") }
                fchmod(fd, 0o600)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            sync()
            for name in names { rename(folder + "/." + name + ".tmp-floor", folder + "/" + name) }
            let fd = open(folder, O_RDONLY | O_DIRECTORY)
            fsync(fd)
            close(fd)
        }
    }

    /// The mean size of the files in `folder` (from the first 200), for a floor run writing files like them.
    static func meanFileSize(in folder: String) -> Int {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).prefix(200)
        let sizes = names.compactMap { (try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0))?[.size] as? Int }
        return sizes.isEmpty ? 2_000 : sizes.reduce(0, +) / sizes.count
    }
}
