import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReachCore
import Testing

/// Changes to a data folder made the way a person does them by hand, outside Reach: a text editor saving over a
/// record file, a copied file, a deletion.
extension EndToEndTests {
    /// The file of the creator called `name`.
    func creatorFile(_ folder: DataFolder, named name: String) throws -> URL {
        let record = try #require(try folder.records("influencers").first { $0["displayName"] as? String == name }, "no creator \(name)")
        let id = try #require(record["id"] as? String)
        return folder.url.appendingPathComponent("influencers/\(id).json")
    }

    func rename(_ text: String, _ name: String, to newName: String) -> String {
        text.replacingOccurrences(of: #""displayName": "\#(name)""#, with: #""displayName": "\#(newName)""#)
    }

    /// Adds a creator file copied from `source` under a new id and `name`, as someone duplicating a file by hand would.
    func addCopy(of source: URL, named name: String, to folder: DataFolder) throws {
        let text = try String(contentsOf: source, encoding: .utf8)
        let oldID = source.deletingPathExtension().lastPathComponent
        let newID = RecordID.generate(at: Date()).rawValue
        let oldName = try #require(try folder.records("influencers").first { $0["id"] as? String == oldID }?["displayName"] as? String)
        let copy = rename(text, oldName, to: name).replacingOccurrences(of: #""id": "\#(oldID)""#, with: #""id": "\#(newID)""#)
        try #require(copy.contains(newID) && copy.contains(name))
        try folder.writeRaw(copy, kind: "influencers", name: "\(newID).json")
    }
}

/// Rewrites `file` in place (same inode, as an editor saving over it) with `edit` applied to its text. With
/// `keepingSizeAndTime`, pads it back to its old size with trailing spaces (insignificant in JSON) and puts the
/// old modification time back, as `cp -p` or `rsync -t` would: then only the change time differs.
func editInPlace(_ file: URL, keepingSizeAndTime: Bool = false, _ edit: (String) -> String) throws {
    var before = stat()
    try #require(stat(file.path, &before) == 0)
    let text = try String(contentsOf: file, encoding: .utf8)
    var edited = edit(text)
    try #require(edited != text, "the edit changed nothing in \(file.lastPathComponent)")
    if keepingSizeAndTime {
        let missing = text.utf8.count - edited.utf8.count
        try #require(missing >= 0, "the edit made \(file.lastPathComponent) longer")
        edited += String(repeating: " ", count: missing)
    }
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: 0)
    try handle.write(contentsOf: Data(edited.utf8))
    try handle.close()
    guard keepingSizeAndTime else { return }
    let times = [before.st_atim, before.st_mtim]
    try #require(utimensat(AT_FDCWD, file.path, times, 0) == 0)
    var after = stat()
    try #require(stat(file.path, &after) == 0)
    try #require(after.st_ino == before.st_ino && after.st_size == before.st_size
                 && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
}
