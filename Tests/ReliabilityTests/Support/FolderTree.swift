#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Every entry under a folder with what `lstat` says, to compare before/after and check modes.
struct FolderTree: Equatable {
    struct Entry: Equatable, CustomStringConvertible {
        var mode: mode_t
        var group: gid_t
        var size: Int
        var modified: Int
        var isDirectory: Bool { mode & S_IFMT == S_IFDIR }
        var permissions: mode_t { mode & 0o7777 }
        var description: String { "\(String(permissions, radix: 8)) gid \(group) \(size) bytes" }
    }

    /// Relative path → entry; the root itself is "".
    var entries: [String: Entry] = [:]

    /// Walks `root` without following symlinks, skipping the relative paths in `excluding`.
    init(_ root: String, excluding: Set<String> = []) {
        var info = stat()
        guard lstat(root, &info) == 0 else { return }
        entries[""] = Self.entry(info)
        var pending = [""]
        while let relative = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard !excluding.contains(child), lstat(root + "/" + child, &info) == 0 else { continue }
                entries[child] = Self.entry(info)
                if info.st_mode & S_IFMT == S_IFDIR { pending.append(child) }
            }
        }
    }

    private static func entry(_ info: stat) -> Entry {
        Entry(mode: info.st_mode, group: info.st_gid, size: Int(info.st_size), modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    /// Entries whose permission bits are not `directory` (folders) or `file` (everything else).
    func wrongModes(directory: mode_t, file: mode_t) -> [String] {
        entries.filter { $0.value.permissions != ($0.value.isDirectory ? directory : file) }
            .map { "\($0.key.isEmpty ? "." : $0.key): \($0.value)" }.sorted()
    }
}
