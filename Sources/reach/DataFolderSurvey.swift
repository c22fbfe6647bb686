import Foundation
import ReachCore
import ReachStore

/// What is in a data folder, read without changing anything: `demo` uses it to refuse folders that hold data,
/// `doctor` to report leftovers before opening the store (which tidies some of them away).
struct DataFolderSurvey {
    var exists = false
    /// Record files (`<id>.json`) per kind.
    var records: [RecordKind: Int] = [:]
    /// Files under `trash/`, `quarantine/` and `backups/`, relative to the folder.
    var trashed: [String] = []
    var quarantined: [String] = []
    var backups: [String] = []
    /// Temp files of interrupted saves (`.<name>.tmp-<pid>-<random>`), relative to the folder.
    var tempFiles: [String] = []
    /// Anything that is not part of Reach's layout (notes, a `.git` folder...), plus `reach.json`.
    var otherEntries: [String] = []

    var recordCount: Int { records.values.reduce(0, +) }
    /// Records anywhere: live, deleted, quarantined or backed up. `demo` never writes next to these.
    var holdsData: Bool { recordCount + trashed.count + quarantined.count + backups.count > 0 }

    init(folder: String) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        exists = true
        let layout = DataFolderLayout(root: folder)
        let kinds = Set(RecordKind.allCases.map(\.folderName))
        let housekeeping: Set<String> = [".lock", "logs", "trash", "quarantine", "backups"]
        for name in (try? files.contentsOfDirectory(atPath: folder)) ?? [] where !kinds.contains(name) && !housekeeping.contains(name) {
            if name.contains(".tmp-") { tempFiles.append(name) } else { otherEntries.append(name) }
        }
        for kind in RecordKind.allCases {
            for name in (try? files.contentsOfDirectory(atPath: layout.directory(for: kind))) ?? [] {
                if name.hasPrefix(".") && name.contains(".tmp-") {
                    tempFiles.append(kind.folderName + "/" + name)
                } else if name.hasSuffix(".json") && !name.hasPrefix(".") {
                    records[kind, default: 0] += 1
                } else {
                    otherEntries.append(kind.folderName + "/" + name)
                }
            }
        }
        trashed = Self.files(under: layout.trashDirectory, relativeTo: layout.root)
        quarantined = Self.files(under: layout.quarantineDirectory, relativeTo: layout.root)
        backups = Self.files(under: layout.backupsDirectory, relativeTo: layout.root)
        tempFiles += trashed.filter { $0.contains(".tmp-") } + backups.filter { $0.contains(".tmp-") }
        trashed.removeAll { $0.contains(".tmp-") }
        backups.removeAll { $0.contains(".tmp-") }
        otherEntries.sort()
        tempFiles.sort()
    }

    /// Every regular file below `directory`, as paths relative to `root`.
    private static func files(under directory: String, relativeTo root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let name = walker.nextObject() as? String {
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                out.append(String((directory + "/" + name).dropFirst(root.count + 1)))
            }
        }
        return out.sorted()
    }
}
