import ReachCore

/// Every path inside the data folder, in one place, so no other file builds paths by hand.
public struct DataFolderLayout: Sendable, Hashable {
    /// The data folder itself.
    public let root: String

    public init(root: String) {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    public var workspaceFile: String { root + "/reach.json" }
    public var lockFile: String { root + "/.lock" }
    public var quarantineDirectory: String { root + "/quarantine" }
    public var trashDirectory: String { root + "/trash" }
    public var backupsDirectory: String { root + "/backups" }
    public var logsDirectory: String { root + "/logs" }
    /// `cache/`: the folder index and its change journal, shared by every session and command on this folder
    /// (derived, disposable).
    public var cacheDirectory: String { root + "/cache" }

    /// `influencers/`, `campaigns/`...
    public func directory(for kind: RecordKind) -> String { root + "/" + kind.folderName }
    /// `influencers/<id>.json`
    public func recordFile(_ kind: RecordKind, _ id: RecordID) -> String { directory(for: kind) + "/" + Self.fileName(id) }
    /// `trash/influencers/`
    public func trashDirectory(for kind: RecordKind) -> String { trashDirectory + "/" + kind.folderName }
    /// `trash/influencers/<id>.json`
    public func trashFile(_ kind: RecordKind, _ id: RecordID) -> String { trashDirectory(for: kind) + "/" + Self.fileName(id) }
    /// `quarantine/influencers/`
    public func quarantineDirectory(for kind: RecordKind) -> String { quarantineDirectory + "/" + kind.folderName }
    /// `backups/influencers/`
    public func backupsDirectory(for kind: RecordKind) -> String { backupsDirectory + "/" + kind.folderName }

    /// Every folder the store creates on open.
    var allDirectories: [String] {
        [root, quarantineDirectory, trashDirectory, backupsDirectory, logsDirectory]
            + RecordKind.allCases.flatMap {
                [directory(for: $0), trashDirectory(for: $0), quarantineDirectory(for: $0), backupsDirectory(for: $0)]
            }
    }

    /// Folders that may hold our temp files.
    var writableDirectories: [String] {
        [root, conflictsDirectory] + RecordKind.allCases.flatMap {
            [directory(for: $0), trashDirectory(for: $0), backupsDirectory(for: $0), conflictsDirectory(for: $0)]
        }
    }

    static func fileName(_ id: RecordID) -> String { id.rawValue + ".json" }

    /// `fileName(id)` as a C string for `body` only, spelled on the stack with no string made: a full check of the
    /// folder index, and an open app's full scan, each look up 300,000 files by name.
    static func withFileName<T>(_ id: RecordID, _ body: (UnsafePointer<CChar>) -> T) -> T {
        var result: T?
        id.withUTF8 { text in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 6) { name in
                for (index, byte) in text.enumerated() { name[index] = CChar(bitPattern: byte) }
                for (index, byte) in ".json\0".utf8.enumerated() { name[text.count + index] = CChar(bitPattern: byte) }
                result = body(UnsafePointer(name.baseAddress!))
            }
        }
        return result!
    }

    /// The record id a file name claims (`<id>.json`), or nil for anything else (temp files, notes...).
    /// Read as bytes (a start reads 300,000 names, and `hasSuffix` compares as Unicode); nearly every name is a
    /// canonical id's, read with no string made for it.
    static func recordID(fromFileName name: String) -> RecordID? {
        var name = name
        return name.withUTF8(recordID(fromFileName:))
    }

    /// `recordID(fromFileName:)` of a name's UTF-8 bytes.
    static func recordID(fromFileName bytes: UnsafeBufferPointer<UInt8>) -> RecordID? {
        guard bytes.count > 5, bytes[0] != UInt8(ascii: "."), bytes.suffix(5).elementsEqual(".json".utf8) else { return nil }
        return RecordID(utf8: UnsafeBufferPointer(rebasing: bytes.dropLast(5)))
    }
}
